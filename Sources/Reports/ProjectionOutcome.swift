import Accounting
import EconomicDispatch
import EnergyModel

/// What `capsim run` computed, as plain values for the reports: each simulated year's
/// conditions, how its LP was solved and its account, and the scorecard of every target.
public struct ProjectionOutcome: Sendable {
    public var scenario: Scenario
    public var seed: UInt64
    public var years: [YearOutcome]
    public var scorecard: Scorecard

    public init(scenario: Scenario, seed: UInt64, years: [YearOutcome], scorecard: Scorecard) {
        self.scenario = scenario
        self.seed = seed
        self.years = years
        self.scorecard = scorecard
    }
}

/// One simulated year.
public struct YearOutcome: Sendable {
    public var conditions: YearConditions
    public var solver: SolverReport
    public var account: YearAccount

    public init(conditions: YearConditions, solver: SolverReport, account: YearAccount) {
        self.conditions = conditions
        self.solver = solver
        self.account = account
    }

    public var year: Int { conditions.year }
}
