import EnergyModel
import Profiles

/// The smallest value of one key for which a target is met (in at least a fraction P of
/// the seeds), by bisection between two values: the answer is the upper end of the last
/// interval, no wider than the tolerance. It assumes that more of the key never makes
/// the target harder to meet (more storage, more capacity); every value evaluated is
/// reported, so a non-monotone case shows.
public struct SweepSearch: Sendable {
    public var key: String
    /// `--between` as written, for messages.
    public var between: String
    /// The interval, canonical units, and the unit the values are written in.
    public var low: Double, high: Double, tolerance: Double
    public var unit: String
    /// Canonical units per written unit (GW per MW = 0.001, …).
    public var scale: Double
    public var target: String
    public var probability: Double

    /// One value tried: how many seeds met the target.
    public struct Evaluation: Sendable {
        public var value: String
        public var canonical: Double
        public var meeting: Int
        public var seeds: Int
        public var meets: Bool
    }

    /// Reads `--between A...B` (and `--tolerance`, default a hundredth of the interval).
    public init(key: String, between: String, tolerance: String?, target: String, probability: Double) throws {
        let ends = between.replacingOccurrences(of: "...", with: "\u{0}").split(separator: "\u{0}").map(String.init)
        guard ends.count == 2, case let .success(a) = Quantity.parse(ends[0]), case let .success(b) = Quantity.parse(ends[1]),
              a.dimension == b.dimension, a.value < b.value, let unitText = Quantity.splitNumber(ends[0].trimmingCharacters(in: .whitespaces))?.1 else {
            throw SweepError("--between \(between): expected A...B, two numbers of the same kind with units, A below B")
        }
        self.between = between
        unit = unitText.trimmingCharacters(in: .whitespaces)
        guard case let .success(one) = Quantity.parse("1 \(unit)") else { throw SweepError("--between \(between): unknown unit \(unit)") }
        scale = one.value
        (low, high) = (a.value, b.value)
        if let tolerance {
            guard case let .success(t) = Quantity.parse(tolerance), t.dimension == a.dimension, t.value > 0 else {
                throw SweepError("--tolerance \(tolerance): expected a positive number of the same kind as --between")
            }
            // The values tried are written to 9 decimals of the interval's unit (`written`):
            // a finer tolerance would try the same written value again and again.
            // (less a rounding: 1e-8 MW written as such is t ≈ 1e-8 × scale, not above it)
            guard t.value >= Self.finestTolerance * scale * (1 - 1e-9) else {
                throw SweepError("--tolerance \(tolerance): expected at least \(SweepAxis.clean(Self.finestTolerance)) \(unit) (the values tried are written to 9 decimals of \(unit))")
            }
            self.tolerance = t.value
        } else {
            // A hundredth of the interval, and no finer than the values can be written.
            self.tolerance = max((b.value - a.value) / 100, Self.finestTolerance * scale)
        }
        guard probability > 0, probability <= 1 else { throw SweepError("--probability \(probability): expected a fraction above 0, at most 1") }
        self.key = key
        self.target = target
        self.probability = probability
    }

    /// The finest tolerance, in the interval's unit: ten times the rounding of `written`.
    static let finestTolerance = 1e-8

    /// The value written in the interval's unit.
    public func written(_ canonical: Double) -> String { "\(SweepAxis.clean(canonical / scale)) \(unit)" }

    /// Before the first evaluation: the key set to either end of the interval, the other
    /// keys at their values, is a scenario that decodes — so a misspelt key or a value of
    /// the wrong kind is a wrong `--minimize` or `--between`, reported before any point runs.
    public func check(fixed plan: SweepPlan, root: SourceNode) throws {
        var ends = plan
        ends.axes.append(SweepAxis(path: key, values: [written(low), written(high)]))
        do throws(PointFailure) {
            try ends.checkValues(root: root)
        } catch {
            guard let scenario = error.error as? ScenarioError else { throw error }
            let problems = scenario.diagnostics.map { "\($0.path): found \($0.found), expected \($0.expected)" }
            throw SweepError.usage("--minimize \(key) --between \(between): \(problems.joined(separator: "; "))")
        }
    }

    /// A fingerprint of everything that decides the values tried and their outcome: the
    /// grid's (`SweepPlan.fingerprint`: the scenario as read, its CSV series, the fixed keys,
    /// seeds and years) with the key, interval, unit, tolerance, target and probability.
    /// The fixed keys are taken in the order of their paths: each holds one value, and no
    /// key lies inside another (`K` and `K.2020` are refused), so `--set A --set B` and
    /// `--set B --set A` are one search. (A grid's axes are never sorted: their order
    /// numbers its points.)
    public func fingerprint(fixed plan: SweepPlan, scenario root: SourceNode, series: [HourlySeries]) -> String {
        var sorted = plan
        sorted.axes.sort { $0.path < $1.path }
        return sorted.fingerprint(scenario: root, series: series,
                                  of: "capsim.search/1 minimize \(key) between \(low)...\(high) \(unit) tolerance \(tolerance) meets \(target) probability \(probability)")
    }

    /// The evaluation of `value` at which `meeting` of `seeds` seeds met the target.
    public func evaluation(_ value: Double, meeting: Int, seeds: Int) -> Evaluation {
        Evaluation(value: written(value), canonical: value, meeting: meeting, seeds: seeds, meets: meeting > 0 && Double(meeting) >= probability * Double(seeds) * (1 - 1e-12))
    }

    /// Runs the bisection; `fixed` holds the other overrides (single values) and the seeds.
    /// Returns the smallest value found to meet the target (nil when even the upper end
    /// does not) and every evaluation in the order made. Before evaluating its n-th value
    /// (from 0) it asks `recorded` for one an earlier run of the same search made (nil: none),
    /// which it takes instead: the bisection asks for the same values in the same order.
    /// `report` hears of each evaluation, and whether it was recorded, as it is made or
    /// taken; a failure it throws ends the search.
    public func run(fixed plan: SweepPlan, root: SourceNode, jobs: Int, recorded: (_ position: Int, _ value: Double) throws -> Evaluation? = { _, _ in nil },
                    report: (_ evaluation: Evaluation, _ recorded: Bool) throws -> Void) throws -> (answer: Evaluation?, tried: [Evaluation]) {
        var tried: [Evaluation] = []
        var probe = plan
        probe.axes.append(SweepAxis(path: key, values: [written(high)]))
        let profiles = probe.profileCache(root: root)
        func evaluate(_ value: Double) throws -> Evaluation {
            if let earlier = try recorded(tried.count, value) {
                tried.append(earlier)
                try report(earlier, true)
                return earlier
            }
            var trial = plan
            trial.axes.append(SweepAxis(path: key, values: [written(value)]))
            var meeting = 0
            try SweepRunner.run(Array(0..<trial.count), plan: trial, root: root, jobs: jobs, profiles: profiles) { result in
                guard let status = result.targets.first(where: { $0.id == target })?.status else {
                    throw SweepError("--meets \(target): the scenario has no target with this id")
                }
                if status == "met" || status == "within_tolerance" { meeting += 1 }
            }
            let evaluation = self.evaluation(value, meeting: meeting, seeds: trial.count)
            tried.append(evaluation)
            try report(evaluation, false)
            return evaluation
        }
        let top = try evaluate(high)
        guard top.meets else { return (nil, tried) }
        let bottom = try evaluate(low)
        if bottom.meets { return (bottom, tried) }
        var (lo, hi, best) = (low, high, top)
        // Also stopped when the middle is written as an end is (an interval a few roundings
        // wide): it would be tried again, and the loop would never end.
        while hi - lo > tolerance {
            let middle = (lo + hi) / 2
            guard written(middle) != written(lo), written(middle) != written(hi) else { break }
            let evaluation = try evaluate(middle)
            if evaluation.meets {
                (hi, best) = (middle, evaluation)
            } else {
                lo = middle
            }
        }
        return (best, tried)
    }
}
