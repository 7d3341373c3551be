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
                        expected: "a lower minimum_stable_load, a higher grid.export_limit or more storage")
        }
    }

    /// Over the year the release (turbine + spill) equals inflow + l₀ − l_end ≤ Σ inflow
    /// (the year ends at least as full as it began), and must be at least the
    /// environmental flow in every hour: Σ inflow_t ≥ e·T.
    static func reservoir(_ id: String, _ reservoir: Reservoir, inflow: [Double], scenario: Scenario, year: Int) throws(ScenarioError) {
        let total = inflow.reduce(0, +), needed = reservoir.environmentalFlow * Double(inflow.count)
        guard total + 1e-9 < needed else { return }
        throw error(scenario, "technologies.\(id).environmental_flow",
                    found: "in \(year), an environmental flow of \(gw(reservoir.environmentalFlow)) GW needs \(gw(needed)) GWh a year, " +
                        "but the inflow is only \(gw(total)) GWh",
                    expected: "an environmental flow at most the mean inflow (\(gw(total / Double(max(inflow.count, 1)))) GW)")
    }

    /// Release of at least the environmental flow every hour must never draw the level
    /// below its minimum: l₀ − L_min·E + Σ_{τ≤t} (inflow_τ − e) ≥ 0 for every t, even with
    /// nothing turbined beyond the flow and nothing spilled (a dry first half of the year
    /// can break this while the annual sum holds).
    static func reservoirLevel(_ id: String, _ reservoir: Reservoir, inflow: [Double], scenario: Scenario, calendar: ProfileCalendar) throws(ScenarioError) {
        let start = (reservoir.initialLevel - reservoir.minimumLevel) * reservoir.storageEnergy
        var above = start
        for t in inflow.indices {
            above += inflow[t] - reservoir.environmentalFlow
            guard above < -1e-9 else { continue }
            throw error(scenario, "technologies.\(id).environmental_flow",
                        found: "in \(calendar.year), by \(calendar.isoTime(ofHour: t)) an environmental flow of \(gw(reservoir.environmentalFlow)) GW " +
                            "has released \(gw(start - above)) GWh more than the inflow since the start of the year, beyond the " +
                            "\(gw(start)) GWh the reservoir held above its minimum level at the start",
                        expected: "an environmental flow the inflow can keep up with hour by hour, a higher initial_level or a lower minimum_level")
        }
    }

    /// A storage pool's most reachable level — charging at full power every hour, clipped
    /// at its ceiling: ē_t = min(k·SoC_max·E_t, (1 − σ)·ē_{t−1} + η_c·P_t) from ē_{−1} = e₀ —
    /// must reach its floor k·SoC_min·E_t every hour and e₀ at the year's end. No dispatch
    /// can fill the pool faster, so a pool that fails this makes the year infeasible:
    /// self-discharge beyond what charging makes up, say.
    static func storage(_ pool: StorageAsset, hours: Int, scenario: Scenario, calendar: ProfileCalendar) throws(ScenarioError) {
        guard pool.isInService else { return }
        let s = pool.storage, k = pool.multiplicity, capacity = pool.energyCapacity, e0 = pool.initialEnergy
        var level = e0
        for t in 0..<hours {
            level = min(k * s.maximumStateOfCharge * capacity[t], (1 - s.selfDischargePerHour) * level + s.chargeEfficiency * pool.power(t))
            let floor = k * s.minimumStateOfCharge * capacity[t]
            let needed = t == hours - 1 ? max(floor, e0) : floor
            guard level + 1e-9 < needed else { continue }
            let id = pool.units[0].technology.id
            throw error(scenario, "technologies.\(id)" + (s.selfDischargePerHour > 0 ? ".self_discharge" : ""),
                        found: "in \(calendar.year), at \(calendar.isoTime(ofHour: t)) \(pool.units.map(\.technology.id).joined(separator: ", ")) can hold " +
                            "at most \(gw(level)) GWh even charging at full power every hour (self-discharge \(percent(s.selfDischargePerHour)) %/h, " +
                            "charge efficiency \(percent(s.chargeEfficiency)) %), below the \(gw(needed)) GWh " +
                            (needed > floor ? "it must end the year with (its starting level)" : "of its minimum state of charge"),
                        expected: "a storage that charging can keep within its limits: a lower self_discharge, minimum_soc or initial_soc, " +
                            "or a higher round_trip_efficiency")
        }
    }

    private static func error(_ scenario: Scenario, _ path: String, found: String, expected: String) -> ScenarioError {
        let location = scenario.location(ofKey: path) ?? scenario.location(ofKey: path.split(separator: ".").dropLast().joined(separator: "."))
            ?? SourceLocation(file: scenario.file, line: 1, column: 1)
        return ScenarioError([Diagnostic(location: location, path: path, found: found, expected: expected)])
    }

    private static func gw(_ value: Double) -> String { String(format: "%.3f", value) }

    private static func percent(_ fraction: Double) -> String { String(format: "%.3g", 100 * fraction) }
}
