import Accounting
import EconomicDispatch
import EnergyModel

/// The HTML report of `capsim run --html FILE`: one self-contained page with the
/// scorecard, the non-fossil share against its targets, capacity and generation by
/// year, and — from the hourly dispatch of one year — a week's dispatch stack, the
/// storage state of charge and the duration curves. Charts come from `Charts/`, which
/// knows nothing of scenarios; this file only picks what to draw.
public enum HTMLReport {
    /// The hours the report draws: the dispatch of one simulated year and the week.
    public struct Hours: Sendable {
        public var dispatch: YearDispatch
        public var week: ReportWeek

        public init(dispatch: YearDispatch, week: ReportWeek) {
            self.dispatch = dispatch
            self.week = week
        }
    }

    public static func html(_ outcome: ProjectionOutcome, hours: Hours) -> String {
        let scenario = outcome.scenario
        let capacity = AnnualCharts.capacity(outcome)
        var sections = [
            "<h1>\(XMLText.escape(scenario.name))</h1>",
            HTMLPage.paragraph("capsim run of \(scenario.file): \(outcome.years.count == 1 ? "year" : "years") \(outcome.header)\(outcome.settings.map { ", --set \($0)" }.joined())."),
            HTMLPage.section("Targets", notes: [
                "≥ at least, ≤ at most, ≈ about; ±x is the tolerance; * = strive for (力争). Margin: how far the value is on the right side of the threshold.",
            ], scorecard(outcome.scorecard)),
            HTMLPage.section("Non-fossil share", notes: [
                "Each share target is drawn as its threshold (dashed) and, in grey, the band within its tolerance, from the year of the target before it to its own year.",
            ] + (scenario.accounting.method == .calorific && scenario.targets.contains { $0.kind == .nonFossilShare }
                ? [ProjectionSummary.calorificCaveat.prefix(1).uppercased() + ProjectionSummary.calorificCaveat.dropFirst() + "."] : [])
              + ShareRangeNote.sentences(outcome.years), AnnualCharts.share(outcome)),
            HTMLPage.section("Installed capacity", notes: [
                "Technology kinds stacked in the order of the legend (its top entry is the top of each bar)."
                    + (capacity.key.isEmpty ? "" : " Each capacity target counts only the technologies it names, so it is listed here rather than drawn on the bars:"),
            ], capacity.svg + (capacity.key.isEmpty ? "" : HTMLPage.list(capacity.key))),
            HTMLPage.section("Generation mix", notes: [
                "Storage discharge is shown apart from generation; storage charging and exports are below zero. The bold tick is the load.",
            ] + outcome.years.compactMap(ProjectionSummary.sameHourText), AnnualCharts.mix(outcome)),
        ]
        let week = hours.week, dispatch = hours.dispatch
        sections.append(HTMLPage.section("Dispatch of week \(week.number), \(dispatch.year)", notes: [
            "Week \(week.number) (hours \(week.range.lowerBound)–\(week.range.upperBound - 1) of \(dispatch.year)): \(week.reason). Storage charging and exports are below zero; the price is the hourly marginal cost, on the right axis.",
        ], HourlyCharts.week(dispatch, week: week) + (HourlyCharts.stateOfCharge(dispatch, week: week) ?? HTMLPage.paragraph("No storage in this year."))))
        sections.append(HTMLPage.section("Duration curves, \(dispatch.year)", notes: [
            "Every hour of the year, sorted from the highest down. Net load is the load less what wind, solar and run-of-river offered, before curtailment: what the other plants, storage and the grid link must cover.",
        ], HourlyCharts.durationCurves(dispatch)))
        return HTMLPage.document(title: "capsim: \(scenario.name)", sections: sections)
    }

    /// The scorecard as a table, each status written out and coloured, and the
    /// first-order levers of the targets not met.
    static func scorecard(_ card: Scorecard) -> String {
        guard !card.entries.isEmpty else { return HTMLPage.paragraph("No targets in this scenario.") }
        let rows = card.entries.map { entry -> [HTMLTable.Cell] in
            let target = entry.target
            let head: [HTMLTable.Cell] = [HTMLTable.Cell(target.id + (target.strive ? " *" : "")), HTMLTable.Cell(String(target.year)), HTMLTable.Cell(TargetText.threshold(target))]
            guard let evaluation = entry.evaluation else { return head + ["–", "–", HTMLTable.Cell("not simulated", className: "status-none")] }
            let cells = TargetText.outcome(evaluation)
            return head + [HTMLTable.Cell(cells[0]), HTMLTable.Cell(cells[1]), statusCell(evaluation.status)]
        }
        let levers = card.entries.flatMap { entry in entry.levers.map { "\(entry.target.id): \(TargetText.lever($0))" } }
        return HTMLTable(header: ["target", "year", "required", "simulated", "margin", "status"], rows: rows, numericFrom: 3).html(id: "scorecard")
            + (levers.isEmpty ? "" : HTMLPage.paragraph("Levers, one at a time (first-order: the rest of the year as simulated; measured: the year dispatched again):") + HTMLPage.list(levers))
    }

    /// A status as words with a mark, and a class that colours it.
    public static func statusCell(_ status: TargetEvaluation.Status) -> HTMLTable.Cell {
        switch status {
        case .met: HTMLTable.Cell("✓ met", className: "status-met")
        case .withinTolerance: HTMLTable.Cell("~ within tolerance", className: "status-within")
        case .missed: HTMLTable.Cell("✗ MISSED", className: "status-missed")
        }
    }
}
