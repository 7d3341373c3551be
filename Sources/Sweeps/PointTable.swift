import EnergyModel
import Foundation
import Reports

/// The rows of `points.csv` and the lines of `points.jsonl`, and reading them back.
///
/// points.csv: `point,seed,<axis key>…,year,<metric>…,target.<id>…` — one row per point
/// and year; metrics as in `YearMetrics.columns` (units in their names), in full
/// precision; each target's status at the point (the same on every row of the point).
/// A field holding a comma or a quote (an axis value such as a name) is quoted as
/// RFC 4180 says (`CSVField`), and read back so.
/// points.jsonl: `{"point":…,"seed":…,"set":{key:value},"years":[{"year":…,metric:…}],"targets":{id:status}}`.
public enum PointTable {
    public static func header(_ manifest: SweepManifest) -> String {
        (["point", "seed"] + manifest.axes.map(\.path) + ["year"] + YearMetrics.columns.map(\.name) + manifest.targets.map { "target.\($0)" })
            .map(CSVField.quoted).joined(separator: ",")
    }

    public static func csvRows(_ result: PointResult) -> [String] {
        result.years.map { year in
            (["\(result.point.index)", "\(result.point.seed)"] + result.point.values + ["\(year.year)"] + year.values.map { "\($0)" }
                + result.targets.map(\.status)).map(CSVField.quoted).joined(separator: ",")
        }
    }

    struct Line: Codable {
        var point: Int
        var seed: UInt64
        var set: [String: String]
        var years: [[String: Double]]
        var targets: [String: String]
    }

    public static func jsonLine(_ result: PointResult, manifest: SweepManifest) throws -> String {
        let line = Line(
            point: result.point.index, seed: result.point.seed,
            set: Dictionary(uniqueKeysWithValues: zip(manifest.axes.map(\.path), result.point.values)),
            years: result.years.map { year in
                var record = Dictionary(uniqueKeysWithValues: zip(YearMetrics.columns.map(\.name), year.values))
                record["year"] = Double(year.year)
                return record
            },
            targets: Dictionary(uniqueKeysWithValues: result.targets.map { ($0.id, $0.status) }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(line), as: UTF8.self)
    }

    /// The whole lines of a points.jsonl written for `manifest` that are whole points, each
    /// with its point number (a line that is not JSON of a point is left out, as a cut one
    /// is); a point that is not one of the sweep's grid is an error naming the file and line.
    static func jsonLines(_ path: String, manifest: SweepManifest) throws -> [(number: Int, text: String, point: Int, line: Line)] {
        var grid = try SweepGrid(manifest, path: sweepFile(beside: path))
        let decoder = JSONDecoder()
        return try SweepStore.wholeLines(path).map { line -> (number: Int, text: String, point: Int, line: Line) in
            guard let point = try? decoder.decode(Line.self, from: Data(line.text.utf8)) else {
                throw SweepError("\(path):\(line.number): a line that is not a point of this sweep in JSON (a damaged or edited line): \(SweepStore.shown(line.text))")
            }
            try grid.check(path, line: line.number, point: point.point, seed: point.seed, values: manifest.axes.map { point.set[$0.path] ?? "" },
                           years: point.years.map { $0["year"].flatMap { Int(exactly: $0) } ?? -1 }, allYears: true, key: "point \(point.point)")
            return (line.number, line.text, point.point, point)
        }
    }

    /// Every row of points.csv (`csv`, read from `csvPath`) of a point that points.jsonl
    /// (`json`, from `jsonPath`) holds must say what its line says, metric by metric and
    /// status by status: the summary is counted from points.csv, so a number edited there
    /// alone would be summarised as if capsim had computed it. A row that does not is an
    /// error naming both lines and the first value that differs.
    static func checkAgreement(_ csv: [(number: Int, text: String, row: Row)], _ csvPath: String,
                               _ json: [(number: Int, text: String, point: Int, line: Line)], _ jsonPath: String, manifest: SweepManifest) throws {
        let lines = Dictionary(json.map { ($0.point, $0) }, uniquingKeysWith: { first, _ in first }), names = YearMetrics.columns.map(\.name)
        for (number, _, row) in csv {
            guard let json = lines[row.point] else { continue }
            let year = json.line.years.first { $0["year"] == Double(row.year) } ?? [:]
            let metrics = zip(names, row.metrics).map { name, value in (name, "\(value)", year[name].map { "\($0)" } ?? "none") }
            let statuses = zip(manifest.targets, row.statuses).map { id, status in ("target.\(id)", status, json.line.targets[id] ?? "none") }
            guard let differing = (metrics + statuses).first(where: { $0.1 != $0.2 }) else { continue }
            throw SweepError("""
                \(csvPath):\(number): point \(row.point), year \(row.year) disagrees with \(jsonPath):\(json.number): \(differing.0) is \(differing.1) \
                in points.csv, \(differing.2) in points.jsonl (an edited line): restore it, or run the sweep again with --restart to discard the results
                """)
        }
    }

    /// The sweep.json of the folder holding `path`, for a message.
    private static func sweepFile(beside path: String) -> String {
        (PathComponents.folder(of: path) as NSString).appendingPathComponent(SweepFiles.manifest)
    }

    /// One row of points.csv read back.
    public struct Row: Sendable, Equatable {
        public var point: Int
        public var seed: UInt64
        public var values: [String]
        public var year: Int
        public var metrics: [Double]
        public var statuses: [String]
    }

    /// The rows of a points.csv written for `manifest`.
    public static func rows(_ path: String, manifest: SweepManifest) throws -> [Row] {
        try lines(path, manifest: manifest).map(\.row)
    }

    /// The whole lines of a points.csv written for `manifest`, header left out, each with
    /// its row; a line that is not a row of this sweep — not a row under its header, or not
    /// a point and year of its grid — is an error naming the file and line.
    static func lines(_ path: String, manifest: SweepManifest) throws -> [(number: Int, text: String, row: Row)] {
        let header = self.header(manifest)
        var grid = try SweepGrid(manifest, path: sweepFile(beside: path))
        return try SweepStore.wholeLines(path).filter { $0.text != header }.map { line in
            let (axes, targets) = (manifest.axes.count, manifest.targets.count)
            // Before 2026-11-29 values were written bare: a value with a quote (`say "hi"`)
            // is then no quoted field, and is read as the row's plain fields.
            guard let row = CSVField.fields(line.text).flatMap({ row($0, axes: axes, targets: targets) })
                ?? row(CSVField.pieces(line.text, at: ","), axes: axes, targets: targets) else {
                throw SweepError("\(path):\(line.number): a row that does not match the header of this sweep (a damaged or edited line): \(SweepStore.shown(line.text))")
            }
            try grid.check(path, line: line.number, point: row.point, seed: row.seed, values: row.values, years: [row.year], allYears: false,
                           key: "point \(row.point), year \(row.year)")
            return (line.number, line.text, row)
        }
    }

    /// The row of a line's fields; nil when they are not a row with these columns, each
    /// number a number.
    private static func row(_ fields: [String], axes: Int, targets: Int) -> Row? {
        let metrics = YearMetrics.columns.count
        guard fields.count == 3 + axes + metrics + targets, let point = Int(fields[0]), let seed = UInt64(fields[1]), let year = Int(fields[2 + axes]) else {
            return nil
        }
        let numbers = fields[(3 + axes)..<(3 + axes + metrics)].compactMap { Double($0) }
        guard numbers.count == metrics else { return nil }
        return Row(point: point, seed: seed, values: Array(fields[2..<(2 + axes)]), year: year, metrics: numbers, statuses: Array(fields[(3 + axes + metrics)...]))
    }
}
