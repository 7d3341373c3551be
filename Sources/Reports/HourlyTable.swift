import EconomicDispatch
import Profiles

/// A year's dispatch as CSV, one row per hour (`hourly-YEAR.csv`):
///
/// `hour,time,load_gw,price_yuan_per_mwh,unserved_gw,import_gw,export_gw,` then per
/// technology, in the scenario's order, the columns its kind has:
/// `<id>.output_gw` (every kind: power sent to the balance; storage: discharge; reservoir:
/// turbine), `<id>.charge_gw` and `<id>.level_gwh` (storage: state of charge at the end of
/// the hour), `<id>.available_gw` and `<id>.curtailed_gw` (wind, solar, run-of-river),
/// `<id>.inflow_gw`, `<id>.spill_gw` and `<id>.level_gwh` (reservoir).
///
/// Numbers are written in full precision (the shortest text that reads back to the same
/// double), so the balance Σ output − Σ charge + import − export + unserved = load closes
/// in every row to the solver's tolerance, not to a rounding of the file.
public enum HourlyTable {
    public static func csv(_ dispatch: YearDispatch, calendar: ProfileCalendar) -> String {
        var columns: [(name: String, values: [Double])] = [
            ("load_gw", dispatch.load), ("price_yuan_per_mwh", dispatch.price.map { $0 / 1000 }), ("unserved_gw", dispatch.unserved),
            ("import_gw", dispatch.imports), ("export_gw", dispatch.exports),
        ]
        for technology in dispatch.technologies {
            let id = technology.id
            columns.append(("\(id).output_gw", technology.output))
            if let charge = technology.charge { columns.append(("\(id).charge_gw", charge)) }
            if let available = technology.available {
                columns.append((technology.spilled == nil ? "\(id).available_gw" : "\(id).inflow_gw", available))
            }
            if let curtailed = technology.curtailed { columns.append(("\(id).curtailed_gw", curtailed)) }
            if let spilled = technology.spilled { columns.append(("\(id).spill_gw", spilled)) }
            if let level = technology.level { columns.append(("\(id).level_gwh", level)) }
        }
        var text = "hour,time," + columns.map(\.name).joined(separator: ",") + "\n"
        text.reserveCapacity(dispatch.hours * (32 + 20 * columns.count))
        for hour in 0..<dispatch.hours {
            text += "\(hour),\(calendar.isoTime(ofHour: hour))"
            for column in columns { text += ",\(column.values[hour])" }
            text += "\n"
        }
        return text
    }
}
