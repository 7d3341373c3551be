import EnergyModel
import Foundation
import Reports

/// The HTML report of `capsim sweep --html FILE`: one self-contained page with the mean
/// non-fossil share of one year over the grid — a heat map over the first two axes (the
/// mean across seeds and any further axes), a line for a one-axis sweep — and the
/// probability of meeting each target: the fraction of seeds whose projection meets it
/// (met or within tolerance), per combination of axis values and over the whole grid.
public enum SweepHTMLReport {
    public static func html(rows: [PointTable.Row], manifest: SweepManifest, targets: [Target], year: Int) -> String {
        let share = YearMetrics.columns.firstIndex { $0.name == "non_fossil_share" } ?? 0
        let points = Set(rows.map(\.point)).count
        var sections = [
            "<h1>Sweep of \(XMLText.escape(manifest.scenario))</h1>",
            HTMLPage.paragraph("\(points) of \(manifest.points) points: \(manifest.seeds.count) weather seed(s), years \(manifest.years). Axes: "
                + (manifest.axes.isEmpty ? "none (seeds only)." : manifest.axes.enumerated().map { "\($0.offset + 1). \($0.element.path) = \($0.element.values.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ", "))" }.joined(separator: "; ") + ".")),
        ]
        let inYear = rows.filter { $0.year == year }
        let shareTargets = targets.filter { $0.kind == .nonFossilShare && $0.year == year }
        switch manifest.axes.count {
        case 0: sections.append(HTMLPage.section("Non-fossil share in \(year)", notes: [
                "No axes: the share of each seed's projection, their mean, lowest and highest.",
            ], seedsOnly(inYear, column: share)))
        case 1: sections.append(HTMLPage.section("Non-fossil share in \(year)", notes: [
                "Mean across the seeds (solid), lowest and highest (dashed); a share target of the year as its threshold and tolerance band.",
            ], shareLine(inYear, axis: manifest.axes[0], column: share, targets: shareTargets)))
        default: sections.append(HTMLPage.section("Mean non-fossil share in \(year)", notes: [
                "Each cell: the mean across the seeds\(manifest.axes.count > 2 ? " and the axes after the second" : "") of the share in \(year); the value is written in the cell.",
            ], shareMap(inYear, axes: manifest.axes, column: share, year: year)))
        }
        sections.append(HTMLPage.section("Probability of meeting each target", notes: [
            "Fraction of the seeds whose projection meets the target (met or within tolerance). Dispatch targets (share, curtailment, reliability, fuel) of years not simulated are left out; capacity targets need no dispatch and are counted for every year.",
        ], probability(rows, manifest: manifest)))
        return HTMLPage.document(title: "capsim sweep: \(manifest.scenario)", sections: sections)
    }

    /// Mean of `column` over the rows whose axis values satisfy `selected`, nil when none.
    static func mean(_ rows: [PointTable.Row], column: Int, where selected: (PointTable.Row) -> Bool) -> Double? {
        let values = rows.filter(selected).map { $0.metrics[column] }
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    static func shareLine(_ rows: [PointTable.Row], axis: SweepManifest.Axis, column: Int, targets: [Target]) -> String {
        let groups = axis.values.map { value in rows.filter { $0.values.first == value }.map { $0.metrics[column] } }
        let x = axis.values.indices.map(Double.init)
        let means = groups.map { $0.isEmpty ? 0 : $0.reduce(0, +) / Double($0.count) }
        var chart = LineChart(id: "sweep-share", title: "Non-fossil share by \(axis.path)", xLabel: axis.path, yLabel: "non-fossil share (%)", x: x, series: [
            Series("mean", colour: Palette.blue, values: means),
            Series("lowest", colour: Palette.darkGrey, values: groups.map { $0.min() ?? 0 }, dash: "6 3"),
            Series("highest", colour: Palette.darkGrey, values: groups.map { $0.max() ?? 0 }, dash: "2 3"),
        ])
        chart.dots = true
        chart.yFormat = .percent
        chart.xTicks = axis.values.enumerated().map { (Double($0.offset), $0.element) }
        chart.bands = targets.map { LineChart.Band(target: $0, from: -0.4, to: Double(axis.values.count) - 0.6) }
        return chart.svg()
    }

    /// A sweep over seeds alone: one row per seed and the mean, lowest and highest share.
    static func seedsOnly(_ rows: [PointTable.Row], column: Int) -> String {
        let shares = rows.map { (seed: $0.seed, share: $0.metrics[column]) }.sorted { $0.seed < $1.seed }
        guard !shares.isEmpty else { return HTMLPage.paragraph("No point of this year has finished.") }
        let values = shares.map(\.share)
        let percent = { (value: Double) in HTMLTable.Cell(String(format: "%.3f %%", 100 * value)) }
        let summary = [("mean", values.reduce(0, +) / Double(values.count)), ("lowest", values.min() ?? 0), ("highest", values.max() ?? 0)]
        return HTMLTable(header: ["seed", "non-fossil share"],
                         rows: shares.map { [HTMLTable.Cell(String($0.seed)), percent($0.share)] } + summary.map { [HTMLTable.Cell($0.0), percent($0.1)] },
                         numericFrom: 1).html(id: "sweep-share")
    }

    static func shareMap(_ rows: [PointTable.Row], axes: [SweepManifest.Axis], column: Int, year: Int) -> String {
        let (across, down) = (axes[0], axes[1])
        let values = down.values.map { row in
            across.values.map { value in mean(rows, column: column) { $0.values[0] == value && $0.values[1] == row } }
        }
        var map = HeatMap(id: "sweep-share", title: "Mean non-fossil share in \(year)", rowLabel: down.path, columnLabel: across.path,
                          valueLabel: "share (%)", rows: down.values, columns: across.values, values: values)
        map.format = .percent
        return map.svg()
    }

    /// The table (one row per combination of axis values) and the bar chart (the whole grid).
    static func probability(_ rows: [PointTable.Row], manifest: SweepManifest) -> String {
        var firstRows: [Int: PointTable.Row] = [:]
        for row in rows where firstRows[row.point] == nil { firstRows[row.point] = row }
        let points = firstRows.values.sorted { $0.point < $1.point }
        let simulated = manifest.targets.indices.filter { index in points.contains { $0.statuses[index] != "not_simulated" } }
        guard !simulated.isEmpty else { return HTMLPage.paragraph("No target was simulated.") }
        func meets(_ members: [PointTable.Row], _ index: Int) -> Double {
            Double(members.filter { ["met", "within_tolerance"].contains($0.statuses[index]) }.count) / Double(max(members.count, 1))
        }
        var combinations: [[String]] = []
        for point in points where !combinations.contains(point.values) { combinations.append(point.values) }
        let table = HTMLTable(
            header: manifest.axes.map(\.path) + ["seeds"] + simulated.map { manifest.targets[$0] },
            rows: combinations.map { values in
                let members = points.filter { $0.values == values }
                return values.map { HTMLTable.Cell($0) } + [HTMLTable.Cell(String(members.count))]
                    + simulated.map { index in
                        let fraction = meets(members, index)
                        return HTMLTable.Cell("\(Int((100 * fraction).rounded())) %", className: fraction >= 1 ? "status-met" : fraction > 0 ? "status-within" : "status-missed")
                    }
            },
            numericFrom: manifest.axes.count)
        let overall = simulated.map { meets(points, $0) }
        var chart = StackedBarChart(id: "sweep-probability", title: "Probability of meeting each target, whole grid", xLabel: "target",
                                    yLabel: "share of points × seeds (%)", categories: simulated.map { manifest.targets[$0] }, series: [
                                        Series("met or within tolerance", colour: Palette.blue, values: overall),
                                        Series("missed", colour: Palette.vermillion, values: overall.map { 1 - $0 }),
                                    ])
        chart.yFormat = .percent
        return chart.svg() + table.html(id: "sweep-probability-table")
    }
}
