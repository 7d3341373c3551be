import Foundation
import Reports

/// `failures.jsonl` of a sweep's folder: the points of the latest run that failed (no
/// optimum in a year, or values that make the scenario invalid only in combination), one
/// JSON object a line, sorted by point. A failed point is not in points.csv, so a rerun
/// of the same command tries it again; the file is removed when a run starts and written
/// anew, atomically, at each failure, so that it always lists whole records of the run
/// that wrote it.
public enum FailureLog {
    /// One failed point: its number, seed and values, the years whose projection failed
    /// (nil when the scenario itself is invalid), the exit status `capsim run` would give
    /// and the message capsim printed for it.
    public struct Entry: Codable, Sendable, Equatable {
        public var point: Int
        public var seed: UInt64
        public var set: [String: String]
        public var years: String?
        public var exitStatus: Int32
        public var message: String

        enum CodingKeys: String, CodingKey {
            case point, seed, set, years, message
            case exitStatus = "exit_status"
        }

        public init(_ failure: PointFailure, exitStatus: Int32, message: String) {
            point = failure.point?.index ?? -1
            seed = failure.point?.seed ?? 0
            set = Dictionary(failure.overrides.map { ($0.path, $0.value) }, uniquingKeysWith: { _, last in last })
            years = failure.years.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)...\($0.upperBound)" }
            self.exitStatus = exitStatus
            self.message = message
        }
    }

    static func path(_ folder: String) -> String {
        (folder as NSString).appendingPathComponent(SweepFiles.failures)
    }

    /// Replaces the folder's failures.jsonl with `entries` (sorted by point), or removes it
    /// when there are none.
    public static func write(_ entries: [Entry], folder: String) throws {
        guard !entries.isEmpty else {
            unlink(path(folder))
            return
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let lines = try entries.sorted { $0.point < $1.point }.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }
        try AtomicFile.write(Data(lines.joined().utf8), to: path(folder))
    }

    /// The entries of the folder's failures.jsonl; none when it has no such file. A line
    /// that is not an entry is an error naming the file and line.
    public static func read(folder: String) throws -> [Entry] {
        let decoder = JSONDecoder()
        return try SweepStore.wholeLines(path(folder)).map { line in
            guard let entry = try? decoder.decode(Entry.self, from: Data(line.text.utf8)) else {
                throw SweepError("\(path(folder)):\(line.number): a line that is not a failed point in JSON (a damaged or edited line): \(SweepStore.shown(line.text))")
            }
            return entry
        }
    }
}
