import Accounting
import EnergyModel

/// The terminal summary of `capsim run`, within 100 columns: the non-fossil share against
/// its targets, the generation mix, storage, reliability and prices, and the scorecard of
/// every target with what would close the missed ones.
public enum ProjectionSummary {
    /// The years of `outcome` as a header says them: `2020–2030`, or `2030` for one.
    static func span(_ outcome: ProjectionOutcome) -> String {
        guard let first = outcome.years.first?.year, let last = outcome.years.last?.year else { return "" }
        return first == last ? "\(first)" : "\(first)–\(last)"
    }

    public static func text(_ outcome: ProjectionOutcome) -> String {
        let years = outcome.years
        var lines = TextLayout.wrap("\(outcome.scenario.name): \(outcome.header)", width: 100, first: "", rest: "  ")
        lines += outcome.settings.map { "  --set \($0)" }
        lines.append("")
        lines += share(outcome)
        lines += [""] + mix(years)
        lines += [""] + storage(years)
        lines += [""] + reliability(years)
        lines += [""] + scorecard(outcome.scorecard)
        let seconds = years.reduce(0) { $0 + $1.solver.seconds }, iterations = years.reduce(0) { $0 + $1.solver.iterations }
        lines += ["", "Solver: \(years.count) LP\(years.count == 1 ? "" : "s"), \(iterations) interior-point iterations, \(TextLayout.number(seconds, digits: 2)) s in the solver."]
        // The measured levers' dispatches are not in those figures: say how many there were.
        let again = outcome.scorecard.leverDispatches
        if again > 0 { lines.append("The measured levers dispatched a year again \(again) time\(again == 1 ? "" : "s") beyond these.") }
        return lines.map(TextLayout.trimmingTrailingSpaces).joined(separator: "\n") + "\n"
    }

    /// Non-fossil share by year, with the share targets of the year if any: the first on
    /// the year's row, each further one on a row of its own below it.
    static func share(_ outcome: ProjectionOutcome) -> [String] {
        let targets = outcome.scorecard.entries.filter { $0.target.kind == .nonFossilShare }
        var rows: [[String]] = []
        for year in outcome.years {
            let account = year.account
            let ofYear = targets.filter { $0.target.year == year.year }
            rows.append([String(year.year), percent(account.nonFossilShare)] + targetCells(ofYear.first) + [
                mt(account.totalEnergyConsumption), mt(account.nonFossilEnergy),
                mt(account.co2Emissions), TextLayout.fixed(account.energy.cost / 1e9, digits: 2),
            ])
            for entry in ofYear.dropFirst() { rows.append(["", ""] + targetCells(entry)) }
        }
        return ["Non-fossil share of total energy consumption"]
            + table(["year", "share", "target", "status", "TEC Mtce", "NF Mtce", "CO2 Mt", "cost bn yuan"], rows, [6, 9, 14, 18, 10, 10, 10, 13])
            + (targets.isEmpty || outcome.scenario.accounting.method != .calorific ? [] : calorificNote)
            + ShareRangeNote.lines(outcome.years)
    }

    /// Under a calorific run's share table with targets: a calorific share is some 40 %
    /// below the coal-equivalent one of the same year, and China's statistics — and the
    /// plans' share targets — count coal-equivalent.
    static let calorificNote = TextLayout.wrap("(\(calorificCaveat))", width: 100, first: "  ", rest: "  ")

    /// The caveat, as the HTML report says it too.
    static let calorificCaveat = "counted by the calorific method; China's statistics and its plans' share targets count by the coal-equivalent method, "
        + "under which the same year's share is far higher: compare with accounting.method: coal_equivalent"

    /// A share target's threshold and status, or two empty cells.
    private static func targetCells(_ entry: Scorecard.Entry?) -> [String] {
        [entry.map { TargetText.threshold($0.target) } ?? "", entry?.evaluation?.status.label ?? ""]
    }

    /// Electricity by source, GWh.
    static func mix(_ years: [YearOutcome]) -> [String] {
        let groups = TechnologyGroups.all.map { ($0.name, $0.kinds) }
        let rows = years.map { year -> [String] in
            let flows = year.account.energy.technologies, energy = year.account.energy
            return [String(year.year)] + groups.map { _, kinds in gwh(flows.filter { kinds.contains($0.kind) }.reduce(0) { $0 + $1.generation }) }
                + [gwh(energy.imports), gwh(energy.exports), gwh(energy.load)]
        }
        return ["Electricity by source, GWh (storage: discharge)"]
            + table(["year"] + groups.map(\.0) + ["import", "export", "load"], rows, [6] + [Int](repeating: 9, count: 10))
    }

    /// Storage by kind: energy in and out, equivalent full cycles, usable share of nameplate energy.
    static func storage(_ years: [YearOutcome]) -> [String] {
        let rows = years.map { year -> [String] in
            var cells = [String(year.year)]
            for kind in [TechnologyKind.pumpedStorage, .lfp] {
                let units = year.account.energy.technologies.filter { $0.kind == kind }
                let discharge = units.reduce(0) { $0 + $1.generation }, usable = units.reduce(0) { $0 + $1.energyCapacity }
                cells += [gwh(units.reduce(0) { $0 + $1.charge }), gwh(discharge), usable > 0 ? TextLayout.fixed(discharge / usable, digits: 1) : "–"]
            }
            // The fleet's share at the end of the year: usable over nameplate energy, all units.
            let lfp = year.conditions.technologies.filter { $0.technology.kind == .lfp && ($0.nameplateEnergy ?? 0) > 0 }
            let nameplate = lfp.reduce(0) { $0 + ($1.nameplateEnergy ?? 0) }
            cells.append(lfp.isEmpty ? "–" : percent(lfp.reduce(0) { $0 + $1.usableFraction * ($1.nameplateEnergy ?? 0) } / nameplate))
            return cells
        }
        return ["Storage: GWh in and out, equivalent full cycles, LFP usable share of nameplate energy"]
            + table(["year", "PS in", "PS out", "PS cyc", "LFP in", "LFP out", "LFP cyc", "LFP usable"], rows, [6, 10, 10, 8, 10, 10, 9, 11])
            + years.flatMap(sameHourNote)
    }

    /// A year's storage that charged and discharged in the same hours. The optimum does it
    /// only to burn energy in round-trip losses — energy nothing else could take (must-run
    /// output above the load, the exports and what storage can hold), or energy whose
    /// curtailment costs more than the losses (`curtailment_cost` above about
    /// `throughput_cost` × η/(1 − η), or a `throughput_cost` of 0) — and the cycles in the
    /// table then count energy that served no one; a store with neither losses nor a
    /// throughput cost may do it for nothing, one of many dispatches of equal cost. Nil for
    /// a year without.
    static func sameHourText(_ year: YearOutcome) -> String? {
        let units = year.account.energy.technologies.filter { $0.sameHourHours > 0 }
        guard !units.isEmpty else { return nil }
        let list = units.map { "\($0.id) \(TextLayout.number($0.sameHourHours, digits: 0)) h, \(gwh($0.sameHour)) GWh" }
        return "\(year.year): charged and discharged in the same hour — \(list.joined(separator: "; ")). Storage does so only to burn "
            + "energy in its round-trip losses, and the cycles count it: energy nothing else could take (must-run output above load, "
            + "exports and storage), or energy cheaper to burn than to curtail (costs.curtailment_cost above the losses' throughput cost); "
            + "a store with neither losses nor a throughput cost may do it at no cost, as one of many dispatches of equal cost."
    }

    static func sameHourNote(_ year: YearOutcome) -> [String] {
        sameHourText(year).map { TextLayout.wrap($0, width: 100, first: "  ! ", rest: "    ") } ?? []
    }

    /// Unserved energy, loss-of-load hours, curtailment and prices.
    static func reliability(_ years: [YearOutcome]) -> [String] {
        let rows = years.map { year -> [String] in
            let energy = year.account.energy
            return [
                String(year.year), gwh(energy.unserved), TextLayout.number(energy.lossOfLoadHours, digits: 0), gwh(year.account.curtailed),
                percent(year.account.curtailmentFraction), TextLayout.number(energy.averagePrice / 1000, digits: 0),
                TextLayout.number(energy.peakPrice / 1000, digits: 0),
            ]
        }
        return ["Reliability, curtailment and prices (yuan/MWh)"]
            + table(["year", "unserved GWh", "LOLH h", "curtailed GWh", "curtailed", "avg price", "peak price"], rows, [6, 14, 9, 15, 11, 11, 11])
    }

    /// Every target: required, simulated value, margin, status; under each missed or
    /// within-tolerance target, its first-order levers.
    static func scorecard(_ card: Scorecard) -> [String] {
        guard !card.entries.isEmpty else { return ["No targets in this scenario."] }
        var lines = ["Targets (≥ at least, ≤ at most, ≈ about; * = strive for, 力争)"]
        let rows = card.entries.map { entry in
            let target = entry.target
            return [target.id + (target.strive ? " *" : ""), String(target.year), TargetText.threshold(target)]
                + (entry.evaluation.map(TargetText.outcome) ?? ["–", "–", "not simulated"])
        }
        // 100 columns with the longest status, "within tolerance", unless a cell needs more.
        let widths = TextLayout.fitted([25, 6, 22, 15, 16, 16], to: rows)
        lines.append(TextLayout.columns(["target", "year", "required", "simulated", "margin", "status"], widths))
        for (entry, cells) in zip(card.entries, rows) {
            lines += TextLayout.row(cells, widths)
            for lever in entry.levers { lines += TextLayout.wrap(TargetText.lever(lever), width: 100, first: "    → ", rest: "      ") }
        }
        let levers = card.entries.flatMap(\.levers)
        if !levers.isEmpty {
            let measured = levers.contains { $0.text.hasPrefix("measured") } ? "; measured: dispatched again" : ""
            lines.append("  (→ one lever at a time; first-order: rest of the year as simulated\(measured))")
        }
        return lines
    }

    /// Rows in columns of `widths`, the first left-aligned and the rest right-aligned; a
    /// right-aligned cell as wide as its column or wider keeps a space before it.
    private static func table(_ header: [String], _ rows: [[String]], _ widths: [Int]) -> [String] {
        ([header] + rows).map { cells in
            zip(cells, widths).enumerated().map { index, cell in
                index == 0 ? TextLayout.pad(cell.0, cell.1) : TextLayout.pad(cell.0, max(cell.1, TextLayout.width(cell.0) + 1), right: true)
            }.joined()
        }
    }

    private static func percent(_ fraction: Double) -> String { TextLayout.fixed(100 * fraction, digits: 2) + " %" }
    private static func mt(_ tonnes: Double) -> String { TextLayout.fixed(tonnes / 1e6, digits: 3) }
    private static func gwh(_ value: Double) -> String { TextLayout.number(value, digits: 0) }
}
