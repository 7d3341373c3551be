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
    /// The scenario values replaced for this run (`--set`), as `KEY=VALUE`.
    public var settings: [String]

    public init(scenario: Scenario, seed: UInt64, years: [YearOutcome], scorecard: Scorecard, settings: [String] = []) {
        self.scenario = scenario
        self.seed = seed
        self.years = years
        self.scorecard = scorecard
        self.settings = settings
    }

    /// How the run was made, after the scenario's name: its years, accounting method and
    /// weather seed (the reports add each `--set`).
    public var header: String {
        let method = scenario.accounting.method == .coalEquivalent ? "coal-equivalent" : "calorific"
        return "\(ProjectionSummary.span(self)), \(method) accounting, weather seed \(seed)"
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
