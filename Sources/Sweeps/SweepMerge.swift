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
        // Each row (by point and year) and line (by point) with the folder it was read from.
        var csv: [Int: [Int: Found]] = [:], json: [Int: Found] = [:], failures: [Int: FailureLog.Entry] = [:]
        for folder in folders {
            let other = try SweepManifest.read(folder: folder)
            guard other.fingerprint == manifest.fingerprint else {
                throw SweepError("\(folder) holds another sweep (fingerprint \(other.fingerprint), \(first) has \(manifest.fingerprint): \(other.changes(since: manifest, in: "in \(first)", "in \(folder)")))")
            }
            let csvPath = (folder as NSString).appendingPathComponent(SweepFiles.points)
            let jsonPath = (folder as NSString).appendingPathComponent(SweepFiles.pointLines)
            let (csvLines, jsonLines) = (try PointTable.lines(csvPath, manifest: other), try PointTable.jsonLines(jsonPath, manifest: other))
            try PointTable.checkAgreement(csvLines, csvPath, jsonLines, jsonPath, manifest: other)
            for line in csvLines {
                let found = Found(folder: folder, text: line.text)
                try found.check(against: csv[line.row.point]?[line.row.year], "point \(line.row.point), year \(line.row.year)", in: SweepFiles.points)
                csv[line.row.point, default: [:]][line.row.year] = found
            }
            for line in jsonLines {
                let found = Found(folder: folder, text: line.text)
                try found.check(against: json[line.point], "point \(line.point)", in: SweepFiles.pointLines)
                json[line.point] = found
            }
            for entry in try FailureLog.read(folder: folder) { failures[entry.point] = entry }
        }
        manifest.shard = nil
        // A point is done when it is in points.jsonl and has every year in points.csv, as in a
        // shard's own folder (`SweepStore`); a shard cut short may hold less of one.
        let done = Set(json.keys.filter { csv[$0]?.count == manifest.yearCount }), points = done.sorted()
        let lines = points.flatMap { point in csv[point]!.sorted { $0.key < $1.key }.map(\.value.text) }
        return Joined(manifest: manifest, header: PointTable.header(manifest), lines: lines, points: points, json: json.mapValues(\.text),
                      failures: failures.values.filter { !done.contains($0.point) }.sorted { $0.point < $1.point })
    }

    /// A row or line read from a shard's folder.
    private struct Found {
        var folder: String, text: String

        /// The same point (and year) read from another folder before must say the same:
        /// else an error naming both folders' files.
        func check(against earlier: Found?, _ what: String, in file: String) throws {
            guard let earlier, earlier.text != text else { return }
            func path(_ folder: String) -> String { (folder as NSString).appendingPathComponent(file) }
            throw SweepError("""
                \(what) differs between \(path(earlier.folder)) and \(path(folder)): expected one result in every folder that holds it \
                (a shard run by another version of capsim, or a file edited?)
                """)
        }
    }

    /// Writes `joined` into `out`, which must hold no other sweep's results unless `restart`
    /// lets them be replaced; returns its rows and how many points of the grid are missing.
    public static func write(_ joined: Joined, into out: String, restart: Bool) throws -> (rows: [PointTable.Row], missing: Int) {
        let manifest = joined.manifest
        try SweepStore.createFolder(out)
        _ = try SweepStore.holdsOtherSweep(out, than: manifest, restart: restart)
        func path(_ name: String) -> String { (out as NSString).appendingPathComponent(name) }
        // --out is none of the shards' folders: its results are an earlier merge's, which
        // an interrupted merge must not leave beside some of this one's files.
        for name in [SweepFiles.summary, SweepFiles.failures, SweepFiles.points, SweepFiles.pointLines] {
            try AtomicFile.removeEarlier(path(name))
        }
        try AtomicFile.write(manifest.data(), to: path(SweepFiles.manifest))
        try AtomicFile.write(Data((([joined.header] + joined.lines).joined(separator: "\n") + "\n").utf8), to: path(SweepFiles.points))
        try AtomicFile.write(Data(joined.points.map { joined.json[$0]! + "\n" }.joined().utf8), to: path(SweepFiles.pointLines))
        try FailureLog.write(joined.failures, folder: out)
        return (try PointTable.rows(path(SweepFiles.points), manifest: manifest), manifest.points - joined.points.count)
    }
}
