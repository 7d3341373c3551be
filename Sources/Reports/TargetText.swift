import Foundation
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

    /// A number the scenario wrote (a threshold, a tolerance), as it was written: the
    /// fewest decimals from three that give it back (`≥ 0.0026 TW`, which three decimals
    /// showed as `≥ 0.003 TW`; `≥ 0.00005 TW`, never `5e-05`), up to 17 (beyond, the
    /// exponent form). "Give back" allows for the rounding of the unit conversion
    /// (2.6 GW ÷ 1000 is 0.0026000000000000003 TW), 10⁻¹² of the value and no more: at
    /// 10⁻⁹, `375.0000001 万千瓦` read `375 万千瓦`.
    static func written(_ value: Double) -> String {
        let gives = { (text: String) in abs((Double(text) ?? .nan) - value) <= 1e-12 * abs(value) }
        return (3...17).lazy.map { TextLayout.number(value, digits: $0) }.first(where: gives) ?? String(value)
    }

    /// A number capsim counted (a target's value, a margin): three decimals, or three
    /// significant digits below 0.1, where three decimals show fewer — a value of 0.00271 TW
    /// read 0.003 TW beside a threshold of 0.0026, and a target missed by 10⁻⁶ would read
    /// "MISSED by 0". Written out (0.00003, not 3e-05) down to 17 decimals.
    static func counted(_ value: Double) -> String {
        guard value != 0, abs(value) < 0.1 else { return TextLayout.number(value) }
        let text = TextLayout.number(value, digits: min(17, 2 - Int(log10(abs(value)).rounded(.down))))
        return text == "0" ? String(format: "%.3g", value) : text
    }

    /// The value, the signed margin and the status of an evaluation, in the target's unit.
    static func outcome(_ evaluation: TargetEvaluation) -> [String] {
        let unit = evaluation.target.displayUnit, margin = evaluation.displayedMargin
        return [
            "\(counted(unit.display(evaluation.value))) \(unit.symbol)",
            "\(margin >= 0 ? "+" : "")\(counted(margin)) \(differenceUnit(unit))", evaluation.status.label,
        ]
    }

    /// The unit of a difference of two values in `unit`: percentage points (pp) for a
    /// share in %, so that a margin of +6.6 pp on a 25 % target is not read as 6.6 % of it.
    static func differenceUnit(_ unit: DisplayUnit) -> String {
        unit.symbol == "%" ? "pp" : unit.symbol
    }

    /// A lever as one phrase: what to change and by how much, `first-order: … : 0.665 GW`:
    /// three decimals below 100 (0.629 亿立方米, not 0.6, beside a margin of −0.629), one
    /// from 100 on (341.7 GWh, 75 504.1 tce); below 0.1, three significant digits, as
    /// `counted` writes the margin beside it (0.0719 万吨标准煤 under a margin of −0.0719,
    /// not 0.072). An amount to change is rounded up, so that the number shown, applied,
    /// closes the target: rounded to nearest, 0.0729 GW (0.072923 found) left 1.001 GWh
    /// unserved against at most 1, and 0.25 GW (0.2504 needed) a capacity target 0.4 MW
    /// short. A share a search reached (%) is a value, shown as counted.
    static func lever(_ lever: Lever) -> String {
        let amount = lever.amount
        guard lever.unit != "%", amount > 0, amount.isFinite else {
            return "\(lever.text): \(abs(amount) < 0.1 ? counted(amount) : TextLayout.number(amount)) \(lever.unit)"
        }
        let digits = amount < 0.1 ? min(17, 2 - Int(log10(amount).rounded(.down))) : amount < 100 ? 3 : 1
        let scale = pow(10, Double(digits))
        // Less a hair, so that an amount the decimal already holds (0.25 stored as 0.25000000000000006, or a GW difference 3e-11 off) is not raised a step;
        // at most 10⁻⁶ of a step, which 10⁻⁹ of a large amount (419 999 000 m³ in steps of 0.1) exceeded, showing it a step short.
        let steps = amount * scale
        let shown = (steps - min(steps * 1e-9, 1e-6)).rounded(.up) / scale
        return "\(lever.text): \(TextLayout.number(shown, digits: digits)) \(lever.unit)"
    }
}
