import Foundation
import Reports

/// `summary.csv` and the terminal table of a sweep: for each combination of axis values
/// and each year, across its seeds, the mean, lowest and highest non-fossil share,
/// curtailed fraction and unserved energy, and for each target the fraction of seeds
/// meeting it — met or within tolerance, that is not missed (the probability of meeting
/// it, as far as the seeds sample the weather).
public enum SweepSummary {
    public struct Group: Sendable {
        public var values: [String]
        public var year: Int
        public var seeds: Int
        /// (mean, lowest, highest) of each summarised metric.
        public var metrics: [(mean: Double, low: Double, high: Double)]
        /// Fraction of seeds meeting each target, in the manifest's order; nil for a target
        /// that needs the dispatch of a year the sweep did not simulate (`not_simulated` at
        /// every seed), which is neither met nor missed. A capacity target is counted from
        /// the scenario alone, so it has a fraction whatever years the sweep simulated.
        public var meeting: [Double?]
    }

    public static let metrics = ["non_fossil_share", "curtailment_fraction", "unserved_gwh"]

    public static func groups(_ rows: [PointTable.Row], manifest: SweepManifest) -> [Group] {
        let indices = metrics.compactMap { name in YearMetrics.columns.firstIndex { $0.name == name } }
        var order: [[String]] = [], grouped: [[String]: [PointTable.Row]] = [:]
        for row in rows.sorted(by: { ($0.point, $0.year) < ($1.point, $1.year) }) {
            let key = row.values + [String(row.year)]
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(row)
        }
        return order.map { key in
            let members = grouped[key]!
            let stats = indices.map { index -> (mean: Double, low: Double, high: Double) in
                let values = members.map { $0.metrics[index] }
                return (values.reduce(0, +) / Double(values.count), values.min()!, values.max()!)
            }
            let meeting = manifest.targets.indices.map { target -> Double? in
                let judged = members.filter { $0.statuses[target] != "not_simulated" }
                guard !judged.isEmpty else { return nil }
                return Double(judged.filter { $0.statuses[target] == "met" || $0.statuses[target] == "within_tolerance" }.count) / Double(judged.count)
            }
            return Group(values: Array(key.dropLast()), year: Int(key.last!)!, seeds: members.count, metrics: stats, meeting: meeting)
        }
    }

    /// A target's fraction is on the rows of its own year (`targetYears`), and empty on the
    /// others: the statuses are the point's, the same on every year's row, so a 2030
    /// target counted on a 2029 row would read as 2029 meeting it. A target of a year the
    /// sweep has no row of (a capacity target, judged from the scenario alone), or one
    /// whose year is not known (the scenario could not be read), is on every row.
    public static func csv(_ groups: [Group], manifest: SweepManifest, targetYears: [String: Int]) -> String {
        let years = Set(groups.map(\.year))
        let rowYear = manifest.targets.map { id in targetYears[id].flatMap { years.contains($0) ? $0 : nil } }
        var header = manifest.axes.map(\.path) + ["year", "seeds"]
        for name in metrics { header += ["\(name)_mean", "\(name)_min", "\(name)_max"] }
        header += manifest.targets.map { "meets.\($0)" }
        var text = header.map(CSVField.quoted).joined(separator: ",") + "\n"
        for group in groups {
            var fields = group.values + [String(group.year), String(group.seeds)]
            for stat in group.metrics { fields += ["\(stat.mean)", "\(stat.low)", "\(stat.high)"] }
            fields += zip(group.meeting, rowYear).map { meeting, year in
                year == nil || year == group.year ? meeting.map { "\($0)" } ?? "" : ""
            }
            text += fields.map(CSVField.quoted).joined(separator: ",") + "\n"
        }
        return text
    }

    /// The terminal table: axis values, year, share (mean and range), unserved energy,
    /// then the probability of meeting each target of that year. Cells are padded by
    /// display width, so a value in 万千瓦 (two columns a character) keeps its row aligned.
    public static func text(_ groups: [Group], manifest: SweepManifest, targetYears: [String: Int]) -> String {
        let width = max(10, manifest.axes.map { $0.values.map(TextLayout.width).max() ?? 0 }.max() ?? 0) + 2
        // Rows differ in seeds when points failed (they are left out) or a merge lacks a shard.
        let seeds = Set(groups.map(\.seeds)).sorted()
        let perRow = seeds.count > 1 ? "\(seeds.first!)–\(seeds.last!)" : "\(seeds.first ?? 0)"
        var lines = ["Sweep summary (\(perRow) seed(s) per row; meets = share of seeds meeting the target)"]
        lines.append(manifest.axes.enumerated().map { index, axis in "  axis \(index + 1): \(axis.path)" }.joined(separator: "\n"))
        let head = manifest.axes.indices.map { TextLayout.pad("axis \($0 + 1)", width) }.joined()
            + "year  share mean   (min – max)         unserved GWh  meets"
        lines.append(head)
        for group in groups {
            let share = group.metrics[0], unserved = group.metrics[2]
            let meets = manifest.targets.enumerated().filter { targetYears[$0.element] == group.year }
                .compactMap { target in group.meeting[target.offset].map { "\(target.element) \(Int((100 * $0).rounded())) %" } }
            let cells = group.values.map { TextLayout.pad($0, width) }.joined()
            let row = cells + "\(group.year)  " + String(format: "%6.2f %%   (%6.2f – %6.2f %%)   %12.1f  ", 100 * share.mean, 100 * share.low, 100 * share.high, unserved.mean)
            // Beside the row when the longest item fits there within 100 columns; under it otherwise
            // (two axes of wide values leave no room: a row of 77 columns ran to 105).
            let indent = TextLayout.width(row)
            if meets.isEmpty || indent + (meets.map(TextLayout.width).max() ?? 0) + 1 <= 100 {
                lines += TextLayout.wrap(meets, separator: ", ", width: 100, first: row, rest: String(repeating: " ", count: indent))
            } else {
                lines.append(TextLayout.trimmingTrailingSpaces(row))
                lines += TextLayout.wrap(meets, separator: ", ", width: 100, first: "    meets: ", rest: String(repeating: " ", count: 11))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
