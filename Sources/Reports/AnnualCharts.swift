import Accounting
import EnergyModel

/// The HTML report's charts of whole years: the non-fossil share against its targets,
/// installed capacity by kind with the capacity targets listed, and the generation mix.
enum AnnualCharts {
    /// Non-fossil share by year (a dot per year carrying its share as `data-value`), each
    /// share target a band from the edge of its tolerance to its threshold, between the
    /// year of the target before it and its own year.
    static func share(_ outcome: ProjectionOutcome) -> String {
        let years = outcome.years.map { Double($0.year) }
        var chart = LineChart(id: "share", title: "Non-fossil share of total energy consumption", xLabel: "year",
                              yLabel: "non-fossil share (%)", x: years,
                              series: [Series("non-fossil share", colour: Palette.blue, values: outcome.years.map(\.account.nonFossilShare))])
        chart.dots = true
        chart.yFormat = .percent
        chart.xTicks = outcome.years.map { (Double($0.year), String($0.year)) }
        let targets = outcome.scenario.targets.filter { $0.kind == .nonFossilShare && years.contains(Double($0.year)) }.sorted { $0.year < $1.year }
        var previous = years.first ?? 0
        for target in targets {
            let year = Double(target.year)
            chart.bands.append(LineChart.Band(target: target, from: previous < year ? previous : year - 0.4, to: previous < year ? year : year + 0.4))
            previous = year
        }
        return chart.svg()
    }

    /// Installed capacity by kind and year, GW, and a line for each `capacity` target of a
    /// simulated year: what it counts, its threshold and what capsim counted. The targets
    /// are not drawn on the bars: each counts only some kinds, so a dash at its threshold
    /// on a bar of every kind looked met beside a taller bar when it was missed.
    static func capacity(_ outcome: ProjectionOutcome) -> (svg: String, key: [String]) {
        let card = CapacityScorecard(scenario: outcome.scenario)
        let indices = outcome.years.compactMap { year in card.years.firstIndex(of: year.year) }
        let chart = StackedBarChart(
            id: "capacity", title: "Installed capacity by technology kind, end of year", xLabel: "year", yLabel: "installed capacity (GW)",
            categories: indices.map { String(card.years[$0]) },
            series: card.byKind.map { row in Series(row.kind.rawValue, colour: TechnologyGroups.colour(of: row.kind), values: indices.map { row.gigawatts[$0] }) })
        let years = Set(chart.categories)
        let key = outcome.scorecard.entries.compactMap { entry -> String? in
            let target = entry.target
            guard target.kind == .capacity, years.contains(String(target.year)), let evaluation = entry.evaluation else { return nil }
            let outcomeText = TargetText.outcome(evaluation)
            return "\(target.id) — \(target.selectors.joined(separator: ", ")) \(TargetText.threshold(target)) in \(target.year) "
                + "(\(TextLayout.number(target.required)) GW); counted \(outcomeText[0]), margin \(outcomeText[1]): \(outcomeText[2])"
        }
        return (chart.svg(), key)
    }

    /// Electricity by source and year, GWh: generation by group and storage discharge
    /// stacked upward with imports and unserved load; storage charging and exports below
    /// zero; the load as a bold tick (the stack above zero less the part below it).
    static func mix(_ outcome: ProjectionOutcome) -> String {
        let energies = outcome.years.map(\.account.energy)
        func sum(_ kinds: Set<TechnologyKind>, _ value: (TechnologyEnergy) -> Double) -> [Double] {
            energies.map { $0.technologies.filter { kinds.contains($0.kind) }.reduce(0) { $0 + value($1) } }
        }
        let storage: Set<TechnologyKind> = [.pumpedStorage, .lfp]
        var series = TechnologyGroups.all.map { group in
            Series(group.name == "storage" ? "storage discharge" : group.name, colour: group.colour, values: sum(group.kinds, \.generation))
        }
        series += [
            Series("imports", colour: TechnologyGroups.importColour, values: energies.map(\.imports)),
            Series("unserved load", colour: TechnologyGroups.unservedColour, values: energies.map(\.unserved)),
            Series("storage charge", colour: TechnologyGroups.chargeColour, values: sum(storage, \.charge).map { -$0 }),
            Series("exports", colour: TechnologyGroups.exportColour, values: energies.map { -$0.exports }),
        ]
        var chart = StackedBarChart(id: "mix", title: "Electricity by source and year", xLabel: "year", yLabel: "electricity (GWh)",
                                    categories: outcome.years.map { String($0.year) }, series: series.filter { $0.values.contains { $0 != 0 } })
        chart.totals = [Series("load", colour: Palette.black, values: energies.map(\.load))]
        return chart.svg()
    }
}
