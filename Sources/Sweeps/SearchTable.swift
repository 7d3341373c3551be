import Foundation
import Reports

/// `search.csv` of a search with `--out DIR`: `value,seeds_meeting,seeds,meets`, a row
/// per value tried in the order tried, beside `search.json` (`SearchManifest`). The folder
/// is made ready before the first evaluation, and the file is rewritten whole
/// (`AtomicFile`) after each one, so a search that cannot write its answer finds out at
/// once, and an interrupted one keeps every value it evaluated, never half a row (a line
/// cut otherwise is dropped when the file is read again).
///
/// Run again, the same search (the same fingerprint) takes the rows recorded instead of
/// evaluating their values again, and adds the values after them: a rerun used to rewrite
/// the file with its header alone, throwing away what the interrupted run had evaluated.
/// A folder of another search is refused unless `restart`, which discards the values
/// recorded, as a grid's is.
public struct SearchTable {
    public static let header = "value,seeds_meeting,seeds,meets"
    public let path: String
    /// The rows an earlier run of this search recorded, in order: their line, text and seeds meeting.
    private let earlier: [(line: Int, text: String, meeting: Int)]
    private let seeds: Int
    private var lines: [String]

    /// How many values an earlier run of this search recorded.
    public var recordedCount: Int { earlier.count }

    /// Reads what an earlier run of the same search recorded in `folder` (which the caller
    /// holds with `FolderLock`), writes `manifest` and the rows kept. A folder holding a
    /// grid's results is refused: search.csv beside them would read as part of that sweep.
    public init(folder: String, manifest: SearchManifest, restart: Bool) throws {
        let grid = SweepStore.resultFiles(in: folder)
        guard grid.isEmpty else {
            throw SweepError("\(folder) holds the results of a grid sweep (\(grid.joined(separator: ", "))): give the search another --out folder")
        }
        path = (folder as NSString).appendingPathComponent(SweepFiles.searchTable)
        let manifestPath = (folder as NSString).appendingPathComponent(SweepFiles.searchManifest)
        earlier = try !restart && Self.holdsSameSearch(folder, manifest: manifest) ? Self.rows(path) : []
        seeds = manifest.seeds.count
        lines = [Self.header] + earlier.map(\.text)
        try AtomicFile.write(manifest.data(), to: manifestPath)
        try write()
    }

    /// Whether `folder` holds values of the search of `manifest`. Values of another search,
    /// or of a search whose search.json cannot be read, are an error (`restart` discards
    /// them without asking).
    private static func holdsSameSearch(_ folder: String, manifest: SearchManifest) throws -> Bool {
        guard FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(SweepFiles.searchTable)) else { return false }
        let other: String
        do {
            let existing = try SearchManifest.read((folder as NSString).appendingPathComponent(SweepFiles.searchManifest))
            guard existing.fingerprint != manifest.fingerprint else { return true }
            other = "\(folder) holds the values of another search (fingerprint \(existing.fingerprint)); this one is \(manifest.fingerprint): the scenario or the search changed (\(manifest.changes(since: existing, in: "in \(folder)", "now")))"
        } catch let error as SweepError {
            other = "\(folder) holds search.csv, but \(error.message), so capsim cannot tell whether its values belong to this search"
        }
        throw SweepError("\(other). Use another --out folder, or --restart to discard the values there")
    }

    /// The rows of a search.csv, header left out; a line that is not a row is an error
    /// naming the file and line.
    private static func rows(_ path: String) throws -> [(line: Int, text: String, meeting: Int)] {
        try SweepStore.wholeLines(path).filter { $0.text != header }.map { line in
            let fields = line.text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let meeting = Int(fields[1]), Int(fields[2]) != nil, Bool(fields[3]) != nil else {
                throw SweepError("\(path):\(line.number): a row that is not \(header) (a damaged or edited line): \(SweepStore.shown(line.text))")
            }
            return (line.number, line.text, meeting)
        }
    }

    /// The evaluation recorded as the search's value number `position` (from 0), which must
    /// be `value`; nil past the rows recorded. A row that is not what `search` would have
    /// written there is an error naming its line.
    public func recorded(_ position: Int, value: Double, search: SweepSearch) throws -> SweepSearch.Evaluation? {
        guard position < earlier.count else { return nil }
        let row = earlier[position]
        // More seeds meeting than run, which the row's own text agrees with, is an edit too.
        guard (0...seeds).contains(row.meeting) else {
            throw SweepError("\(path):\(row.line): \(row.meeting) of \(seeds) seed(s) meeting, found \(row.text) (an edited line): run the search again with --restart to discard its values")
        }
        let expected = search.evaluation(value, meeting: row.meeting, seeds: seeds)
        guard row.text == Self.row(expected) else {
            throw SweepError("""
                \(path):\(row.line): expected \(Self.row(expected)) (the search's value \(position + 1), of \(seeds) seed(s)), found \(row.text) \
                (an edited line): run the search again with --restart to discard its values
                """)
        }
        return expected
    }

    /// After the search: every recorded row was one of its values. A row after them is
    /// not this search's (an edited file), and is an error naming its line.
    public func checkAllTaken(_ tried: Int) throws {
        guard tried < earlier.count else { return }
        throw SweepError("\(path):\(earlier[tried].line): a row after the search's last value (an edited line): run the search again with --restart to discard its values")
    }

    /// Adds a value just evaluated and writes the file.
    public mutating func append(_ evaluation: SweepSearch.Evaluation) throws {
        lines.append(Self.row(evaluation))
        try write()
    }

    private static func row(_ evaluation: SweepSearch.Evaluation) -> String {
        "\(evaluation.value),\(evaluation.meeting),\(evaluation.seeds),\(evaluation.meets)"
    }

    private func write() throws {
        try AtomicFile.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: path)
    }
}
