import EnergyModel

/// A target's outcome in its year: the value capsim counted and how it compares.
public struct TargetEvaluation: Sendable {
    public enum Status: String, Sendable {
        case met
        case withinTolerance = "within_tolerance"
        case missed
    }

    public var target: Target
    /// The counted value, in the target's canonical units.
    public var value: Double
    /// How far on the right side of the threshold the value is (negative: the shortfall),
    /// in canonical units. For `about`, the tolerance left: tolerance − |value − required|.
    public var margin: Double
    public var status: Status

    /// Compares `value` with the target's threshold.
    ///
    /// at_least: margin = value − required; met if margin ≥ 0, within tolerance if
    /// margin ≥ −tolerance. at_most: margin = required − value, likewise. about:
    /// margin = tolerance − |value − required|; met if margin ≥ 0.
    /// A relative slack of 1e-9 absorbs rounding in sums of capacities; a margin inside
    /// it is reported as exactly 0.
    public init(target: Target, value: Double) {
        self.target = target
        self.value = value
        let slack = 1e-9 * max(abs(target.required), 1e-12)
        switch target.comparison {
        case .atLeast: margin = value - target.required
        case .atMost: margin = target.required - value
        case .about: margin = target.tolerance - abs(value - target.required)
        }
        if abs(margin) <= slack { margin = 0 }
        if margin >= -slack {
            status = .met
        } else if target.comparison != .about && margin >= -target.tolerance - slack {
            status = .withinTolerance
        } else {
            status = .missed
        }
    }
}
