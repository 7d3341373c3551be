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

    private static func error(_ scenario: Scenario, _ path: String, found: String, expected: String) -> ScenarioError {
        let location = scenario.location(ofKey: path) ?? scenario.location(ofKey: path.split(separator: ".").dropLast().joined(separator: "."))
            ?? SourceLocation(file: scenario.file, line: 1, column: 1)
        return ScenarioError([Diagnostic(location: location, path: path, found: found, expected: expected)])
    }

    private static func gw(_ value: Double) -> String { String(format: "%.3f", value) }
}
