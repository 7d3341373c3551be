import EconomicDispatch
import EnergyModel
import Profiles

/// The HTML report's charts of one year's hours: the dispatch stack and the storage
/// state of charge over a week, and the load and net-load duration curves.
enum HourlyCharts {
    /// GW below which a series is the solver's tolerance, not a flow: not drawn.
    static let noise = 1e-6
    /// The week's prices (yuan/GWh in `YearDispatch`) in yuan/MWh, rounded to 0.001 yuan/MWh
    /// (a whole yuan/GWh): finer than the chart can show, and coarse enough that a price the
    /// solver leaves at ±10⁻⁷ around zero (a year whose load costs nothing) draws as zero,
    /// not as an axis spanning the noise. (+ 0 turns −0 into 0.)
    static func shownPrices(_ prices: [Double]) -> [Double] {
        prices.map { $0.rounded() / 1000 + 0 }
    }

    /// The dispatch of `week`, GW: generation by group, storage discharge, imports and
    /// unserved load stacked upward, storage charging and exports downward, the load as a
    /// line and the price (yuan/MWh) on the right axis.
    static func week(_ dispatch: YearDispatch, week: ReportWeek) -> String {
        let hours = week.range
        func slice(_ values: [Double]) -> [Double] { Array(values[hours]) }
        func sum(_ kinds: Set<TechnologyKind>, _ values: (TechnologyHours) -> [Double]?) -> [Double] {
            var total = [Double](repeating: 0, count: hours.count)
            for technology in dispatch.technologies where kinds.contains(technology.kind) {
                guard let series = values(technology) else { continue }
                for (i, t) in hours.enumerated() { total[i] += series[t] }
            }
            return total
        }
        var series = TechnologyGroups.all.map { group in
            Series(group.name == "storage" ? "storage discharge" : group.name, colour: group.colour, values: sum(group.kinds) { $0.output })
        }
        series += [
            Series("imports", colour: TechnologyGroups.importColour, values: slice(dispatch.imports)),
            Series("unserved load", colour: TechnologyGroups.unservedColour, values: slice(dispatch.unserved)),
            Series("storage charge", colour: TechnologyGroups.chargeColour, values: sum([.pumpedStorage, .lfp]) { $0.charge }.map { -$0 }),
            Series("exports", colour: TechnologyGroups.exportColour, values: slice(dispatch.exports).map { -$0 }),
        ]
        var chart = StackedAreaChart(id: "week", title: "Dispatch, week \(week.number) of \(dispatch.year)", xLabel: "day (local time)",
                                     yLabel: "power (GW)", series: series.filter { $0.values.contains { abs($0) > noise } }, xTicks: dayTicks(week))
        chart.lines = [Series("load", colour: Palette.black, values: slice(dispatch.load))]
        // Black, not vermillion: that is the unserved load's area.
        chart.secondary = (Series("price", colour: Palette.black, values: shownPrices(slice(dispatch.price)), dash: "2 2"), "price (yuan/MWh)")
        return chart.svg()
    }

    /// Each storage unit's energy stored at the end of each hour of `week`, GWh: the units
    /// in service in the year — a unit not built yet is dispatched as 0 in every hour
    /// (level, charge and discharge), and is left out; nil when there is none.
    static func stateOfCharge(_ dispatch: YearDispatch, week: ReportWeek) -> String? {
        func used(_ values: [Double]?) -> Bool { values?.contains { $0 != 0 } ?? false }
        let units = dispatch.technologies.filter { $0.kind.isStorage && $0.level != nil && (used($0.level) || used($0.output) || used($0.charge)) }
        guard !units.isEmpty else { return nil }
        let series = units.enumerated().map { index, unit in
            Series(unit.id, colour: Palette.cycle[index % Palette.cycle.count], values: Array(unit.level![week.range]), dash: Palette.dashes[index % Palette.dashes.count])
        }
        var chart = LineChart(id: "soc", title: "Storage state of charge, week \(week.number) of \(dispatch.year)", xLabel: "day (local time)",
                              yLabel: "energy stored (GWh)", x: (1...week.range.count).map(Double.init), series: series)
        chart.xTicks = dayTicks(week)
        return chart.svg()
    }

    /// The hours of the year sorted from the highest load down, GW; net load is the load
    /// less what wind, solar and run-of-river offered (before curtailment).
    static func durationCurves(_ dispatch: YearDispatch) -> String {
        var net = dispatch.load
        for technology in dispatch.technologies where [.wind, .solarCentralised, .solarDistributed, .runOfRiver].contains(technology.kind) {
            let offered = technology.available ?? technology.output
            for t in net.indices { net[t] -= offered[t] }
        }
        let series = [
            Series("load", colour: Palette.black, values: dispatch.load.sorted(by: >)),
            Series("net load", colour: Palette.blue, values: net.sorted(by: >), dash: "6 3"),
        ]
        var chart = LineChart(id: "duration", title: "Load and net-load duration curves, \(dispatch.year)", xLabel: "hours of the year at or above the value (h)",
                              yLabel: "power (GW)", x: (1...dispatch.hours).map(Double.init), series: series)
        // The axis ends at the year's last hour, not at the next round number (9000).
        chart.xTicks = stride(from: 0, to: dispatch.hours - 500, by: 1000).map { (Double($0), String($0)) } + [(Double(dispatch.hours), String(dispatch.hours))]
        return chart.svg()
    }

    /// A tick at the start of each day of the week, labelled with its date: `1 Jul`.
    static func dayTicks(_ week: ReportWeek) -> [(value: Double, label: String)] {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return (0..<(week.range.count / 24)).map { offset in
            let day = week.range.lowerBound / 24 + offset
            return (Double(24 * offset), "\(ProfileCalendar.dayOfMonth(ofDay: day)) \(months[ProfileCalendar.month(ofDay: day) - 1])")
        }
    }
}
