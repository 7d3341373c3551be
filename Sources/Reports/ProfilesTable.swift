import EnergyModel
import Foundation
import Profiles

/// A year's hourly series as CSV, one row per hour:
///
/// `hour,time,load_gw,solar_cf,wind_cf,inflow_gw.<station>…,availability.<unit>…`
///
/// - `hour`: 0–8759; `time`: the hour's start, ISO 8601 local time with its offset;
/// - `load_gw`: demand, GW;
/// - `solar_cf`, `wind_cf`: the fleet's capacity factor (0–1), the capacity-weighted
///   mean of the kind's technologies in that year (their plain mean when none is
///   installed); when a kind has more than one technology, each also gets its own
///   column `solar_cf.<id>` / `wind_cf.<id>`;
/// - `inflow_gw.<station>`: natural inflow of each hydro station, GW;
/// - `availability.<unit>`: available fraction of each thermal and bioenergy unit.
/// Numbers have six decimals: 1 kW for GW columns, 1e-6 for fractions.
public enum ProfilesTable {
    public static func csv(_ profiles: YearProfiles, scenario: Scenario) -> String {
        let columns = self.columns(profiles, scenario: scenario)
        var text = "hour,time," + columns.map(\.name).joined(separator: ",") + "\n"
        text.reserveCapacity(ProfileCalendar.hoursPerYear * (30 + 10 * columns.count))
        for hour in 0..<ProfileCalendar.hoursPerYear {
            text += "\(hour),\(profiles.calendar.isoTime(ofHour: hour))"
            for column in columns { text += "," + String(format: "%.6f", column.values[hour]) }
            text += "\n"
        }
        return text
    }

    /// One line per column: its annual sum (GWh for GW columns; full-load hours for
    /// capacity factors; equivalent full hours for availability), mean, lowest and highest.
    public static func summary(_ profiles: YearProfiles, scenario: Scenario, seed: UInt64) -> String {
        let columns = self.columns(profiles, scenario: scenario)
        let nameWidth = max(24, columns.map { TextLayout.width($0.name) }.max() ?? 0)
        var lines = [
            "\(scenario.name): hourly series for \(profiles.year), weather seed \(seed)",
            "8760 hours of local standard time (UTC\(offset(scenario.location.utcOffsetHours))); 29 February is not part of capsim's year",
            "",
            TextLayout.pad("series", nameWidth) + TextLayout.pad("annual", 16, right: true) + TextLayout.pad("mean", 10, right: true)
                + TextLayout.pad("min", 10, right: true) + TextLayout.pad("max", 10, right: true),
        ]
        for column in columns {
            let total = column.values.reduce(0, +)
            let unit = column.name.hasSuffix("_gw") || column.name.hasPrefix("inflow_gw.") ? " GWh" : " h"
            lines.append(TextLayout.pad(column.name, nameWidth)
                + TextLayout.pad(TextLayout.number(total, digits: 1) + unit, 16, right: true)
                + TextLayout.pad(TextLayout.number(total / Double(column.values.count)), 10, right: true)
                + TextLayout.pad(TextLayout.number(column.values.min() ?? 0), 10, right: true)
                + TextLayout.pad(TextLayout.number(column.values.max() ?? 0), 10, right: true))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func offset(_ hours: Double) -> String {
        (hours < 0 ? "−" : "+") + TextLayout.number(abs(hours), digits: 2)
    }

    /// The CSV's value columns, in order.
    static func columns(_ profiles: YearProfiles, scenario: Scenario) -> [(name: String, values: [Double])] {
        var columns: [(name: String, values: [Double])] = [("load_gw", profiles.load)]
        for (name, kinds) in [("solar_cf", [TechnologyKind.solarCentralised, .solarDistributed]), ("wind_cf", [.wind])] {
            let members = profiles.capacityFactors.filter { kinds.contains($0.kind) }
            guard !members.isEmpty else { continue }
            columns.append((name, fleet(members, scenario: scenario, year: profiles.year)))
            if members.count > 1 { columns += members.map { ("\(name).\($0.id)", $0.values) } }
        }
        columns += profiles.inflows.map { ("inflow_gw.\($0.id)", $0.values) }
        columns += profiles.availabilities.map { ("availability.\($0.id)", $0.values) }
        return columns
    }

    /// Capacity-weighted mean of capacity factors, per hour.
    static func fleet(_ members: [TechnologySeries], scenario: Scenario, year: Int) -> [Double] {
        let capacities = members.map { scenario.technology(id: $0.id)?.capacity.value(in: year) ?? 0 }
        let total = capacities.reduce(0, +)
        let weights = total > 0 ? capacities.map { $0 / total } : members.map { _ in 1 / Double(members.count) }
        var result = [Double](repeating: 0, count: ProfileCalendar.hoursPerYear)
        for (member, weight) in zip(members, weights) where weight > 0 {
            for h in result.indices { result[h] += weight * member.values[h] }
        }
        return result
    }
}
