import Foundation
import Reports

/// Joins the folders of the shards of one sweep: their fingerprints must agree; points
/// found in several folders must agree too (they are then kept once). The shards' failed
/// points that none of them holds go to the joined failures.jsonl. The folder written
/// must hold no other sweep's results, unless `restart` lets them be replaced. Reading and
/// writing are apart so that nothing is made before every shard has been read.
public enum SweepMerge {
    /// The shards' results joined in memory, ready to be written.
    public struct Joined {
        public let manifest: SweepManifest
        let header: String, lines: [String], points: [Int], json: [Int: String]
        /// The shards' failed points that no folder holds a result for.
        public let failures: [FailureLog.Entry]
    }

    /// Reads and joins the shards' folders; writes nothing.
    public static func read(_ folders: [String]) throws -> Joined {
        guard let first = folders.first else { throw SweepError("sweep merge: name the shards' folders") }
        var manifest = try SweepManifest.read(folder: first)
        var csv: [Int: [String]] = [:], json: [Int: String] = [:], failures: [Int: FailureLog.Entry] = [:]
        for folder in folders {
            let other = try SweepManifest.read(folder: folder)
            guard other.fingerprint == manifest.fingerprint else {
                throw SweepError("\(folder) holds another sweep (fingerprint \(other.fingerprint), \(first) has \(manifest.fingerprint))")
            }
            for line in try PointTable.lines((folder as NSString).appendingPathComponent(SweepFiles.points), manifest: other) {
                csv[line.row.point, default: []].append(line.text)
            }
            for line in try PointTable.jsonLines((folder as NSString).appendingPathComponent(SweepFiles.pointLines), manifest: other) {
                if let earlier = json[line.point], earlier != line.text { throw SweepError("point \(line.point) differs between the folders") }
                json[line.point] = line.text
            }
            for entry in try FailureLog.read(folder: folder) { failures[entry.point] = entry }
        }
        manifest.shard = nil
        let points = json.keys.filter { csv[$0] != nil }.sorted()
        let lines = points.flatMap { Array(Set(csv[$0]!)).sorted() }
        guard points.allSatisfy({ Set(csv[$0]!).count == manifest.yearCount }) else {
            throw SweepError("a point has rows that differ between the folders")
        }
        return Joined(manifest: manifest, header: PointTable.header(manifest), lines: lines, points: points, json: json,
                      failures: failures.values.filter { json[$0.point] == nil || csv[$0.point] == nil }.sorted { $0.point < $1.point })
    }

    /// Writes `joined` into `out`, which must hold no other sweep's results unless `restart`
    /// lets them be replaced; returns its rows and how many points of the grid are missing.
    public static func write(_ joined: Joined, into out: String, restart: Bool) throws -> (rows: [PointTable.Row], missing: Int) {
        let manifest = joined.manifest
        try SweepStore.createFolder(out)
        _ = try SweepStore.holdsOtherSweep(out, than: manifest, restart: restart)
        func path(_ name: String) -> String { (out as NSString).appendingPathComponent(name) }
        try AtomicFile.write(manifest.data(), to: path(SweepFiles.manifest))
        try AtomicFile.write(Data((([joined.header] + joined.lines).joined(separator: "\n") + "\n").utf8), to: path(SweepFiles.points))
        try AtomicFile.write(Data(joined.points.map { joined.json[$0]! + "\n" }.joined().utf8), to: path(SweepFiles.pointLines))
        try FailureLog.write(joined.failures, folder: out)
        return (try PointTable.rows(path(SweepFiles.points), manifest: manifest), manifest.points - joined.points.count)
    }
}
