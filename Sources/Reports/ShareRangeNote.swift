import Accounting
import EnergyModel

/// A note under the share table for each year whose account leaves the range a share
/// means something in: NF above TEC (a share over 100 %), or TEC at or below zero (the
/// share then shown as 0). Only exported fossil power can do it: TEC − NF = coal + oil +
/// gas + k·G_bf + k·M·(1 − s_grid) − k·(X − X_nf) (formulas 3–5 of docs/accounting.md),
/// with k the method's factor (`accounting.coal_power_heat_rate` under coal-equivalent),
/// while the plants burned their own heat rate for that power, so a k far above the
/// plants' heat rate takes more out of TEC than was burned. capsim counts as the formulas
/// say; the note says why the figure cannot be read as a share.
enum ShareRangeNote {
    /// The notes as lines of the terminal summary, within 100 columns.
    static func lines(_ years: [YearOutcome]) -> [String] {
        sentences(years).flatMap { TextLayout.wrap("(\($0))", width: 100, first: "  ", rest: "  ") }
    }

    /// One note a year whose account leaves the range, as a sentence.
    static func sentences(_ years: [YearOutcome]) -> [String] {
        years.compactMap { year -> String? in
            let account = year.account
            let tec = account.totalEnergyConsumption, nf = account.nonFossilEnergy
            // NF = TEC in a year with no fossil energy at all differs by rounding only.
            guard tec <= 0 || nf > tec * (1 + 1e-9) else { return nil }
            let energy = account.energy
            let what = tec <= 0
                ? "TEC is \(TextLayout.number(tec / 1e6, digits: 3)) Mtce, so no share can be formed (shown as 0 %)"
                : "NF, \(TextLayout.number(nf / 1e6, digits: 3)) Mtce, exceeds TEC, \(TextLayout.number(tec / 1e6, digits: 3)) Mtce"
            let thermal = energy.technologies.filter { $0.kind == .coal || $0.kind == .gas }
            let generation = thermal.reduce(0) { $0 + $1.generation }, fuel = thermal.reduce(0) { $0 + $1.fuel }
            let plants = generation > 0 ? ", while the city's coal and gas plants burned \(TextLayout.number(fuel / generation, digits: 1)) tce/GWh for their power" : ""
            return "\(year.year): \(what): exports of fossil power, \(TextLayout.number(energy.exports - energy.nonFossilExports, digits: 0)) GWh, leave TEC at "
                + "k = \(TextLayout.number(account.primaryElectricityFactor, digits: 1)) tce/GWh\(plants); see docs/accounting.md, "
                + "\"Exports and k\""
        }
    }
}
