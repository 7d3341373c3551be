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
///    means no x meets every row; the LP is called primal infeasible when V* exceeds ten
///    times the primal tolerance (10⁻⁸ by default), above the auxiliary solve's accuracy
///    (its gap is within 10⁻⁹ (1 + V*)). A looser limit, 10⁻⁶ until 2026-11-28, called
///    LPs that miss feasibility by 10⁻⁷ — 100 times what the tolerance allows an optimal
///    point — feasible, and then unbounded along a free column (19 of 900 random LPs that
///    HiGHS calls infeasible, as it calls all of them at a feasibility tolerance of
///    10⁻⁹; `StallDiagnosisTests.aRayBesideASmallContradictionIsInfeasible`). The message
///    names the row the point found violates most.
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
/// rows in `lp` itself (`nearlyFeasible`), and otherwise the status stays numerical
/// trouble.
///
/// Both tests also check an LP found unbounded, by `Certificate` or by the presolve
/// (`confirmUnbounded`): one with no feasible point is primal infeasible, whatever its
/// objective does, and one with a feasible point but no improving direction has an
/// optimum, which the iterations ran past on their way to it (the certificate reads
/// ‖x‖∞ > 10⁶ as a ray, and an optimum can lie that far out).
enum StallDiagnosis {
    /// The least-violation test's threshold on V*: ten times the primal tolerance.
    static func violationLimit(_ options: SolverOptions) -> Double {
        10 * options.primalTolerance
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
            auxiliary LPs found a point meeting every row (to a weighted violation of \(shortNumber(violationLimit(options))), ten times the \
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
    static func leastViolation(of lp: LinearProgram, options: SolverOptions) -> (solved: Bool, infeasible: String?, iterations: Int) {
        let least = solve(leastViolation(lp), options: options)
        let x = Array(least.x[0..<lp.columnCount])
        guard least.status == .optimal else { return (nearlyFeasible(lp, x, options: options), nil, least.iterations) }
        guard least.objective > violationLimit(options) else { return (true, nil, least.iterations) }
        let worst = worstRow(lp, x)
        let row = worst.map { "; at its point row \(lp.rowNames[$0.row]) is violated by \(shortNumber($0.amount))" } ?? ""
        return (true, """
            no point meets every row and bound: the least weighted violation of the rows, found by an auxiliary LP, is \
            \(shortNumber(least.objective))\(row)
            """, least.iterations)
    }

    /// An auxiliary LP solved as `InteriorPointSolver.solve` solves an LP, with a second
    /// start at the larger primal regularisation after numerical trouble, but without the
    /// diagnosis, which would ask the same questions of it again. On 1 800 random LPs
    /// (`Benchmarks/Scripts/random_lps.py`) it decided four more, one improving-direction
    /// LP and three least-violation LPs that had stalled.
    static func solve(_ auxiliary: LinearProgram, options: SolverOptions) -> LPSolution {
        let first = InteriorPointSolver.solveOnce(auxiliary, options: options, session: nil)
        guard first.status == .numericalTrouble, options.primalRegularization < InteriorPointSolver.retryPrimalRegularization else { return first }
        var retry = options
        retry.primalRegularization = InteriorPointSolver.retryPrimalRegularization
        var second = InteriorPointSolver.solveOnce(auxiliary, options: retry, session: nil)
        second.iterations += first.iterations
        return second
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

    /// The least-violation LP: `lp`'s columns with a zero objective, then the elastic
    /// columns, row by row (p where the lower bound is finite, q where the upper is).
    static func leastViolation(_ lp: LinearProgram) -> LinearProgram {
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
