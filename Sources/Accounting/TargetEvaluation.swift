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
        margin = Self.margin(target.comparison, value: value, required: target.required, tolerance: target.tolerance)
        if abs(margin) <= slack { margin = 0 }
        if margin >= -slack {
            status = .met
        } else if target.comparison != .about && margin >= -target.tolerance - slack {
            status = .withinTolerance
        } else {
            status = .missed
        }
    }

    /// The margin in the target's display unit, from the value and threshold as shown:
    /// 375 − 330 = 45 万千瓦, where the margin in GW shown in 万千瓦 is 45.00000000000002
    /// (3.75 − 3.3 rounds before the scale). Exactly 0 when `margin` is.
    public var displayedMargin: Double {
        guard margin != 0 else { return 0 }
        let unit = target.displayUnit
        return Self.margin(target.comparison, value: unit.display(value), required: unit.display(target.required), tolerance: unit.display(target.tolerance))
    }

    private static func margin(_ comparison: Target.Comparison, value: Double, required: Double, tolerance: Double) -> Double {
        switch comparison {
        case .atLeast: value - required
        case .atMost: required - value
        case .about: tolerance - abs(value - required)
        }
    }
}
