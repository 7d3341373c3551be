import Foundation
import Reports

/// Joins the folders of the shards of one sweep: their fingerprints must agree; points
/// found in several folders must agree too (they are then kept once). The folder written
/// must hold no other sweep's results, unless `restart` lets them be replaced.
public enum SweepMerge {
    public static func merge(_ folders: [String], into out: String, restart: Bool) throws -> (manifest: SweepManifest, rows: [PointTable.Row], missing: Int) {
        guard let first = folders.first else { throw SweepError("sweep merge: name the shards' folders") }
        var manifest = try SweepManifest.read(folder: first)
        var csv: [Int: [String]] = [:], json: [Int: String] = [:]
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
        }
        manifest.shard = nil
        let points = json.keys.filter { csv[$0] != nil }.sorted()
        let header = PointTable.header(manifest)
        let lines = points.flatMap { Array(Set(csv[$0]!)).sorted() }
        guard points.allSatisfy({ Set(csv[$0]!).count == manifest.yearCount }) else {
            throw SweepError("a point has rows that differ between the folders")
        }
        try SweepStore.createFolder(out)
        _ = try SweepStore.holdsOtherSweep(out, than: manifest, restart: restart)
        func path(_ name: String) -> String { (out as NSString).appendingPathComponent(name) }
        try AtomicFile.write(manifest.data(), to: path(SweepFiles.manifest))
        try AtomicFile.write(Data((([header] + lines).joined(separator: "\n") + "\n").utf8), to: path(SweepFiles.points))
        try AtomicFile.write(Data(points.map { json[$0]! + "\n" }.joined().utf8), to: path(SweepFiles.pointLines))
        return (manifest, try PointTable.rows(path(SweepFiles.points), manifest: manifest), manifest.points - points.count)
    }
}
