import Accounting
import EnergyModel

/// `targets.csv` of `capsim run --csv DIR`: one row per target, in the file's order:
/// `id,year,kind,comparison,required,tolerance,value,margin,unit,status,strive,lever,weather_seed,set` —
/// numbers in the unit the target was written in (`unit`); `status` is `met`,
/// `within_tolerance`, `missed` or `not_simulated` (value and margin then empty);
/// `lever` the first first-order estimate of what closes a missed target, as text with
/// its amount and unit; then the run's `weather_seed` and `set` (`RunColumns`).
public enum TargetsTable {
    public static func csv(_ scorecard: Scorecard, run: RunColumns) -> String {
        var text = "id,year,kind,comparison,required,tolerance,value,margin,unit,status,strive,lever," + RunColumns.header + "\n"
        for entry in scorecard.entries {
            let target = entry.target, unit = target.displayUnit
            let value = entry.evaluation.map { "\(unit.display($0.value))" } ?? ""
            let margin = entry.evaluation.map { "\($0.displayedMargin)" } ?? ""
            let fields = [
                target.id, String(target.year), target.kind.rawValue, target.comparison.rawValue,
                "\(unit.display(target.required))", "\(unit.display(target.tolerance))", value, margin, unit.symbol,
                entry.evaluation?.status.rawValue ?? "not_simulated", target.strive ? "true" : "false", entry.levers.first.map(TargetText.lever) ?? "",
            ]
            text += fields.map(CSVField.quoted).joined(separator: ",") + "," + run.fields + "\n"
        }
        return text
    }
}
