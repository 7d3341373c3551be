import Foundation
import Reports

/// A sweep's folder: `sweep.json` (what the sweep is, with its fingerprint),
/// `points.csv` (one row per point and year) and `points.jsonl` (one line per point),
/// both appended as each point finishes.
///
/// Each point goes to each file in one `write` on a descriptor opened for appending, so
/// a file holds whole points; a crash can at most cut the last line, and opening the
/// folder again keeps only the points that are whole in both files (rewriting them
/// atomically if anything was cut). A point is done when it is in both.
public struct SweepStore: Sendable {
    public let folder: String
    public let manifest: SweepManifest

    public var csvPath: String { path("points.csv") }
    public var jsonlPath: String { path("points.jsonl") }

    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    /// Opens (or creates) the folder for `manifest`; a folder of another sweep is refused
    /// unless `restart`, which empties it. Returns the store and the points already done.
    public static func open(folder: String, manifest: SweepManifest, restart: Bool) throws -> (SweepStore, done: Set<Int>) {
        let store = SweepStore(folder: folder, manifest: manifest)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw SweepError("cannot create the folder \(folder): \((error as NSError).localizedDescription)")
        }
        let results = ["sweep.json", "points.csv", "points.jsonl"].filter { FileManager.default.fileExists(atPath: store.path($0)) }
        if !results.isEmpty {
            let other: String?
            do {
                let existing = try SweepManifest.read(folder: folder)
                other = existing.fingerprint == manifest.fingerprint && existing.shard == manifest.shard ? nil
                    : """
                    \(folder) holds another sweep (fingerprint \(existing.fingerprint)\(existing.shard.map { ", shard \($0)" } ?? "")); \
                    this one is \(manifest.fingerprint)\(manifest.shard.map { ", shard \($0)" } ?? ""): the scenario or the grid changed
                    """
            } catch {
                other = "\(folder) holds \(results.joined(separator: ", ")) of a sweep whose sweep.json cannot be read, so capsim cannot tell whether they belong to this sweep (\(error))"
            }
            if let other {
                guard restart else { throw SweepError("\(other). Use another --out folder, or --restart to discard the results there") }
                for name in ["points.csv", "points.jsonl", "summary.csv"] { try? FileManager.default.removeItem(atPath: store.path(name)) }
            }
        }
        try AtomicFile.write(manifest.data(), to: store.path("sweep.json"))
        let done = try store.recover()
        return (store, done)
    }

    /// Keeps the points whole in both files; returns their numbers.
    func recover() throws -> Set<Int> {
        let header = PointTable.header(manifest)
        let csvLines = Self.wholeLines(csvPath).filter { $0 != header }
        let jsonLines = Self.wholeLines(jsonlPath)
        var rows: [Int: [String]] = [:]
        for line in csvLines { if let point = Int(line.prefix { $0 != "," }) { rows[point, default: []].append(line) } }
        let years = manifest.yearCount
        let inCSV = Set(rows.filter { $0.value.count == years }.keys)
        let inJSON = Set(jsonLines.compactMap(PointTable.pointNumber(ofJSONLine:)))
        let done = inCSV.intersection(inJSON)
        let keptCSV = csvLines.filter { Int($0.prefix { $0 != "," }).map(done.contains) ?? false }
        let keptJSON = jsonLines.filter { PointTable.pointNumber(ofJSONLine: $0).map(done.contains) ?? false }
        let csvText = ([header] + keptCSV).joined(separator: "\n") + "\n", jsonText = keptJSON.map { $0 + "\n" }.joined()
        if (try? String(contentsOfFile: csvPath, encoding: .utf8)) != csvText { try AtomicFile.write(Data(csvText.utf8), to: csvPath) }
        if (try? String(contentsOfFile: jsonlPath, encoding: .utf8)) ?? "" != jsonText { try AtomicFile.write(Data(jsonText.utf8), to: jsonlPath) }
        return done
    }

    /// Appends a finished point to both files.
    public func append(_ result: PointResult) throws {
        try Self.append(PointTable.jsonLine(result, manifest: manifest) + "\n", to: jsonlPath)
        try Self.append(PointTable.csvRows(result).map { $0 + "\n" }.joined(), to: csvPath)
    }

    /// One `write` of `text` at the end of the file.
    static func append(_ text: String, to path: String) throws {
        let descriptor = Foundation.open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard descriptor >= 0 else { throw SweepError("cannot open \(path) to append: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw SweepError("cannot append to \(path): \(String(cString: strerror(errno)))") }
    }

    /// The lines of a file that end with a line break (a cut last line is left out).
    static func wholeLines(_ path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast()
        return lines.filter { !$0.isEmpty }
    }
}
