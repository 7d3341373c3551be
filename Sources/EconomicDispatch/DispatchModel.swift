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

    /// Solves the LP (with the setup `session` keeps, when given) and maps the solution;
    /// throws when the solver finds no optimum.
    public func solve(options: SolverOptions = SolverOptions(), session: SolverSession? = nil) throws(DispatchFailure) -> YearDispatch {
        let solution = InteriorPointSolver.solve(program, options: options, session: session)
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
        let order = Dictionary(uniqueKeysWithValues: conditions.technologies.enumerated().map { ($1.technology.id, $0) })
        result.technologies.sort { order[$0.id, default: .max] < order[$1.id, default: .max] }
        return result
    }

    /// The assets of the year in the scenario's order of technologies, then the grid link
    /// and unserved energy. Renewables with the same cost per GWh form one pool, and
    /// storage units with the same shape another (see `VariableRenewableAsset` and
    /// `StorageAsset`), placed where the first of their units stands.
    private static func assets(scenario: Scenario, conditions: YearConditions, profiles: YearProfiles) throws(ScenarioError) -> [any DispatchAsset] {
        var assets: [any DispatchAsset] = []
        let hours = profiles.load.count, ones = [Double](repeating: 1, count: hours)
        var renewablePools: [Double: (units: [TechnologyYear], available: [[Double]])] = [:]
        var storagePools: [StorageAsset.Shape: (units: [TechnologyYear], storage: Storage)] = [:]
        var placeholders: [(index: Int, pool: Pool)] = []
        for unit in conditions.technologies {
            let id = unit.technology.id
            switch unit.technology.parameters {
            case let .thermal(thermal):
                let plant = ThermalAsset(unit, thermal, availability: profiles.availability(of: id) ?? ones)
                try FeasibilityChecks.ramp(plant, scenario: scenario, calendar: profiles.calendar)
                assets.append(plant)
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
                let cost = renewable.variableCost - conditions.curtailmentCost
                if renewablePools[cost] == nil {
                    placeholders.append((assets.count, .renewable(cost)))
                }
                renewablePools[cost, default: ([], [])].units.append(unit)
                renewablePools[cost]?.available.append(available)
            case let .reservoir(reservoir):
                let inflow = profiles.inflow(of: id) ?? [Double](repeating: 0, count: hours)
                let asset = ReservoirAsset(unit, reservoir, inflow: inflow)
                if asset.isInService {
                    try FeasibilityChecks.reservoir(id, reservoir, inflow: inflow, scenario: scenario, year: conditions.year)
                    try FeasibilityChecks.reservoirLevel(id, reservoir, inflow: inflow, scenario: scenario, calendar: profiles.calendar)
                }
                assets.append(asset)
            case let .storage(storage):
                let shape = StorageAsset.Shape(unit, storage)
                if storagePools[shape] == nil {
                    placeholders.append((assets.count, .storage(shape)))
                }
                storagePools[shape, default: ([], storage)].units.append(unit)
            }
        }
        for (index, pool) in placeholders.reversed() {
            switch pool {
            case let .renewable(cost):
                let members = renewablePools[cost]!
                assets.insert(VariableRenewableAsset(members.units, available: members.available, cost: cost, curtailmentCost: conditions.curtailmentCost), at: index)
            case let .storage(shape):
                let members = storagePools[shape]!
                let pool = StorageAsset(members.units, members.storage)
                try FeasibilityChecks.storage(pool, hours: hours, scenario: scenario, calendar: profiles.calendar)
                assets.insert(pool, at: index)
            }
        }
        if let grid = conditions.grid { assets.append(GridAsset(grid)) }
        assets.append(UnservedEnergyAsset(load: profiles.load, valueOfLostLoad: conditions.valueOfLostLoad))
        try FeasibilityChecks.mustRun(assets, conditions: conditions, profiles: profiles, scenario: scenario)
        return assets
    }

    /// A pool's key while the assets are gathered.
    private enum Pool {
        case renewable(Double)
        case storage(StorageAsset.Shape)
    }
}

/// The solver found no optimum for a year's LP that passed the checks.
public struct DispatchFailure: Error, Sendable, CustomStringConvertible {
    public var year: Int
    public var status: SolverStatus
    public var message: String

    public var description: String {
        // Numerical trouble is the solver's failure, not a finding about the LP.
        let what = status == .numericalTrouble ? "was not solved" : "has no optimum"
        return "capsim: the dispatch of \(year) \(what): \(status.rawValue) (\(message)); " + (status == .primalInfeasible ? Self.balanceHint : "") +
            "`capsim lp export FILE --year \(year) --out \(year).mps`, given the --set, --seed and first year (--from) of this run, " +
            "writes the LP for another solver to check"
    }

    /// What is left when every unit passed its own checks: units in conflict through the
    /// hourly balance (docs/dispatch.md).
    static let balanceHint = "each plant, storage pool and reservoir can be dispatched on its own, so they conflict through the hourly balance: " +
        "storage that must charge (self_discharge, minimum_soc, initial_soc) more than generation and imports can give, or must-run " +
        "output and discharge that load, exports and charging cannot take; "
}
