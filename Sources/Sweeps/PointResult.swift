import Accounting
import EnergyModel
import Foundation
import LinearProgramming
import Profiles
import Reports
import Simulation

/// What a sweep keeps of one point: per simulated year the annual metrics, and every
/// target's status (`met`, `within_tolerance`, `missed`, `not_simulated`).
public struct PointResult: Sendable, Equatable {
    public var point: SweepPoint
    public var years: [YearMetrics]
    /// Target ids in the scenario's order, with their status at this point.
    public var targets: [TargetStatus]

    public struct TargetStatus: Sendable, Equatable {
        public var id: String
        public var year: Int
        public var status: String
    }

    /// Projects `plan`'s years for `point` on the scenario tree `root` (read once), with
    /// the profiles from `profiles` when the plan's points share them, and the solver
    /// setup `session` keeps from the worker's previous point. An invalid scenario or a
    /// failed projection is thrown as a `PointFailure` naming the point.
    public static func evaluate(_ point: SweepPoint, plan: SweepPlan, root: SourceNode, profiles: ProfileCache? = nil,
                                session: SolverSession? = nil, spareCore: SpareCore? = nil) throws -> PointResult {
        let overrides = plan.overrides(point)
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.decode(root, overriddenBy: overrides, file: plan.scenarioPath)
        } catch {
            throw PointFailure(point: point, scenario: plan.scenarioPath, overrides: overrides, error: error)
        }
        var projection = Projection(scenario: scenario, seed: point.seed)
        projection.profileCache = profiles
        projection.solverSession = session
        projection.options.spareCore = spareCore
        var accounts: [YearAccount] = []
        for run in plan.years.runs {
            guard scenario.years.contains(run.lowerBound), scenario.years.contains(run.upperBound) else {
                throw SweepError("--years \(plan.years.description): outside the scenario's years \(scenario.baseYear)–\(scenario.endYear)")
            }
            do {
                accounts += try projection.run(years: run).map { YearAccount(energy: $0.energy, scenario: scenario) }
            } catch {
                throw PointFailure(point: point, scenario: plan.scenarioPath, overrides: overrides, years: run, error: error)
            }
        }
        let card = Scorecard(scenario: scenario, accounts: accounts)
        return PointResult(
            point: point, years: accounts.map(YearMetrics.init),
            targets: card.entries.map { TargetStatus(id: $0.target.id, year: $0.target.year, status: $0.evaluation?.status.rawValue ?? "not_simulated") })
    }
}

/// The annual figures a sweep records for one year of one point (units in the names).
public struct YearMetrics: Sendable, Equatable {
    public var year: Int
    public var values: [Double]

    /// The metrics' names (CSV columns) and how each is read from a year's account.
    public static let columns: [(name: String, value: @Sendable (YearAccount) -> Double)] = [
        ("non_fossil_share", { $0.nonFossilShare }),
        ("total_energy_consumption_tce", { $0.totalEnergyConsumption }),
        ("non_fossil_energy_tce", { $0.nonFossilEnergy }),
        ("co2_t", { $0.co2Emissions }),
        ("curtailment_fraction", { $0.curtailmentFraction }),
        ("curtailed_gwh", { $0.curtailed }),
        ("unserved_gwh", { $0.energy.unserved }),
        ("loss_of_load_hours", { $0.energy.lossOfLoadHours }),
        ("imports_gwh", { $0.energy.imports }),
        ("exports_gwh", { $0.energy.exports }),
        ("cost_yuan", { $0.energy.cost }),
        ("average_price_yuan_per_mwh", { $0.energy.averagePrice / 1000 }),
    ]

    public init(year: Int, values: [Double]) {
        self.year = year
        self.values = values
    }

    init(_ account: YearAccount) {
        year = account.year
        values = Self.columns.map { $0.value(account) }
    }
}
