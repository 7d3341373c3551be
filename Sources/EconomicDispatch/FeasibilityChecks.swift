import EnergyModel
import Profiles

/// Causes that make a year impossible to dispatch, found before the solver runs so the
/// message can name them (the LP itself only knows it is infeasible). Load that cannot
/// be met is never one of them: it is unserved energy.
enum FeasibilityChecks {
    /// Must-run thermal output (the minimum stable floors) must fit in every hour into
    /// load + export + storage charging at full power:
    /// Σ m·C_t·a_t ≤ load_t + X + Σ P_t.
    static func mustRun(_ assets: [any DispatchAsset], conditions: YearConditions, profiles: YearProfiles, scenario: Scenario) throws(ScenarioError) {
        let thermal = assets.compactMap { $0 as? ThermalAsset }
        guard !thermal.isEmpty else { return }
        let storage = assets.compactMap { $0 as? StorageAsset }.filter(\.isInService)
        let export = conditions.grid?.exportLimit ?? 0
        for t in profiles.load.indices {
            let floor = thermal.reduce(0) { $0 + $1.floor(t) }
            let room = profiles.load[t] + export + storage.reduce(0) { $0 + $1.power(t) }
            guard floor > room + 1e-9 else { continue }
            let id = thermal[0].unit.technology.id
            throw error(scenario, "technologies.\(id).minimum_stable_load",
                        found: "in \(conditions.year), at \(profiles.calendar.isoTime(ofHour: t)), must-run thermal output of \(gw(floor)) GW " +
                            "(\(thermal.map { $0.unit.technology.id }.joined(separator: ", ")) at their minimum stable load) above the " +
                            "\(gw(room)) GW that load (\(gw(profiles.load[t])) GW), export (\(gw(export)) GW) and storage charging can take",
                        expected: conditions.grid == nil ? "a lower minimum_stable_load, a grid: section with an export_limit, or more storage"
                            : "a lower minimum_stable_load, a higher grid.export_limit or more storage")
        }
    }

    /// The outputs a plant can reach hour by hour within its ramp limits (`ThermalAsset.ramp`):
    /// from [p̲_0, p̄_0], [p̲_t, p̄_t] = [max(m·C_t·a_t, p̲_{t−1} − down_t), min(C_t·a_t, p̄_{t−1} + up_t)].
    /// An empty interval means no output path exists: a must-run floor above a maintenance
    /// window's cap by more than the ramp allows (60 % minimum stable load against 50 %
    /// out for maintenance at 5 %/h) made the year infeasible with only the solver's word.
    static func ramp(_ plant: ThermalAsset, scenario: Scenario, calendar: ProfileCalendar) throws(ScenarioError) {
        guard plant.thermal.rampRate < 1, !plant.availability.isEmpty else { return }
        var (low, high) = (plant.floor(0), plant.ceiling(0))
        for t in 1..<plant.availability.count {
            let ramp = plant.ramp(t)
            let (reachLow, reachHigh) = (low - ramp.down, high + ramp.up)
            (low, high) = (max(plant.floor(t), reachLow), min(plant.ceiling(t), reachHigh))
            guard low > high + 1e-9 else { continue }
            let id = plant.unit.technology.id
            throw error(scenario, "technologies.\(id).ramp_rate",
                        found: "in \(calendar.year), at \(calendar.isoTime(ofHour: t)) \(id) must run between \(gw(plant.floor(t))) and " +
                            "\(gw(plant.ceiling(t))) GW (its minimum stable load and availability), but from the hour before it can only reach " +
                            "\(gw(max(0, reachLow))) to \(gw(reachHigh)) GW (down \(gw(ramp.down)), up \(gw(ramp.up)) GW an hour)",
                        expected: "a plant that can ramp into its maintenance and availability changes: a higher ramp_rate or a lower minimum_stable_load")
        }
    }

    /// Over the year the release (turbine + spill) equals inflow + l₀ − l_end ≤ Σ inflow
    /// (the year ends at least as full as it began), and must be at least the
    /// environmental flow in every hour: Σ inflow_t ≥ e·T.
    static func reservoir(_ id: String, _ reservoir: Reservoir, inflow: [Double], scenario: Scenario, year: Int) throws(ScenarioError) {
        let total = inflow.reduce(0, +), needed = reservoir.environmentalFlow * Double(inflow.count)
        guard total + 1e-9 < needed else { return }
        // Four digits showed a flow of 12.9 MW and a mean of 12.8995 MW both as 0.0129 GW.
        let (flow, mean) = distinct(reservoir.environmentalFlow, total / Double(max(inflow.count, 1)))
        let (neededText, totalText) = distinct(needed, total)
        throw error(scenario, "technologies.\(id).environmental_flow",
                    found: "in \(year), an environmental flow of \(flow) GW needs \(neededText) GWh a year, " +
                        "but the inflow is only \(totalText) GWh" + inflowScaling(scenario, year),
                    expected: "an environmental flow at most the mean inflow (\(mean) GW)")
    }

    /// A reservoir's inflow scaled by `weather.hydro_inflow_factor` (a dry year) is named
    /// with it, since that key, not the reservoir's, may be the one to change.
    private static func inflowScaling(_ scenario: Scenario, _ year: Int) -> String {
        let factor = scenario.weather.hydroInflowFactor.value(in: year)
        return factor == 1 ? "" : " (with weather.hydro_inflow_factor of \(percent(factor)) % in \(year))"
    }

    /// The highest level the reservoir can keep, releasing only the environmental flow e
    /// and spilling what it cannot hold: l̄_t = min(L_max·E, l̄_{t−1} + inflow_t − e) from
    /// l̄_{−1} = l₀. It must stay at or above L_min·E every hour and end the year at l₀ or
    /// more; no release schedule does better. A dry first half of the year, or a flood the
    /// reservoir cannot hold before a dry spell, can break this while the annual sum holds.
    static func reservoirLevel(_ id: String, _ reservoir: Reservoir, inflow: [Double], scenario: Scenario, calendar: ProfileCalendar) throws(ScenarioError) {
        let e = reservoir.storageEnergy, start = reservoir.initialLevel * e
        let floor = reservoir.minimumLevel * e, ceiling = reservoir.maximumLevel * e
        var level = start
        for t in inflow.indices {
            level = min(ceiling, level + inflow[t] - reservoir.environmentalFlow)
            let needed = t == inflow.count - 1 ? max(floor, start) : floor
            guard level + 1e-9 < needed else { continue }
            throw error(scenario, "technologies.\(id).environmental_flow",
                        found: "in \(calendar.year), at \(calendar.isoTime(ofHour: t)) the reservoir holds at most \(gw(level)) GWh " +
                            "releasing only its environmental flow of \(gw(reservoir.environmentalFlow)) GW (and spilling above its maximum level), " +
                            "below the \(gw(needed)) GWh " + (needed > floor ? "it must end the year with (its starting level)" : "of its minimum level") +
                            inflowScaling(scenario, calendar.year),
                        expected: "an environmental flow the inflow can keep up with hour by hour, a higher initial_level or a lower minimum_level")
        }
    }

    /// The levels a storage pool can reach: charging at full power every hour, clipped at
    /// its ceiling, ē_t = min(k·SoC_max·E_t, (1 − σ)·ē_{t−1} + η_c·P_t), and discharging at
    /// full power, floored at its floor, e̲_t = max(k·SoC_min·E_t, (1 − σ)·e̲_{t−1} − P_t/η_d),
    /// both from e₀. ē must reach the floor every hour and the year-end level
    /// k·SoC₀·E_{T−1} at the end; e̲ must stay under the ceiling (energy that vanishes with
    /// a retirement while the pool has no power to discharge cannot). No dispatch does
    /// better than either, so a pool that fails makes the year infeasible.
    static func storage(_ pool: StorageAsset, hours: Int, scenario: Scenario, calendar: ProfileCalendar) throws(ScenarioError) {
        guard pool.isInService else { return }
        let s = pool.storage, k = pool.multiplicity, capacity = pool.energyCapacity, keep = 1 - s.selfDischargePerHour
        let id = pool.units[0].technology.id, names = pool.units.map(\.technology.id).joined(separator: ", ")
        var high = pool.initialEnergy, low = pool.initialEnergy
        for t in 0..<hours {
            let floor = k * s.minimumStateOfCharge * capacity[t], ceiling = k * s.maximumStateOfCharge * capacity[t]
            high = min(ceiling, keep * high + s.chargeEfficiency * pool.power(t))
            low = max(floor, keep * low - pool.power(t) / s.dischargeEfficiency)
            let needed = t == hours - 1 ? max(floor, pool.finalEnergy(hours: hours)) : floor
            if high + 1e-9 < needed {
                throw error(scenario, "technologies.\(id)" + (s.selfDischargePerHour > 0 ? ".self_discharge" : ""),
                            found: "in \(calendar.year), at \(calendar.isoTime(ofHour: t)) \(names) can hold at most \(gw(high)) GWh even charging " +
                                "at full power every hour (self-discharge \(percent(s.selfDischargePerHour)) %/h, charge efficiency " +
                                "\(percent(s.chargeEfficiency)) %), below the \(gw(needed)) GWh " +
                                (needed > floor ? "it must end the year with (its starting state of charge)" : "of its minimum state of charge"),
                            expected: "a storage that charging can keep within its limits: a lower self_discharge, minimum_soc or initial_soc, " +
                                "or a higher round_trip_efficiency")
            }
            if low > ceiling + 1e-9 {
                throw error(scenario, "technologies.\(id).capacity",
                            found: "in \(calendar.year), at \(calendar.isoTime(ofHour: t)) \(names) holds at least \(gw(low)) GWh even " +
                                "discharging at full power every hour, above the \(gw(ceiling)) GWh its energy capacity then allows",
                            expected: "a retirement that leaves the pool power to discharge what it holds: retire it in a year of its own " +
                                "(\"-… in YEAR\"), or a lower minimum_soc")
            }
        }
    }

    private static func error(_ scenario: Scenario, _ path: String, found: String, expected: String) -> ScenarioError {
        let location = scenario.location(ofKey: path) ?? scenario.location(ofKey: path.split(separator: ".").dropLast().joined(separator: "."))
            ?? SourceLocation(file: scenario.file, line: 1, column: 1)
        return ScenarioError([Diagnostic(location: location, path: path, found: found, expected: expected)])
    }

    private static func gw(_ value: Double) -> String { Diagnostic.number(value) }

    /// Two numbers compared in a message, with as many digits as it takes to tell them
    /// apart (up to ten).
    private static func distinct(_ a: Double, _ b: Double) -> (String, String) {
        guard gw(a) == gw(b) else { return (gw(a), gw(b)) }
        return (String(format: "%.10g", a), String(format: "%.10g", b))
    }

    private static func percent(_ fraction: Double) -> String { String(format: "%.3g", 100 * fraction) }
}
