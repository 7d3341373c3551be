import Foundation
import Reports

/// `sweep.json`: what a sweep folder holds — the scenario, the grid, the target ids
/// (the CSV's columns), the shard and the fingerprint a rerun or a merge must match.
public struct SweepManifest: Codable, Sendable, Equatable {
    public var schema = "capsim.sweep/1"
    public var fingerprint: String
    public var scenario: String
    public var axes: [Axis]
    public var seeds: [UInt64]
    public var years: String
    public var yearCount: Int
    public var points: Int
    public var targets: [String]
    /// `i/n` when the folder holds one shard.
    public var shard: String?

    public struct Axis: Codable, Sendable, Equatable {
        public var path: String
        public var values: [String]
    }

    public init(plan: SweepPlan, fingerprint: String, targets: [String], shard: String?) {
        self.fingerprint = fingerprint
        scenario = plan.scenarioPath
        axes = plan.axes.map { Axis(path: $0.path, values: $0.values) }
        seeds = plan.seeds
        years = plan.years.description
        yearCount = plan.years.runs.reduce(0) { $0 + $1.count }
        points = plan.count
        self.targets = targets
        self.shard = shard
    }

    enum CodingKeys: String, CodingKey {
        case schema, fingerprint, scenario, axes, seeds, years, points, targets, shard
        case yearCount = "year_count"
    }

    public func data() throws -> Data { try JSONOutput.encode(self) }

    /// What differs between `earlier` (held in `earlierPlace`) and this sweep (held in
    /// `place`), in words, for a refusal: the scenario file, the axes, the seeds or the
    /// years; when none of them, the scenario's contents (its values as read, or a CSV
    /// series it reads). A fingerprint alone told the analyst that something changed, not what.
    public func changes(since earlier: SweepManifest, in earlierPlace: String, _ place: String) -> String {
        func axes(_ manifest: SweepManifest) -> String {
            manifest.axes.isEmpty ? "none" : manifest.axes.map { "\($0.path)=\($0.values.joined(separator: ","))" }.joined(separator: " ")
        }
        func seeds(_ manifest: SweepManifest) -> String { Self.runs(manifest.seeds) }
        let compared = [("scenario file", earlier.scenario, scenario), ("axes", axes(earlier), axes(self)),
                        ("seeds", seeds(earlier), seeds(self)), ("years", earlier.years, years)]
        return Self.changes(compared, in: earlierPlace, place)
    }

    /// Seeds as written back: runs of three or more consecutive ones as `A...B`, so that a
    /// message about 100 000 seeds is `1...100000`, not 589 kB of them.
    static func runs(_ seeds: [UInt64]) -> String {
        var parts: [String] = [], start = 0
        while start < seeds.count {
            var end = start
            while end + 1 < seeds.count, seeds[end] < UInt64.max, seeds[end + 1] == seeds[end] + 1 { end += 1 }
            parts += end - start >= 2 ? ["\(seeds[start])...\(seeds[end])"] : seeds[start...end].map(String.init)
            start = end + 1
        }
        return parts.joined(separator: ",")
    }

    /// `compared` (what, before, after) in words: the ones that differ, or when none does,
    /// that the scenario's contents do.
    static func changes(_ compared: [(String, String, String)], in earlierPlace: String, _ place: String) -> String {
        let changes = compared.filter { $0.1 != $0.2 }.map { "the \($0.0): \($0.1) \(earlierPlace), \($0.2) \(place)" }
        guard changes.isEmpty else { return changes.joined(separator: "; ") }
        return "the same \(compared.map(\.0).joined(separator: ", ")): the scenario's values as read, or a CSV series it reads, differ"
    }

    public static func read(folder: String) throws -> SweepManifest {
        let path = (folder as NSString).appendingPathComponent(SweepFiles.manifest)
        guard let data = FileManager.default.contents(atPath: path) else { throw SweepError("\(folder) has no sweep.json: not a sweep folder") }
        var manifest: SweepManifest
        do {
            manifest = try JSONDecoder().decode(SweepManifest.self, from: data)
        } catch {
            throw SweepError("\(path) cannot be read: \(error)")
        }
        manifest.fingerprint = SweepPlan.padded(manifest.fingerprint)
        // An edited grid of 10²⁰ points overflowed the count of a merge.
        do {
            try SweepPlan(manifest, years: .each([])).checkSize(byOptions: false)
        } catch {
            throw SweepError("\(path): \(error.message)")
        }
        return manifest
    }
}
