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

    public static func read(folder: String) throws -> SweepManifest {
        let path = (folder as NSString).appendingPathComponent(SweepFiles.manifest)
        guard let data = FileManager.default.contents(atPath: path) else { throw SweepError("\(folder) has no sweep.json: not a sweep folder") }
        do {
            var manifest = try JSONDecoder().decode(SweepManifest.self, from: data)
            manifest.fingerprint = SweepPlan.padded(manifest.fingerprint)
            return manifest
        } catch {
            throw SweepError("\(path) cannot be read: \(error)")
        }
    }
}
