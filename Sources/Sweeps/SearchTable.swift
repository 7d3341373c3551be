import Foundation
import Reports

/// `search.csv` of a search with `--out DIR`: `value,seeds_meeting,seeds,meets`, a row
/// per value tried in the order tried. The folder is made ready before the first
/// evaluation, and the file is rewritten whole (`AtomicFile`) after each one, so a search
/// that cannot write its answer finds out at once, and an interrupted one keeps every
/// value it evaluated.
public struct SearchTable {
    public let path: String
    private var lines = ["value,seeds_meeting,seeds,meets"]

    /// Creates `folder` if need be and writes the header. A folder holding a grid's
    /// results is refused: search.csv beside them would read as part of that sweep.
    public init(folder: String) throws {
        try SweepStore.createFolder(folder)
        let grid = SweepStore.resultFiles(in: folder)
        guard grid.isEmpty else {
            throw SweepError("\(folder) holds the results of a grid sweep (\(grid.joined(separator: ", "))): give the search another --out folder")
        }
        path = (folder as NSString).appendingPathComponent("search.csv")
        try write()
    }

    /// Adds a value tried and writes the file.
    public mutating func append(_ evaluation: SweepSearch.Evaluation) throws {
        lines.append("\(evaluation.value),\(evaluation.meeting),\(evaluation.seeds),\(evaluation.meets)")
        try write()
    }

    private func write() throws {
        try AtomicFile.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: path)
    }
}
