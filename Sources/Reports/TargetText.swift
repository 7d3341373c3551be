import Accounting
import EnergyModel

/// How a target and its outcome read in the terminal, shared by `capsim capacity` and
/// `capsim run`: the threshold with its comparison symbol, the value, and the margin.
enum TargetText {
    /// `≥ 330 万千瓦`, `≈ 3.35 亿立方米 ±0.2`, `≥ 25 % ±1 pp`, in the unit the target was
    /// written in.
    static func threshold(_ target: Target) -> String {
        let unit = target.displayUnit
        let symbol = ["at_least": "≥", "at_most": "≤", "about": "≈"][target.comparison.rawValue] ?? ""
        var text = "\(symbol) \(written(unit.display(target.required))) \(unit.symbol)"
        if target.tolerance > 0 { text += " ±\(written(unit.display(target.tolerance)))\(differenceUnit(unit) == "pp" ? " pp" : "")" }
        return text
    }

    /// A number the scenario wrote (a threshold, a tolerance): up to three decimals, or
    /// three significant digits when those would round it to 0 (`≤ 1e-06 GWh`, not `≤ 0 GWh`).
    static func written(_ value: Double) -> String {
        let text = TextLayout.number(value)
        return value != 0 && Double(text) == 0 ? String(format: "%.3g", value) : text
    }

    /// The value, the signed margin and the status of an evaluation, in the target's unit;
    /// a margin that three decimals would round to 0 keeps three significant digits, so a
    /// target missed by 10⁻⁶ does not read "MISSED by 0".
    static func outcome(_ evaluation: TargetEvaluation) -> [String] {
        let unit = evaluation.target.displayUnit, margin = evaluation.displayedMargin
        return [
            "\(TextLayout.number(unit.display(evaluation.value))) \(unit.symbol)",
            "\(margin >= 0 ? "+" : "")\(written(margin)) \(differenceUnit(unit))", evaluation.status.label,
        ]
    }

    /// The unit of a difference of two values in `unit`: percentage points (pp) for a
    /// share in %, so that a margin of +6.6 pp on a 25 % target is not read as 6.6 % of it.
    static func differenceUnit(_ unit: DisplayUnit) -> String {
        unit.symbol == "%" ? "pp" : unit.symbol
    }

    /// A lever as one phrase: what to change and by how much, `first-order: … : 0.665 GW`:
    /// three decimals below 100 (0.629 亿立方米, not 0.6, beside a margin of −0.629), one
    /// from 100 on (341.7 GWh, 75 504.1 tce); three significant digits when those would
    /// round it to 0.
    static func lever(_ lever: Lever) -> String {
        let text = TextLayout.number(lever.amount, digits: abs(lever.amount) < 100 ? 3 : 1)
        return "\(lever.text): \(lever.amount != 0 && Double(text) == 0 ? String(format: "%.3g", lever.amount) : text) \(lever.unit)"
    }
}
