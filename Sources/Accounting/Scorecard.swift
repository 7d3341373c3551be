import EnergyModel

/// Every target of the scenario in one list, in the order the file lists them: capacity
/// targets counted from the scenario alone (as `CapacityScorecard` counts them), the
/// others from the `YearAccount` of their year. A target of another kind whose year has no
/// account was not simulated: it stays in the list, marked so, rather than being dropped.
public struct Scorecard: Sendable {
    public struct Entry: Sendable {
        public var target: Target
        /// The outcome, or nil when the target needs the dispatch and its year was not simulated.
        public var evaluation: TargetEvaluation?
        /// First-order ways to close the target when it is missed or within tolerance;
        /// empty when it is met or not simulated.
        public var levers: [Lever]

        public var isSimulated: Bool { evaluation != nil }
    }

    public var entries: [Entry]
    /// The dispatches of a year again that the measured levers made, beyond the
    /// projection's own (the run's summary counts them beside the solver's LPs).
    public var leverDispatches = 0

    /// Evaluates every target of `scenario`, reading the dispatch's targets from `accounts`
    /// (at most one per year; a year may be missing); `responses` hold, by target id, the
    /// PV a share target needs, measured (`ShareResponse`), and
    /// `firm`, by target id, the measured answer of a reliability target to more import
    /// capacity (`FirmResponse`), and `storage`, by target id, that of a curtailment target
    /// to a larger battery (`StorageResponse`).
    public init(scenario: Scenario, accounts: [YearAccount], responses: [String: ShareResponse] = [:], firm: [String: FirmResponse] = [:],
                storage: [String: StorageResponse] = [:]) {
        entries = scenario.targets.map { target in
            let account = accounts.first { $0.year == target.year }
            guard let value = Self.value(of: target, in: scenario, account: account) else {
                return Entry(target: target, evaluation: nil, levers: [])
            }
            let evaluation = TargetEvaluation(target: target, value: value)
            let response = target.kind == .nonFossilShare ? responses[target.id] : nil
            let levers = Lever.closing(evaluation, account: account, response: response, firm: firm[target.id], storage: storage[target.id])
            return Entry(target: target, evaluation: evaluation, levers: levers)
        }
        leverDispatches = responses.values.reduce(0) { $0 + $1.dispatches } + firm.values.reduce(0) { $0 + $1.dispatches }
            + storage.values.reduce(0) { $0 + $1.dispatches }
    }

    /// The counted value of `target`, in its canonical units, or nil when it needs an
    /// account and there is none.
    ///
    /// capacity, capacity_added: `CapacityScorecard.value(of:in:)`, GW.
    /// non_fossil_share: NF ÷ TEC (fraction). fuel: the fuel's consumption, power and
    /// non-power together, tce. unserved_energy: GWh. loss_of_load_hours: h.
    /// curtailment: curtailed ÷ offered wind, solar and run-of-river energy (fraction).
    public static func value(of target: Target, in scenario: Scenario, account: YearAccount?) -> Double? {
        switch (target.kind, account) {
        case (.capacity, _), (.capacityAdded, _): return CapacityScorecard.value(of: target, in: scenario)
        case (_, nil): return nil
        case let (.nonFossilShare, account?): return account.nonFossilShare
        case let (.fuel, account?): return account.consumption(of: target.fuel)
        case let (.unservedEnergy, account?): return account.energy.unserved
        case let (.lossOfLoadHours, account?): return account.energy.lossOfLoadHours
        case let (.curtailment, account?): return account.curtailmentFraction
        }
    }
}

extension YearAccount {
    /// Consumption of one fuel, power and non-power use together, tce. A fuel target
    /// always names its fuel (the decoder requires it).
    func consumption(of fuel: Target.Fuel?) -> Double {
        switch fuel {
        case .coal: coal
        case .oil: oil
        case .naturalGas: naturalGas
        case nil: preconditionFailure("a fuel target without a fuel")
        }
    }
}
