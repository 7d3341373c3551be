import EnergyModel

/// Installed capacity by year and the targets that the scenario alone decides
/// (`capacity`, `capacity_added`), evaluated without any dispatch.
public struct CapacityScorecard: Sendable {
    public var years: [Int]
    /// GW at the end of each year, per technology id, in the scenario's order.
    public var capacity: [(technology: Technology, gigawatts: [Double])]
    public var evaluations: [TargetEvaluation]
    /// Targets that need the hourly dispatch (share, fuel, reliability, curtailment).
    public var deferred: [Target]

    public init(scenario: Scenario) {
        years = Array(scenario.years)
        capacity = scenario.technologies.map { technology in (technology, scenario.years.map { technology.capacity.value(in: $0) }) }
        evaluations = scenario.targets.filter(\.kind.isCapacityType).map { target in
            TargetEvaluation(target: target, value: Self.value(of: target, in: scenario))
        }
        deferred = scenario.targets.filter { !$0.kind.isCapacityType }
    }

    /// GW of each technology kind present, summed, per year.
    public var byKind: [(kind: TechnologyKind, gigawatts: [Double])] {
        TechnologyKind.allCases.compactMap { kind in
            let rows = capacity.filter { $0.technology.kind == kind }
            guard !rows.isEmpty else { return nil }
            return (kind, years.indices.map { i in rows.reduce(0) { $0 + $1.gigawatts[i] } })
        }
    }

    /// The counted value of a capacity-type target, GW.
    ///
    /// capacity: Σ over the selected technologies of C(year).
    /// capacity_added: Σ over the selected technologies and over y = since+1 … year of
    /// max(0, M(y) − M(y−1)) + Σ positive events of y, M the milestones' path — gross
    /// additions, so a retirement does not hide a build (`Trajectory.additions(in:)`).
    public static func value(of target: Target, in scenario: Scenario) -> Double {
        let selected = scenario.technologies.filter { target.technologies.contains($0.id) }
        switch target.kind {
        case .capacityAdded:
            let since = target.since ?? scenario.baseYear
            return selected.reduce(0) { sum, technology in
                sum + (since + 1...max(since + 1, target.year)).reduce(0) { added, year in
                    added + technology.capacity.additions(in: year)
                }
            }
        default:
            return selected.reduce(0) { $0 + $1.capacity.value(in: target.year) }
        }
    }
}
