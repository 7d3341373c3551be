import EnergyModel

/// A point that cannot be projected: the scenario its values make is invalid, or a
/// projection of its years fails. The cause alone names a line of the base scenario or a
/// year, not the values laid over it, so that the user could tell neither which point
/// failed nor how to reproduce it; this keeps them with the cause.
public struct PointFailure: Error, Sendable {
    /// The point, nil for values tried before any point runs (`SweepPlan.checkValues`).
    public var point: SweepPoint?
    /// The scenario file, as the sweep was given it.
    public var scenario: String
    /// The values laid over the scenario.
    public var overrides: [ScenarioOverride]
    /// The years of the projection that failed; nil when the scenario itself is invalid.
    public var years: ClosedRange<Int>?
    /// The scenario's or the projection's error, as it would be reported alone.
    public var error: any Error

    public init(point: SweepPoint?, scenario: String, overrides: [ScenarioOverride], years: ClosedRange<Int>? = nil, error: any Error) {
        self.point = point
        self.scenario = scenario
        self.overrides = overrides
        self.years = years
        self.error = error
    }
}
