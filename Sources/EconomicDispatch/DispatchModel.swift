import EnergyModel
import Foundation
import LinearProgramming
import Profiles

/// One year's dispatch LP (docs/dispatch.md): the assets of the year, each adding its
/// part (`DispatchAsset`), the checks that name a cause before the solver could only say
/// "infeasible", the solve, and the mapping of the solution to `YearDispatch`.
public struct DispatchModel: Sendable {
    public let scenario: Scenario
    public let conditions: YearConditions
    public let profiles: YearProfiles
    /// The LP `capsim run` solves for the year (and `capsim lp export` writes).
    public let program: LinearProgram
    private let assets: [any DispatchAsset]

    /// Builds the year's LP; throws, naming the scenario key, when the year cannot be
    /// dispatched whatever the solver does.
    public init(scenario: Scenario, conditions: YearConditions, profiles: YearProfiles) throws(ScenarioError) {
        self.scenario = scenario
        self.conditions = conditions
        self.profiles = profiles
        var assets = try Self.assets(scenario: scenario, conditions: conditions, profiles: profiles)
        var builder = DispatchBuilder(load: profiles.load)
        for index in assets.indices { assets[index].add(to: &builder) }
        self.assets = assets
        program = builder.program(name: "capsim_\(conditions.year)")
    }

    /// Solves the LP and maps the solution; throws when the solver finds no optimum.
    public func solve(options: SolverOptions = SolverOptions()) throws(DispatchFailure) -> YearDispatch {
        let solution = InteriorPointSolver.solve(program, options: options)
        guard solution.status == .optimal else {
            throw DispatchFailure(year: conditions.year, status: solution.status, message: solution.message)
        }
        let hours = profiles.load.count, zero = [Double](repeating: 0, count: hours)
        var result = YearDispatch(
            year: conditions.year, load: profiles.load, technologies: [], imports: zero, exports: zero, unserved: zero,
            price: (0..<hours).map { solution.rowDuals[$0] * DispatchBuilder.costUnit },
            solver: SolverReport(status: solution.status.rawValue, message: solution.message, objective: solution.objective * DispatchBuilder.costUnit,
                                 iterations: solution.iterations, seconds: solution.seconds, path: solution.path.rawValue,
                                 rows: program.rowCount, columns: program.columnCount))
        for asset in assets { asset.record(solution.x, into: &result) }
        return result
    }

    /// The assets of the year: one per technology in the scenario's order, then the grid
    /// link and unserved energy.
    private static func assets(scenario: Scenario, conditions: YearConditions, profiles: YearProfiles) throws(ScenarioError) -> [any DispatchAsset] {
        var assets: [any DispatchAsset] = []
        let hours = profiles.load.count, ones = [Double](repeating: 1, count: hours)
        for unit in conditions.technologies {
            let id = unit.technology.id
            switch unit.technology.parameters {
            case let .thermal(thermal):
                assets.append(ThermalAsset(unit, thermal, availability: profiles.availability(of: id) ?? ones))
            case let .bioenergy(bioenergy):
                assets.append(BioenergyAsset(unit, bioenergy, availability: profiles.availability(of: id) ?? ones))
            case let .variable(renewable):
                let available: [Double]
                if unit.technology.kind == .runOfRiver {
                    let inflow = profiles.inflow(of: id) ?? [Double](repeating: 0, count: hours)
                    available = (0..<hours).map { min(inflow[$0], unit.hourlyCapacity[$0]) }
                } else {
                    let factor = profiles.capacityFactor(of: id) ?? [Double](repeating: 0, count: hours)
                    available = (0..<hours).map { factor[$0] * unit.hourlyCapacity[$0] }
                }
                assets.append(VariableRenewableAsset(unit, renewable, available: available, curtailmentCost: conditions.curtailmentCost))
            case let .reservoir(reservoir):
                let inflow = profiles.inflow(of: id) ?? [Double](repeating: 0, count: hours)
                try FeasibilityChecks.reservoir(id, reservoir, inflow: inflow, scenario: scenario, year: conditions.year)
                assets.append(ReservoirAsset(unit, reservoir, inflow: inflow))
            case let .storage(storage):
                assets.append(StorageAsset(unit, storage))
            }
        }
        if let grid = conditions.grid { assets.append(GridAsset(grid)) }
        assets.append(UnservedEnergyAsset(load: profiles.load, valueOfLostLoad: conditions.valueOfLostLoad))
        try FeasibilityChecks.mustRun(assets, conditions: conditions, profiles: profiles, scenario: scenario)
        return assets
    }
}

/// The solver found no optimum for a year's LP that passed the checks.
public struct DispatchFailure: Error, Sendable, CustomStringConvertible {
    public var year: Int
    public var status: SolverStatus
    public var message: String

    public var description: String {
        "capsim: the dispatch of \(year) has no optimum: \(status.rawValue) (\(message)); " +
            "`capsim lp export FILE --year \(year) --out \(year).mps` writes the LP for another solver to check"
    }
}
