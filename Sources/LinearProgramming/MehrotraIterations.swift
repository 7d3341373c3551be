import Foundation
import LinearAlgebra

/// The iterations of Mehrotra's predictor-corrector method with Gondzio's centrality
/// correctors on a `StandardForm` (see `InteriorPointSolver` for the equations).
///
/// Per iteration: residuals; stop if optimal or a certificate of infeasibility holds;
/// factor A Θ Aᵀ; the affine (predictor) direction; the centring parameter
/// σ = (μ_aff / μ)³; the corrector direction with the second-order term Δs_aff ∘ Δz_aff;
/// up to `SolverOptions.correctors` Gondzio correctors, each kept only if it lengthens
/// the step by 1 %; separate primal and dual steps, 99.5 % of the way to the boundary
/// (99.9 % near the end).
///
/// A missing bound is stored as an infinite one; its column carries s = 1, z = 0 and
/// 1/s = 0, which the residual pass computes as p/s with p = 1 for a bound and 0 for a
/// missing one (`Pair.presence`, made by arithmetic from the bound: a select between 1/s
/// and 0 compiles to a branch around each division). Every term a missing bound would
/// bring into a direction — Δz and the target k — is a multiple of 1/s or of z, so every
/// loop runs over all columns without masks.
/// All vectors are workspace buffers, allocated once. A column's lower and upper
/// quantities (bounds, slacks, duals, 1/s, targets, the duals' steps) are stored side by
/// side as one `Pair`, fetched and stored with one instruction each: kept as two arrays,
/// each pair cost two loads and a shuffle, and the pointers to two dozen arrays did not
/// fit in registers (the passes ran 12–14 % fewer instructions once paired).
///
/// A one-year dispatch LP has some 150 000 columns, so its column vectors do not fit in
/// cache and each pass over one costs main-memory bandwidth: an iteration makes three
/// passes over the columns besides forming A Θ Aᵀ, and keeps as few vectors as it can.
/// - The **residual pass** takes the step, forms the residuals, Θ, 1/s and the part ξ₀
///   of ξ that does not depend on the targets, and the predictor's right-hand side
///   r_p + A Θ ξ_aff.
/// - The **predictor pass** completes the predictor from its Δy, finds its step lengths
///   and the sums that give μ_aff for any pair of them, and keeps only what the corrector
///   needs: its targets k̄ = −s∘z − Δs_aff∘Δz_aff, and A Θ ξ̄ and A Θ (1/s_l − 1/s_u),
///   from which its right-hand side for any σ is a sum of row vectors.
/// - The **corrector pass** completes the corrector and finds its step lengths.
/// The bound residuals r_l = l + s_l − x and r_u = u − s_u − x start equal to +r_b and
/// −r_b in every column (`startingPoint`) and every step solves them, so that a step α_p
/// leaves (1 − α_p) of them: the iterations carry the scalar r_b, not two vectors, and
/// measure the true residuals for the stopping test.
/// A stored direction holds Δx, Δy, Δz_l and Δz_u; its slack steps are Δs_l = Δx − r_b
/// and Δs_u = −r_b − Δx.
///
/// Each pass runs over the two halves of the columns (`ColumnHalves`), on two threads when
/// `SolverOptions.threads` allows or its spare core is released, and joins their sums in
/// the same order either way.
final class MehrotraIterations {
    private(set) var options: SolverOptions
    let equations: NormalEquations
    let n: Int, m: Int
    /// The order of the normal equations (see `NormalEquations`), which every vector
    /// here follows: position q is column `columnOrder[q]`, position p row `rowOrder[p]`.
    let columnOrder: [Int], rowOrder: [Int]
    let a: ColumnBuffers
    let b: UnsafeMutableBufferPointer<Double>, c: UnsafeMutableBufferPointer<Double>
    /// Per column (lower, upper) pairs, each fetched with one load: the bounds (−∞ and +∞
    /// where missing), the slacks (s_l, s_u) and the duals (z_l, z_u).
    let bounds: UnsafeMutableBufferPointer<Pair>, slacks: UnsafeMutableBufferPointer<Pair>, duals: UnsafeMutableBufferPointer<Pair>

    let x: UnsafeMutableBufferPointer<Double>, y: UnsafeMutableBufferPointer<Double>
    /// r_p = b − A x at the current iterate.
    let rp: UnsafeMutableBufferPointer<Double>
    /// r_b: the bound residuals are r_l = r_b and r_u = −r_b in every column with that bound.
    var boundResidual = 0.0
    /// Right-hand sides: the predictor's r_p + A Θ ξ_aff (then its Δy), and the
    /// corrector's A Θ (1/s_l − 1/s_u), the multiple of −σμ in its right-hand side.
    let predictorY: UnsafeMutableBufferPointer<Double>, centring: UnsafeMutableBufferPointer<Double>
    /// (1/s_l, 1/s_u), 0 where the bound is missing.
    let inverses: UnsafeMutableBufferPointer<Pair>
    /// Θ = (ρ + z_l/s_l + z_u/s_u)⁻¹ and ξ₀ = r_d − z_l r_b/s_l + z_u r_b/s_u.
    let theta: UnsafeMutableBufferPointer<Double>, xiResidual: UnsafeMutableBufferPointer<Double>
    /// The targets (k̄_l, k̄_u) of the corrector (without σμ) and of Gondzio's correctors.
    let targets: UnsafeMutableBufferPointer<Pair>
    var step: Direction, trial: Direction
    /// The halves each pass over the columns runs in, and their partial results.
    let halves: ColumnHalves
    let halfMeasures: UnsafeMutableBufferPointer<ColumnMeasures>
    let halfPredictors: UnsafeMutableBufferPointer<Predictor>
    let halfLengths: UnsafeMutableBufferPointer<StepLengths>
    let workspace = Workspace()
    /// Refines the normal equations' solves when their dense columns are eliminated apart.
    let refinement: NormalRefinement?
    /// Whether this iteration's passes run on two threads: `SolverOptions.threads` > 1,
    /// or its `spareCore` released (checked at the start of each iteration).
    var concurrently = false
    /// The pass over the columns that `runHalf` makes (`ColumnPasses`), set before each.
    var pendingPass = ColumnPass.predictor
    var bNorm = 0.0, cNorm = 0.0, boundNorm = 0.0, pairs = 1.0

    /// The normal equations' starting δ. The primal regularisation ρ is
    /// `SolverOptions.primalRegularization`: ρ puts ρΔx into the dual equation the Newton
    /// step solves, so a column that keeps moving far along a flat optimal face — a
    /// 10 000 GWh reservoir's level, with water to spare, behind a 30 MW station — holds
    /// the dual residual near ρ|Δx|: with 10⁻¹⁰ it stalled at 7·10⁻¹⁰ and the gap at 2·10⁻⁴
    /// (numerical trouble); 10⁻¹¹ solves it in 16 iterations (`FlatOptimumTests`). A small
    /// ρ lets Θ = 1/ρ of a column inside its bounds reach 10¹¹, and A Θ ξ then swamps the
    /// primal residual in the normal equations' right-hand side: the default scenario with
    /// 3.34375 GW of wind in 2030 saw its primal residual climb from 10⁻⁹ to 3·10⁻⁷ with
    /// 10⁻¹¹ and 10⁻¹², and solved in 44 iterations with 10⁻¹⁰ (measurements in
    /// docs/solver.md).
    /// ρ for a free column (no bound, so Θ = 1/ρ): 10⁻¹⁰ made Θ = 10¹⁰, and Δx = Θ (AᵀΔy − ξ)
    /// then lost some ten digits to cancellation — enough to stall a small LP's primal
    /// residual near 10⁻⁵ (on 1 000 random LPs, 10⁻¹⁰, 10⁻⁷, 10⁻⁶ and 10⁻⁵ gave 764, 781,
    /// 775 and 770 solves agreeing with HiGHS). The term only shapes the Newton step; the
    /// residuals are measured without it, so the optimum is not moved.
    static let freeRegularization = 1e-7
    /// δ: the factor regularises A Θ Aᵀ by δ (1 + 10⁻³ Mᵢᵢ) (`NormalEquations.factor`),
    /// so each direction meets A Δx = r_p − δ (1 + 10⁻³ Mᵢᵢ) Δyᵢ, not A Δx = r_p. Mᵢᵢ holds
    /// Θ = 1/ρ = 10¹¹ of every column inside its bounds: with δ (1 + Mᵢᵢ), δ = 10⁻¹³, a
    /// pumped-storage chain's state rows took on 2·10⁻⁸ per iteration while μ fell to
    /// 10⁻¹⁶, the bounds' slacks closed first, and the primal residual stalled at 1.7·10⁻⁸
    /// (the default scenario with imports capped at 0.8 GW, 1 GW of LFP, weather seed 2,
    /// 2030: numerical trouble at both starts). So the term of Mᵢᵢ is 10⁻¹⁶; the constant
    /// one stays 10⁻¹³, with which every dispatch measurement was made (10⁻¹⁶ throughout
    /// gives the same default projection; measurements in docs/solver.md).
    static let dualRegularization = 1e-13

    /// What the residual pass measures of the current iterate.
    struct Measures {
        /// Relative primal and dual infeasibility, relative gap, and μ = sᵀz / pairs.
        var primal = 0.0, dual = 0.0, gap = 0.0, mu = 0.0
        /// cᵀx and bᵀy + lᵀz_l − uᵀz_u.
        var primalObjective = 0.0, dualObjective = 0.0
        /// ‖Aᵀy + z_l − z_u‖₁, ‖A x‖₁, ‖x‖∞, ‖y‖∞, ‖z‖∞ and the largest finite bound (for `Certificate`).
        var rayResidual = 0.0, activity = 0.0, xNorm = 0.0, yNorm = 0.0, zNorm = 0.0, boundNorm = 0.0
        /// ‖b‖∞ and ‖c‖∞ of the scaled problem (for `Certificate`).
        var bNorm = 0.0, cNorm = 0.0
    }

    struct Outcome {
        var status: SolverStatus
        var message: String
        var iterations: Int
        var residuals: (Double, Double, Double)
    }

    /// One search direction (Δx, Δy, Δz_l, Δz_u); its slack steps are Δs_l = Δx − r_b and
    /// Δs_u = −r_b − Δx.
    struct Direction {
        let x, y: UnsafeMutableBufferPointer<Double>
        /// (Δz_l, Δz_u).
        let duals: UnsafeMutableBufferPointer<Pair>

        init(n: Int, m: Int, _ w: Workspace) {
            (x, y, duals) = (w.vector(n), w.vector(m), w.pairs(n))
        }
    }

    init(form: StandardForm, equations: NormalEquations, options: SolverOptions) {
        self.equations = equations
        self.options = options
        n = form.c.count
        m = form.b.count
        let w = workspace
        (columnOrder, rowOrder) = (equations.columnOrder, equations.rowOrder)
        a = ColumnBuffers(form.matrix, columns: columnOrder, rows: rowOrder, in: w)
        (b, c, x, y) = (w.vector(m), w.vector(n), w.vector(n), w.vector(m))
        (bounds, slacks, duals) = (w.pairs(n), w.pairs(n, Pair(1, 1)), w.pairs(n))
        (rp, predictorY, centring) = (w.vector(m), w.vector(m), w.vector(m))
        (theta, xiResidual, inverses, targets) = (w.vector(n), w.vector(n), w.pairs(n), w.pairs(n))
        step = Direction(n: n, m: m, w)
        trial = Direction(n: n, m: m, w)
        halves = ColumnHalves(a, in: w)
        halfMeasures = w.copy([ColumnMeasures(), ColumnMeasures()])
        halfPredictors = w.copy([Predictor(), Predictor()])
        halfLengths = w.copy([StepLengths(), StepLengths()])
        refinement = equations.denseColumnCount > 0 ? NormalRefinement(rows: m, columns: n) : nil
        load(form, options: options)
    }

    /// Takes the right-hand side, costs, bounds and options of `form`, whose matrix must
    /// be the one these iterations were made for (`SolverSession` checks it), so that
    /// the workspace and the normal equations' structure serve another solve.
    func load(_ form: StandardForm, options: SolverOptions) {
        precondition(form.b.count == m && form.c.count == n, "a form of another size")
        self.options = options
        for (p, i) in rowOrder.enumerated() { b[p] = form.b[i] }
        for (q, j) in columnOrder.enumerated() {
            c[q] = form.c[j]
            bounds[q] = Pair(form.lower[j], form.upper[j])
        }
        bNorm = form.b.lazy.map(abs).max() ?? 0
        cNorm = form.c.lazy.map(abs).max() ?? 0
        var largest = 0.0, count = 0
        for bound in bounds {
            if bound.x.isFinite {
                largest = max(largest, abs(bound.x))
                count += 1
            }
            if bound.y.isFinite {
                largest = max(largest, abs(bound.y))
                count += 1
            }
        }
        boundNorm = largest
        pairs = Double(max(count, 1))
    }

    /// The current x and y in the form's own column and row order.
    func solution() -> (x: [Double], y: [Double]) {
        var (pointX, pointY) = ([Double](repeating: 0, count: n), [Double](repeating: 0, count: m))
        for (q, j) in columnOrder.enumerated() { pointX[j] = x[q] }
        for (p, i) in rowOrder.enumerated() { pointY[i] = y[p] }
        return (pointX, pointY)
    }

    func run() -> Outcome {
        var regularization = Self.dualRegularization
        concurrently = options.threads > 1 || options.spareCore?.isFree == true
        do {
            try startingPoint(&regularization)
        } catch {
            return Outcome(status: .numericalTrouble, message: "the starting point could not be computed: \(error)", iterations: 0, residuals: (.nan, .nan, .nan))
        }
        var iteration = 0
        var best = Double.infinity, stalled = 0, unchecked = 0
        var state = residuals(moving: nil)
        while true {
            let (primal, dual, gap) = (state.primal, state.dual, state.gap)
            let measures = (primal, dual, gap)
            if primal <= options.primalTolerance, dual <= options.dualTolerance, gap <= options.gapTolerance {
                let violation = componentwiseViolation()
                if violation <= Self.componentwiseLimit(options) {
                    return Outcome(status: .optimal, message: "relative primal and dual infeasibility and gap within tolerance", iterations: iteration, residuals: measures)
                }
                unchecked += 1
                if unchecked > 15 {
                    return Outcome(status: .numericalTrouble, message: """
                        the residuals are within tolerance against the problem's largest numbers, but a row or bound is still violated by \
                        \(String(format: "%.1e", violation)) of its own terms: an LP whose rows differ in scale by many orders, or one with \
                        no feasible point
                        """, iterations: iteration, residuals: measures)
                }
            }
            if let certificate = Certificate.check(state, columns: n), options.mayFindUnboundedRay || certificate.status != .dualInfeasible {
                return Outcome(status: certificate.status, message: certificate.message, iterations: iteration, residuals: measures)
            }
            if iteration >= options.maxIterations {
                return Outcome(status: .iterationLimit, message: "stopped after \(iteration) iteration\(iteration == 1 ? "" : "s"): primal \(primal), dual \(dual), gap \(gap)", iterations: iteration, residuals: measures)
            }
            let merit = max(primal, dual, gap)
            if merit < 0.5 * best {
                best = merit
                stalled = 0
            } else {
                stalled += 1
                // Feasible by the measure of the largest bound, yet the gap will not close:
                // the signature of bound residuals drifted from r_b.
                if stalled % 3 == 0, primal <= options.primalTolerance, resynchronizeSlacks() > 0 {
                    state = residuals(moving: nil)
                    continue
                }
                if stalled >= 30 {
                    return Outcome(status: .numericalTrouble, message: "no progress in 30 iterations: primal \(primal), dual \(dual), gap \(gap)", iterations: iteration, residuals: measures)
                }
            }
            iteration += 1
            concurrently = concurrently || options.spareCore?.isFree == true
            do {
                let lengths = try advance(mu: state.mu, nearEnd: merit < 1e-6, regularization: &regularization)
                state = residuals(moving: lengths)
            } catch {
                return Outcome(status: .numericalTrouble, message: "the normal equations could not be factored: \(error)", iterations: iteration, residuals: measures)
            }
        }
    }

    /// The loosest a row or bound may be violated, relative to its own terms, at a point
    /// reported optimal: 1000 × the primal tolerance, at least 10⁻⁶.
    static func componentwiseLimit(_ options: SolverOptions) -> Double {
        max(1e-6, 1000 * options.primalTolerance)
    }

    /// The largest violation of a row, |b − a x| ÷ (1 + |b| + Σ|a x|), or of a bound,
    /// |l + s_l − x| ÷ (1 + |l| + |x|) (and the same for u), at the current iterate.
    /// The stopping test measures residuals against the largest right-hand side and bound,
    /// so a row of size 50 violated by 0.01 passes it beside a row of size 3·10⁸; this
    /// check, made only when that test passes, keeps such a point from being called
    /// optimal. It uses `centring` as scratch (the next predictor pass rewrites it).
    func componentwiseViolation() -> Double {
        let magnitude = centring
        for i in 0..<m { magnitude[i] = 0 }
        var worst = 0.0
        for j in 0..<n {
            let xj = x[j], bound = bounds[j], slack = slacks[j]
            for k in Int(a.starts[j])..<Int(a.starts[j + 1]) { magnitude[Int(a.rows[k])] += abs(a.values[k] * xj) }
            if bound.x > -.infinity { worst = max(worst, abs(bound.x + slack.x - xj) / (1 + abs(bound.x) + abs(xj))) }
            if bound.y < .infinity { worst = max(worst, abs(bound.y - slack.y - xj) / (1 + abs(bound.y) + abs(xj))) }
        }
        for i in 0..<m { worst = max(worst, abs(rp[i]) / (1 + abs(b[i]) + magnitude[i])) }
        return worst
    }

    /// Puts back in step with r_b every column whose bound residuals have drifted from it,
    /// and returns how many. Each step updates x and s apart, rounding each at its own
    /// size, so once they have passed through large values (a start near a bound of 10¹⁰,
    /// whose updates round at 10⁻⁶) a column's l + s_l − x can differ from r_b by far more
    /// than rounding at today's sizes. The directions see only r_b, so they never close
    /// such a gap: a column with s ≈ 0 but 10⁻⁸ inside its bound in x blocks every primal
    /// step, one 10⁻⁵ beyond it makes the objective better than the optimum, and either
    /// stalls the gap. So x is set from its nearer bound's slack (x = l + s_l − r_b or
    /// u − s_u + r_b; the row residuals, measured anew, take up the move) and the farther
    /// bound's slack from x, when that is positive. A drift counts when it is over 10⁻¹²
    /// of the sizes involved.
    func resynchronizeSlacks() -> Int {
        let r = boundResidual
        var changed = 0
        for j in 0..<n {
            let (l, u) = (bounds[j].x, bounds[j].y)
            var xj = x[j], (sl, su) = (slacks[j].x, slacks[j].y)
            let lowDrift = l > -.infinity && abs(l + sl - xj - r) > 1e-12 * max(abs(xj), abs(l), sl)
            let upDrift = u < .infinity && abs(u - su - xj + r) > 1e-12 * max(abs(xj), abs(u), su)
            guard lowDrift || upDrift else { continue }
            if l > -.infinity && (u == .infinity || sl <= su) {
                xj = l + sl - r
                if u < .infinity, u - xj + r > 0 { su = u - xj + r }
            } else {
                xj = u - su + r
                if l > -.infinity, xj - l + r > 0 { sl = xj - l + r }
            }
            (x[j], slacks[j]) = (xj, Pair(sl, su))
            changed += 1
        }
        return changed
    }
}
