import Foundation
import Reports

/// `search.json`: what a search's folder holds — the scenario, the key and its interval,
/// the target, the fixed keys, seeds and years — and the fingerprint of all that decides
/// the values tried, which a rerun must match to take the rows of `search.csv` instead of
/// evaluating them again (as `sweep.json` does for a grid).
public struct SearchManifest: Codable, Sendable, Equatable {
    public var schema = "capsim.search/1"
    public var fingerprint: String
    public var scenario: String
    public var minimize: String
    public var between: String
    public var meets: String
    public var probability: Double
    public var tolerance: String
    /// The keys the search holds at one value (`--set`, or the sweep file's `set:`).
    public var set: [String: String]
    public var seeds: [UInt64]
    public var years: String

    public init(search: SweepSearch, plan: SweepPlan, fingerprint: String) {
        self.fingerprint = fingerprint
        scenario = plan.scenarioPath
        minimize = search.key
        between = search.between
        meets = search.target
        probability = search.probability
        tolerance = search.written(search.tolerance)
        set = Dictionary(uniqueKeysWithValues: plan.axes.map { ($0.path, $0.values.map(CSVField.quoted).joined(separator: ",")) })
        seeds = plan.seeds
        years = plan.years.description
    }

    public func data() throws -> Data { try JSONOutput.encode(self) }

    /// What differs between `earlier` (held in `earlierPlace`) and this search, in words
    /// (see `SweepManifest.changes`).
    func changes(since earlier: SearchManifest, in earlierPlace: String, _ place: String) -> String {
        func fixed(_ manifest: SearchManifest) -> String {
            manifest.set.isEmpty ? "none" : manifest.set.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
        func seeds(_ manifest: SearchManifest) -> String { manifest.seeds.map(String.init).joined(separator: ",") }
        let compared = [("scenario file", earlier.scenario, scenario), ("key", earlier.minimize, minimize), ("interval", earlier.between, between),
                        ("target", earlier.meets, meets), ("probability", "\(earlier.probability)", "\(probability)"),
                        ("tolerance", earlier.tolerance, tolerance), ("fixed keys", fixed(earlier), fixed(self)),
                        ("seeds", seeds(earlier), seeds(self)), ("years", earlier.years, years)]
        return SweepManifest.changes(compared, in: earlierPlace, place)
    }

    /// The manifest at `path`; a file that cannot be read or decoded is an error saying so.
    static func read(_ path: String) throws -> SearchManifest {
        guard let data = FileManager.default.contents(atPath: path) else { throw SweepError("\(path) cannot be read") }
        do {
            var manifest = try JSONDecoder().decode(SearchManifest.self, from: data)
            manifest.fingerprint = SweepPlan.padded(manifest.fingerprint)
            return manifest
        } catch {
            throw SweepError("\(path) cannot be read: \(error)")
        }
    }
}
