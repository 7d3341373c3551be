import Foundation

/// What an LP is when the iterations stall (numerical trouble), found by two auxiliary
/// LPs that always have an optimum, so that an infeasible or unbounded LP whose iterates
/// never reach a Farkas ray clearly enough for `Certificate` is still reported as such.
///
/// 1. **Least violation.** Each row i gets elastic columns p_i, q_i ≥ 0 (only those its
///    finite bounds need): rl ≤ A x + p − q ≤ ru, the columns keep their bounds, and
///
///        min V = Σᵢ wᵢ (pᵢ + qᵢ),   wᵢ = 1 / (1 + |rlᵢ| + |ruᵢ|) (finite bounds only)
///
///    which x = any point within the bounds makes feasible and 0 bounds below. V* > 0
///    means no x meets every row; the LP is called primal infeasible when V* exceeds five
///    times the primal tolerance (5·10⁻⁹ by default), above the auxiliary solve's accuracy
///    (its gap is within 10⁻⁹ (1 + V*)). A looser limit, 10⁻⁶ until 2026-11-28, called
///    LPs that miss feasibility by 10⁻⁷ — 100 times what the tolerance allows an optimal
///    point — feasible, and then unbounded along a free column (19 of 900 random LPs that
///    HiGHS calls infeasible, as it calls all of them at a feasibility tolerance of
///    10⁻⁹; `StallDiagnosisTests.aRayBesideASmallContradictionIsInfeasible`); ten times the
///    tolerance, until 2026-11-29, did the same with two random LPs whose V* is 7.96·10⁻⁹
///    and 9.2·10⁻⁹ (`violationLimit`). The message names the row the point found violates most.
/// 2. **Improving direction**, only when a feasible point exists: the recession cone of
///    the feasible set cut by a box,
///
///        min cᵀd   s.t.  (A d)ᵢ ≥ 0 where rlᵢ is finite, ≤ 0 where ruᵢ is,
///                        dⱼ ≥ 0 where lⱼ is finite, ≤ 0 where uⱼ is, |dⱼ| ≤ 1
///
///    (d = 0 is feasible). A feasible LP with such a d of cᵀd < 0 is unbounded along it;
///    it is called dual infeasible when cᵀd* < −10⁻⁶ (1 + ‖c‖∞) (> for a maximisation).
///
/// The rows' stages carry over, so a dispatch LP's auxiliary LPs take the banded path too
/// (an elastic column is in one row only). When neither test finds anything, the LP has
/// a feasible point and no improving direction — an optimum the iterations did not reach
/// — and the status stays numerical trouble, with that said. The iterations may stall on
/// the least-violation LP too; its last point then decides feasibility if it meets the
/// rows in `lp` itself (`nearlyFeasible`); otherwise that LP is solved again with `lp`'s
/// free columns split (`leastViolation(of:options:)`), and if that stalls too the status
/// stays numerical trouble.
///
/// Both tests also check an LP found unbounded, by `Certificate` or by the presolve
/// (`confirmUnbounded`): one with no feasible point is primal infeasible, whatever its
/// objective does, and one with a feasible point but no improving direction has an
/// optimum, which the iterations ran past on their way to it (the certificate reads
/// ‖x‖∞ > 10⁶ as a ray, and an optimum can lie that far out).
enum StallDiagnosis {
    /// The least-violation test's threshold on V*: five times the primal tolerance. Ten
    /// times it called two of 1 800 random LPs (`Benchmarks/Scripts/random_lps.py`, seeds
    /// 443 and 449), whose V* is 7.96·10⁻⁹ and 9.2·10⁻⁹ (HiGHS's least-violation optimum
    /// 7.955·10⁻⁹ and 9.216·10⁻⁹), feasible and then unbounded along a ray; HiGHS calls both
    /// infeasible at a feasibility tolerance of 10⁻⁹ (at its default 10⁻⁷, 443 infeasible
    /// and 449 unbounded). Five, two and one times the tolerance changed those two and no
    /// other of the 1 800; five keeps the limit five times above the auxiliary solve's
    /// accuracy.
    static func violationLimit(_ options: SolverOptions) -> Double {
        5 * options.primalTolerance
    }

    /// The improving-direction test's threshold on |cᵀd*| / (1 + ‖c‖∞).
    static let directionLimit = 1e-6

    /// The status and message for `lp`, whose solve stalled, and the auxiliary iterations.
    static func diagnose(_ lp: LinearProgram, options: SolverOptions) -> (status: SolverStatus, message: String, iterations: Int) {
        let least = leastViolation(of: lp, options: options)
        if let infeasible = least.infeasible { return (.primalInfeasible, infeasible, least.iterations) }
        guard least.solved else {
            return (.numericalTrouble, "the auxiliary LP of least row violation did not solve either", least.iterations)
        }
        let cone = improvingDirection(of: lp, options: options)
        let iterations = least.iterations + cone.iterations
        guard let gain = cone.gain else {
            return (.numericalTrouble, "a point meets every row, but the auxiliary LP of improving directions did not solve (\(cone.status.rawValue))", iterations)
        }
        if gain > 0 {
            return (.dualInfeasible, """
                a point meets every row and bound, and along a direction d within the rows and bounds (|d| ≤ 1, found by an \
                auxiliary LP) the objective \(lp.sense == .minimize ? "falls" : "rises") by \(shortNumber(gain)) per unit of d without end
                """, iterations)
        }
        return (.numericalTrouble, """
            auxiliary LPs found a point meeting every row (to a weighted violation of \(shortNumber(violationLimit(options))), five times the \
            primal tolerance) and no direction improving without end: the LP has an optimum the iterations did not reach, or misses \
            feasibility by less than that
            """, iterations)
    }

    /// The least-violation test of `lp`: whether it was decided, its iterations, and,
    /// when no point meets every row and bound, the message saying so.
    ///
    /// When the iterations stall on the auxiliary LP too — with an objective near 0 and
    /// the LP's bounds large, its gap stays far from 10⁻⁹ relative even once its point is
    /// feasible — the point reached is checked in `lp` itself: one within the bounds whose
    /// weighted row violation Σ wᵢ vᵢ is within `violationLimit` decides that a feasible
    /// point exists.
    ///
    /// A point that is not is tried once more from an LP with `lp`'s free columns split,
    /// x = x⁺ − x⁻ with x⁺, x⁻ ≥ 0 (`leastViolation(_:splittingFreeColumns:)`). A free
    /// column's Θ is 1/ρ_free, ρ_free = 10⁻⁷ (`MehrotraIterations.freeRegularization`),
    /// and a full Newton step leaves its dual residual at ρ_free Δx: a free column that
    /// must travel far along a nearly flat direction — the weights 1/(1 + |rl| + |ru|) make
    /// the elastic columns of large rows cheap — moves |r_d|/ρ_free per iteration and holds
    /// the dual residual there. In random LP 1122 (64 rows, 109 columns) one sat at
    /// −3.9·10⁴ (scaled) and came back 67 an iteration, its dual residual at 6.7·10⁻⁶
    /// (5.6·10⁻⁷ relative), the objective falling 4.5·10⁻⁴ an iteration with 0.17 to go,
    /// while μ fell to 10⁻²⁶: numerical trouble at both starts. A smaller ρ_free does not
    /// help: with 10⁻⁸ to 10⁻¹⁰ the column first ran out 1/ρ_free as far (−5·10⁶ at
    /// 10⁻¹⁰) and came back as many iterations. Split, each half's Θ = (ρ + z/s)⁻¹ is
    /// held by its barrier term z/s ≈ μ/s² while μ is large and opens as μ falls: the
    /// split LP solves in 19 iterations, to HiGHS's 0.004265. It is the second resort
    /// because it is not the better LP everywhere: alone, it solved five least-violation
    /// LPs of 1 800 random LPs that had stalled and stalled on one that had solved (its
    /// elastic columns collapsed to 0 with the rows still 3·10⁻¹⁰ off).
    static func leastViolation(of lp: LinearProgram, options: SolverOptions) -> (solved: Bool, infeasible: String?, iterations: Int) {
        var least = solve(leastViolation(lp), options: options)
        var x = Array(least.x[0..<lp.columnCount])
        if least.status != .optimal, !nearlyFeasible(lp, x, options: options), !freeColumns(lp).isEmpty {
            let first = least.iterations
            least = solve(leastViolation(lp, splittingFreeColumns: true), options: options)
            least.iterations += first
            x = joiningHalves(of: lp, least.x)
        }
        guard least.status == .optimal else { return (nearlyFeasible(lp, x, options: options), nil, least.iterations) }
        guard least.objective > violationLimit(options) else { return (true, nil, least.iterations) }
        let worst = worstRow(lp, x)
        let row = worst.map { "; at its point row \(lp.rowNames[$0.row]) is violated by \(shortNumber($0.amount))" } ?? ""
        return (true, """
            no point meets every row and bound: the least weighted violation of the rows, found by an auxiliary LP, is \
            \(shortNumber(least.objective))\(row)
            """, least.iterations)
    }

    /// An auxiliary LP solved as `InteriorPointSolver.solve` solves an LP, with later starts
    /// at the larger primal regularisations after numerical trouble, but without the
    /// diagnosis, which would ask the same questions of it again. On 1 800 random LPs
    /// (`Benchmarks/Scripts/random_lps.py`) it decided four more, one improving-direction
    /// LP and three least-violation LPs that had stalled. Its starts share its
    /// `maxIterations`.
    static func solve(_ auxiliary: LinearProgram, options: SolverOptions) -> LPSolution {
        let first = InteriorPointSolver.solveOnce(auxiliary, options: options, session: nil)
        return InteriorPointSolver.startAgainOnTrouble(auxiliary, after: first, options: options, session: nil)
    }

    /// The improving-direction test of `lp`: the status of its LP and its iterations, and,
    /// when it solved, the gain −cᵀd* per unit of d (cᵀd* for a maximisation) if it
    /// exceeds `directionLimit` (1 + ‖c‖∞), else 0.
    ///
    /// Its LP is solved to 100 times the tolerances of `options` (10⁻⁷ by default): its rows'
    /// bounds are all 0, so the relative primal infeasibility, measured against
    /// 1 + ‖b‖∞ = 1, is an absolute one, and rows whose terms are of size 10³ stall at
    /// 10⁻⁸ of rounding (3 of 900 random LPs that HiGHS calls unbounded ended in numerical
    /// trouble so). The test compares cᵀd* with 10⁻⁶ (1 + ‖c‖∞), which that accuracy decides.
    static func improvingDirection(of lp: LinearProgram, options: SolverOptions) -> (status: SolverStatus, gain: Double?, iterations: Int) {
        var loose = options
        (loose.primalTolerance, loose.dualTolerance, loose.gapTolerance) = (100 * options.primalTolerance, 100 * options.dualTolerance, 100 * options.gapTolerance)
        let cone = solve(improvingDirection(lp), options: loose)
        guard cone.status == .optimal else { return (cone.status, nil, cone.iterations) }
        let scale = 1 + (lp.objective.lazy.map(abs).max() ?? 0)
        let gain = lp.sense == .minimize ? -cone.objective : cone.objective
        return (cone.status, gain > directionLimit * scale ? gain : 0, cone.iterations)
    }

    /// What an LP found unbounded is, by both tests.
    enum Unboundedness {
        /// No point meets every row and bound (the message says by how much).
        case infeasible(String)
        /// A feasible point and an improving direction: unbounded indeed.
        case confirmed
        /// A feasible point and no improving direction: the LP has an optimum.
        case bounded
        /// An auxiliary LP did not solve; the message says which.
        case undecided(String)
    }

    /// Checks an LP that `Certificate` or the presolve found unbounded (dual infeasible),
    /// and the auxiliary iterations it took.
    static func confirmUnbounded(_ lp: LinearProgram, options: SolverOptions) -> (Unboundedness, iterations: Int) {
        let least = leastViolation(of: lp, options: options)
        if let infeasible = least.infeasible { return (.infeasible(infeasible), least.iterations) }
        guard least.solved else {
            return (.undecided("whether any point meets every row was not decided (the auxiliary LP of least row violation did not solve): the LP is unbounded only if one does"), least.iterations)
        }
        let cone = improvingDirection(of: lp, options: options)
        let iterations = least.iterations + cone.iterations
        guard let gain = cone.gain else {
            return (.undecided("a point meets every row, but the auxiliary LP of improving directions did not solve (\(cone.status.rawValue)) to confirm the direction"), iterations)
        }
        return (gain > 0 ? .confirmed : .bounded, iterations)
    }

    /// Whether `x` is within `lp`'s column bounds (to 10⁻⁹ of each) and violates its rows
    /// by at most `violationLimit` in all, weighted as in the least-violation LP.
    static func nearlyFeasible(_ lp: LinearProgram, _ x: [Double], options: SolverOptions) -> Bool {
        for j in 0..<lp.columnCount where !x[j].isFinite || x[j] < lp.columnLower[j] - 1e-9 * (1 + abs(lp.columnLower[j]))
            || x[j] > lp.columnUpper[j] + 1e-9 * (1 + abs(lp.columnUpper[j])) {
            return false
        }
        var activity = [Double](repeating: 0, count: lp.rowCount)
        lp.matrix.multiply(x, into: &activity)
        var total = 0.0
        for i in 0..<lp.rowCount { total += max(lp.rowLower[i] - activity[i], activity[i] - lp.rowUpper[i], 0) * weight(lp, row: i) }
        return total <= violationLimit(options)
    }

    /// `lp`'s columns without both bounds.
    static func freeColumns(_ lp: LinearProgram) -> [Int] {
        lp.columnLower.indices.filter { lp.columnLower[$0] == -.infinity && lp.columnUpper[$0] == .infinity }
    }

    /// `lp`'s point from one of the least-violation LP split: x⁺ − x⁻ for each free column,
    /// x⁻ being the last columns, in the free columns' order.
    static func joiningHalves(of lp: LinearProgram, _ split: [Double]) -> [Double] {
        var x = Array(split[0..<lp.columnCount])
        let free = freeColumns(lp)
        for (k, j) in free.enumerated() { x[j] -= split[split.count - free.count + k] }
        return x
    }

    /// The least-violation LP: `lp`'s columns with a zero objective, then the elastic
    /// columns, row by row (p where the lower bound is finite, q where the upper is).
    /// `splittingFreeColumns` makes each free column x⁺ ≥ 0 and appends −Aⱼ as x⁻ ≥ 0
    /// after the elastic columns (see `leastViolation(of:options:)`).
    static func leastViolation(_ lp: LinearProgram, splittingFreeColumns: Bool = false) -> LinearProgram {
        let a = lp.matrix, n = lp.columnCount
        var starts = a.columnStarts, rows = a.rowIndices, values = a.values
        var objective = [Double](repeating: 0, count: n)
        var lower = lp.columnLower, upper = lp.columnUpper
        var stages = lp.columnStages, names = lp.columnNames
        for i in 0..<lp.rowCount {
            let weight = weight(lp, row: i)
            for (sign, finite, label) in [(1.0, lp.rowLower[i].isFinite, "below"), (-1.0, lp.rowUpper[i].isFinite, "above")] where finite {
                rows.append(i)
                values.append(sign)
                starts.append(rows.count)
                objective.append(weight)
                lower.append(0)
                upper.append(.infinity)
                stages?.append(lp.rowStages?[i] ?? LinearProgram.linking)
                names.append("elastic_\(label)_\(i)")
            }
        }
        for j in splittingFreeColumns ? freeColumns(lp) : [] {
            lower[j] = 0
            for k in a.columnStarts[j]..<a.columnStarts[j + 1] {
                rows.append(a.rowIndices[k])
                values.append(-a.values[k])
            }
            starts.append(rows.count)
            objective.append(0)
            lower.append(0)
            upper.append(.infinity)
            stages?.append(lp.columnStages?[j] ?? LinearProgram.linking)
            names.append(lp.columnNames[j] + "_negative")
        }
        let matrix = SparseMatrix(rowCount: lp.rowCount, columnCount: objective.count, columnStarts: starts, rowIndices: rows, values: values)
        return LinearProgram(name: lp.name + "_least_violation", objective: objective, matrix: matrix, rowLower: lp.rowLower, rowUpper: lp.rowUpper,
                             columnLower: lower, columnUpper: upper, rowNames: lp.rowNames, columnNames: names,
                             rowStages: lp.rowStages, columnStages: stages)
    }

    /// The improving-direction LP: `lp`'s matrix and objective over its recession cone,
    /// cut by the box |d| ≤ 1.
    static func improvingDirection(_ lp: LinearProgram) -> LinearProgram {
        func cone(_ lower: Double, _ upper: Double, box: Double) -> (Double, Double) {
            (lower.isFinite ? 0 : -box, upper.isFinite ? 0 : box)
        }
        let rowBounds = zip(lp.rowLower, lp.rowUpper).map { cone($0, $1, box: .infinity) }
        let columnBounds = zip(lp.columnLower, lp.columnUpper).map { cone($0, $1, box: 1) }
        var direction = lp
        direction.name = lp.name + "_improving_direction"
        direction.objectiveConstant = 0
        (direction.rowLower, direction.rowUpper) = (rowBounds.map(\.0), rowBounds.map(\.1))
        (direction.columnLower, direction.columnUpper) = (columnBounds.map(\.0), columnBounds.map(\.1))
        return direction
    }

    /// A row's weight in the least-violation LP: 1 / (1 + |rl| + |ru|), finite bounds only.
    static func weight(_ lp: LinearProgram, row i: Int) -> Double {
        1 / (1 + (lp.rowLower[i].isFinite ? abs(lp.rowLower[i]) : 0) + (lp.rowUpper[i].isFinite ? abs(lp.rowUpper[i]) : 0))
    }

    /// The row `x` violates most, weighted as in the least-violation LP, and by how much.
    static func worstRow(_ lp: LinearProgram, _ x: [Double]) -> (row: Int, amount: Double)? {
        var activity = [Double](repeating: 0, count: lp.rowCount)
        lp.matrix.multiply(x, into: &activity)
        var worst: (row: Int, amount: Double, weighted: Double)?
        for i in 0..<lp.rowCount {
            let amount = max(lp.rowLower[i] - activity[i], activity[i] - lp.rowUpper[i], 0)
            let weighted = amount * weight(lp, row: i)
            if weighted > (worst?.weighted ?? 0) { worst = (i, amount, weighted) }
        }
        return worst.map { ($0.row, $0.amount) }
    }

    private static func shortNumber(_ value: Double) -> String {
        String(format: "%.3g", value)
    }
}
