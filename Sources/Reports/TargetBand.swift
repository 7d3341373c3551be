import EnergyModel

extension LineChart.Band {
    /// A target as a band on a chart of its quantity, from `from` to `to` along x: its
    /// threshold, and the range within its tolerance (below an at-least threshold, above
    /// an at-most one, either side of an about one), labelled with the target's year.
    public init(target: Target, from: Double, to: Double) {
        let tolerance = target.tolerance
        let (low, high) = switch target.comparison {
        case .atLeast: (target.required - tolerance, target.required)
        case .atMost: (target.required, target.required + tolerance)
        case .about: (target.required - tolerance, target.required + tolerance)
        }
        self.init(xFrom: from, xTo: to, low: low, high: high, line: target.required, label: "\(Self.label(target)) (\(target.year))")
    }

    /// `about 25 %` for an about target, or an at-least one with a tolerance (the plan's
    /// 左右); else the threshold as the scorecard writes it (`≥ 25 %`, `≤ 35 % ±2 pp`).
    static func label(_ target: Target) -> String {
        guard target.comparison == .about || (target.comparison == .atLeast && target.tolerance > 0) else { return TargetText.threshold(target) }
        let unit = target.displayUnit
        return "about \(TextLayout.number(unit.display(target.required))) \(unit.symbol)"
    }
}
