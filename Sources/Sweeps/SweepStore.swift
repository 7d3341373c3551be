import Foundation
import EnergyModel
import Reports

/// A sweep's folder: `sweep.json` (what the sweep is, with its fingerprint),
/// `points.csv` (one row per point and year) and `points.jsonl` (one line per point),
/// both appended as each point finishes, and `failures.jsonl` (`FailureLog`).
///
/// Each point goes to each file in one `write` on a descriptor opened for appending, so
/// a file holds whole points; a crash can at most cut the last line, and opening the
/// folder again keeps only the points that are whole in both files (rewriting them
/// atomically if anything was cut). A point is done when it is in both. A row of
/// points.csv damaged before its last line is not a crash's doing: it is refused, with
/// its line, rather than found after the remaining points ran; so is a row or line that is
/// not a point of this grid (`SweepGrid`). The caller holds the folder's `FolderLock`, so
/// no other sweep appends meanwhile.
public struct SweepStore: Sendable {
    public let folder: String
    public let manifest: SweepManifest

    public var csvPath: String { path(SweepFiles.points) }
    public var jsonlPath: String { path(SweepFiles.pointLines) }

    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    /// Opens (or creates) the folder for `manifest`; a folder of another sweep is refused
    /// unless `restart`, which empties it (a folder of this sweep too, so that rows refused
    /// as not its own can be discarded). Returns the store and the points already done.
    /// A damaged row of points.csv is found here, before any point runs.
    public static func open(folder: String, manifest: SweepManifest, restart: Bool) throws -> (SweepStore, done: Set<Int>) {
        let store = SweepStore(folder: folder, manifest: manifest)
        try createFolder(folder)
        try checkResultFiles(folder)
        // As a search refuses a grid's folder (`SearchTable`): a grid written beside a
        // search's values left a folder neither could use again.
        let search = present([SweepFiles.searchTable, SweepFiles.searchManifest], in: folder)
        guard search.isEmpty else {
            throw SweepError("\(folder) holds the values of a search (\(search.joined(separator: ", "))): give the sweep another --out folder")
        }
        if try holdsOtherSweep(folder, than: manifest, restart: restart) || restart {
            for name in [SweepFiles.points, SweepFiles.pointLines, SweepFiles.summary] { unlink(store.path(name)) }
        }
        try AtomicFile.write(manifest.data(), to: store.path(SweepFiles.manifest))
        let done = try store.recover()
        // The points an earlier run could not project are not done: this run tries them
        // again. Cleared only once the rows are found whole: a run refused on a damaged row
        // deleted the record of the failures.
        try FailureLog.write([], folder: folder)
        return (store, done)
    }

    /// Creates `folder` and the folders above it. When it cannot, the message says why in
    /// words (a path above it that is a file, a permission), not as Foundation's error code.
    static func createFolder(_ folder: String) throws {
        do {
            try AtomicFile.makeFolder(folder)
        } catch {
            throw SweepError(error.description)
        }
    }

    /// Each file of a sweep's results in `folder` can be written: above all, none is a
    /// folder. A user's folder named points.csv was taken for a sweep's results, with advice
    /// to use `--restart`, which removed it with everything in it; results are removed with
    /// `unlink`, which removes no folder, and only once this has passed.
    static func checkResultFiles(_ folder: String) throws {
        for name in SweepFiles.gridResults {
            do {
                try AtomicFile.checkWritable((folder as NSString).appendingPathComponent(name))
            } catch {
                throw SweepError(error.description)
            }
        }
    }

    /// The files of a sweep's results that `folder` holds.
    static func resultFiles(in folder: String) -> [String] {
        present([SweepFiles.manifest, SweepFiles.points, SweepFiles.pointLines], in: folder)
    }

    /// Those of the files `names` that `folder` holds.
    static func present(_ names: [String], in folder: String) -> [String] {
        names.filter { FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0)) }
    }

    /// Whether `folder` holds the results of a sweep other than `manifest`'s (another
    /// fingerprint or shard, or a sweep.json that cannot be read), which only `restart` may
    /// replace: without it, an error saying whose they are.
    static func holdsOtherSweep(_ folder: String, than manifest: SweepManifest, restart: Bool) throws -> Bool {
        let results = resultFiles(in: folder)
        guard !results.isEmpty else { return false }
        let other: String
        do {
            let existing = try SweepManifest.read(folder: folder)
            guard existing.fingerprint != manifest.fingerprint || existing.shard != manifest.shard else { return false }
            other = """
                \(folder) holds another sweep (fingerprint \(existing.fingerprint)\(existing.shard.map { ", shard \($0)" } ?? "")); \
                this one is \(manifest.fingerprint)\(manifest.shard.map { ", shard \($0)" } ?? ""): \
                \(existing.fingerprint == manifest.fingerprint ? "another shard of the same sweep" : "the scenario or the grid changed (\(manifest.changes(since: existing, in: "in \(folder)", "now")))")
                """
        } catch {
            other = "\(folder) holds \(results.joined(separator: ", ")) of a sweep whose sweep.json cannot be read, so capsim cannot tell whether they belong to this sweep (\(error))"
        }
        guard restart else { throw SweepError("\(other). Use another --out folder, or --restart to discard the results there") }
        return true
    }

    /// Keeps the points whole in both files; returns their numbers.
    func recover() throws -> Set<Int> {
        let header = PointTable.header(manifest)
        let csvLines = try PointTable.lines(csvPath, manifest: manifest)
        let jsonLines = try PointTable.jsonLines(jsonlPath, manifest: manifest)
        try PointTable.checkAgreement(csvLines, csvPath, jsonLines, jsonlPath, manifest: manifest)
        var rows: [Int: Int] = [:]
        for line in csvLines { rows[line.row.point, default: 0] += 1 }
        let inCSV = Set(rows.filter { $0.value == manifest.yearCount }.keys)
        let done = inCSV.intersection(jsonLines.map(\.point))
        let keptCSV = csvLines.filter { done.contains($0.row.point) }.map(\.text)
        let keptJSON = jsonLines.filter { done.contains($0.point) }.map(\.text)
        let csvText = ([header] + keptCSV).joined(separator: "\n") + "\n", jsonText = keptJSON.map { $0 + "\n" }.joined()
        if (try? String(contentsOfFile: csvPath, encoding: .utf8)) != csvText { try AtomicFile.write(Data(csvText.utf8), to: csvPath) }
        // Written when absent too, so that a shard with no points has both files, empty.
        if (try? String(contentsOfFile: jsonlPath, encoding: .utf8)) != jsonText { try AtomicFile.write(Data(jsonText.utf8), to: jsonlPath) }
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
        guard written == bytes.count else {
            // A short write sets no errno: a full disk shows as one.
            let reason = written < 0 ? String(cString: strerror(errno)) : "only \(written) of \(bytes.count) bytes went in (is the disk full?)"
            throw SweepError("cannot append to \(path): \(reason); the points written before are kept, and the same command, run again, goes on from them")
        }
    }

    /// A damaged line as a message shows it: its first 80 characters, control characters
    /// (the zero bytes a power cut can leave) escaped rather than sent to the terminal.
    static func shown(_ line: String) -> String {
        Diagnostic.oneLine(String(line.prefix(80)))
    }

    /// The lines of a file that end with a line break (a cut last line is left out, even
    /// one cut inside a character), with their numbers from 1; empty lines are left out.
    /// No file is no lines. A file that cannot be read, or a whole line that is not UTF-8,
    /// is refused: read as no lines, one stray byte discarded every point done, and the
    /// rows were rewritten without them.
    static func wholeLines(_ path: String) throws -> [(number: Int, text: String)] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch CocoaError.fileReadNoSuchFile {
            return []
        } catch {
            throw SweepError("cannot read \(path): \((error as NSError).localizedDescription)")
        }
        var lines: [(number: Int, text: String)] = [], start = data.startIndex, number = 0
        while let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) {
            number += 1
            guard let text = String(data: data[start..<end], encoding: .utf8) else {
                throw SweepError("\(path):\(number): a line that is not UTF-8 text (a damaged line): remove it, and the same command goes on; "
                    + "or --restart to discard the folder's results")
            }
            if !text.isEmpty { lines.append((number, text)) }
            start = end + 1
        }
        return lines
    }
}
