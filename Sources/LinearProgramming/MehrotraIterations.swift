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
    private let rp: UnsafeMutableBufferPointer<Double>
    /// r_b: the bound residuals are r_l = r_b and r_u = −r_b in every column with that bound.
    private var boundResidual = 0.0
    /// Right-hand sides: the predictor's r_p + A Θ ξ_aff (then its Δy), and the
    /// corrector's A Θ (1/s_l − 1/s_u), the multiple of −σμ in its right-hand side.
    private let predictorY: UnsafeMutableBufferPointer<Double>, centring: UnsafeMutableBufferPointer<Double>
    /// (1/s_l, 1/s_u), 0 where the bound is missing.
    private let inverses: UnsafeMutableBufferPointer<Pair>
    /// Θ = (ρ + z_l/s_l + z_u/s_u)⁻¹ and ξ₀ = r_d − z_l r_b/s_l + z_u r_b/s_u.
    private let theta: UnsafeMutableBufferPointer<Double>, xiResidual: UnsafeMutableBufferPointer<Double>
    /// The targets (k̄_l, k̄_u) of the corrector (without σμ) and of Gondzio's correctors.
    private let targets: UnsafeMutableBufferPointer<Pair>
    private var step: Direction, trial: Direction
    /// The halves each pass over the columns runs in, and their partial results.
    private let halves: ColumnHalves
    private let halfMeasures: UnsafeMutableBufferPointer<ColumnMeasures>
    private let halfPredictors: UnsafeMutableBufferPointer<Predictor>
    private let halfLengths: UnsafeMutableBufferPointer<StepLengths>
    private let workspace = Workspace()
    /// Refines the normal equations' solves when their dense columns are eliminated apart.
    private let refinement: NormalRefinement?
    /// Whether this iteration's passes run on two threads: `SolverOptions.threads` > 1,
    /// or its `spareCore` released (checked at the start of each iteration).
    private var concurrently = false
    private var bNorm = 0.0, cNorm = 0.0, boundNorm = 0.0, pairs = 1.0

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
    private func componentwiseViolation() -> Double {
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
    private func resynchronizeSlacks() -> Int {
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

    // MARK: Residuals

    /// With `moving` = (α_p, α_d), first takes the step in `step`: x += α_p Δx,
    /// s_l += α_p (Δx − r_b), s_u += α_p (−r_b − Δx) (where the bound is finite),
    /// y += α_d Δy, z += α_d Δz, and r_b ← (1 − α_p) r_b. Then one pass over the columns and
    /// one over the rows: r_p = b − A x, r_d = c − Aᵀy − z_l + z_u, the `Measures` (with
    /// the true bound residuals l + s_l − x and u − s_u − x), and for the Newton system of
    /// this iterate 1/s_l, 1/s_u (0 where missing), Θ = (ρ + z_l/s_l + z_u/s_u)⁻¹,
    /// ξ₀ = r_d − z_l r_b/s_l + z_u r_b/s_u and the predictor's right-hand side
    /// r_p + A Θ ξ_aff with ξ_aff = ξ₀ + z_l − z_u, in `predictorY`.
    private func residuals(moving: (Double, Double)?) -> Measures {
        let (y, rp, predictorY, b, s) = (y, rp, predictorY, b, step)
        let (alphaP, alphaD) = moving ?? (0, 0)
        let stepResidual = boundResidual
        if moving != nil {
            for i in 0..<m { y[i] += alphaD * s.y[i] }
            boundResidual *= 1 - alphaP
        }
        let step = ResidualStep(alphaP: alphaP, alphaD: alphaD, boundResidual: stepResidual, taken: moving != nil)
        ColumnHalves.run(concurrently: concurrently) { half in
            halves.clear(rp, predictorY, half: half)
            halfMeasures[half] = half == 0
                ? residualColumns(halves.first, step, into: rp, predictorY)
                : residualColumns(halves.second, step, into: halves.spillA, halves.spillB)
        }
        halves.addSpill(into: rp, predictorY)
        let columns = halfMeasures[0].joined(with: halfMeasures[1])
        var state = Measures()
        var primal = 0.0
        for i in 0..<m {
            state.activity += abs(rp[i])
            rp[i] = b[i] - rp[i]
            predictorY[i] += rp[i]
            primal = max(primal, abs(rp[i]))
            state.dualObjective += b[i] * y[i]
            state.yNorm = max(state.yNorm, abs(y[i]))
        }
        state.dualObjective += columns.dualObjective.sum()
        state.primalObjective = columns.primalObjective
        (state.rayResidual, state.xNorm, state.zNorm, state.boundNorm) = (columns.rayResidual, columns.largest.y, columns.zNorm.max(), boundNorm)
        (state.bNorm, state.cNorm) = (bNorm, cNorm)
        state.primal = max(primal / (1 + bNorm), columns.bounds.max() / (1 + boundNorm))
        state.dual = columns.largest.x / (1 + cNorm)
        state.gap = abs(columns.primalObjective - state.dualObjective) / (1 + abs(columns.primalObjective))
        state.mu = columns.complementarity.sum() / pairs
        return state
    }

    /// The step the residual pass takes first: lengths α_p, α_d, and r_b before it.
    struct ResidualStep {
        var alphaP: Double, alphaD: Double, boundResidual: Double
        /// False at the starting point, which takes no step.
        var taken: Bool
    }

    /// What the residual pass sums and maximises over a range of columns.
    struct ColumnMeasures {
        var primalObjective = 0.0, rayResidual = 0.0
        var dualObjective = Pair(), complementarity = Pair(), bounds = Pair(), zNorm = Pair()
        /// (largest |r_d|, largest |x|).
        var largest = Pair()

        /// These and `other`'s, as of one range followed by the other's.
        func joined(with other: Self) -> Self {
            ColumnMeasures(primalObjective: primalObjective + other.primalObjective, rayResidual: rayResidual + other.rayResidual,
                           dualObjective: dualObjective + other.dualObjective, complementarity: complementarity + other.complementarity,
                           bounds: bounds.maximum(other.bounds), zNorm: zNorm.maximum(other.zNorm), largest: largest.maximum(other.largest))
        }
    }

    /// The residual pass over `columns`: takes `step`, then forms their residuals,
    /// Θ, 1/s and ξ₀, and adds their terms of A x to `activity` and of A Θ ξ_aff to
    /// `predictorY`.
    private func residualColumns(_ columns: Range<Int>, _ step: ResidualStep, into activity: UnsafeMutableBufferPointer<Double>,
                                 _ predictorY: UnsafeMutableBufferPointer<Double>) -> ColumnMeasures {
        let (x, y, slacks, duals, c, bounds, a, s) = (x, y, slacks, duals, c, bounds, a, self.step)
        let (theta, xiResidual, inverses) = (theta, xiResidual, inverses)
        let (alphaP, alphaD, stepResidual, residual) = (step.alphaP, step.alphaD, step.boundResidual, boundResidual)
        let rho = options.primalRegularization
        var measures = ColumnMeasures()
        for j in columns {
            var xj = x[j], slack = slacks[j], dual = duals[j]
            let bound = bounds[j]
            let missing = bound .== Pair.missingBounds
            if step.taken {
                let dx = s.x[j]
                xj += alphaP * dx
                slack = (slack + alphaP * (Pair(dx, -dx) - stepResidual)).replacing(with: slack, where: missing)
                dual += alphaD * s.duals[j]
                (x[j], slacks[j], duals[j]) = (xj, slack, dual)
            }
            let ray = a.dot(column: j, y) + dual.x - dual.y
            let dualResidual = c[j] - ray
            measures.primalObjective += c[j] * xj
            measures.dualObjective += (Pair.signs * bound * dual).replacing(with: 0, where: missing)
            measures.complementarity += slack * dual
            measures.bounds = measures.bounds.maximum(((bound - xj) + Pair.signs * slack).magnitude.replacing(with: 0, where: missing))
            measures.largest = measures.largest.maximum(Pair(dualResidual, xj).magnitude)
            measures.rayResidual += abs(ray)
            measures.zNorm = measures.zNorm.maximum(dual)
            let presence = bound.presence
            let inverse = presence / slack
            let weight = dual * inverse
            let free = (1 - presence.x) * (1 - presence.y)
            let thetaJ = 1 / (rho + free * (Self.freeRegularization - rho) + weight.x + weight.y)
            let xi = dualResidual - (weight.x - weight.y) * residual
            inverses[j] = inverse
            theta[j] = thetaJ
            xiResidual[j] = xi
            a.scatter(column: j, xj, into: activity, thetaJ * (xi + dual.x - dual.y), into: predictorY)
        }
        return measures
    }

    // MARK: Directions

    /// Factors, then finds the step (predictor, corrector, Gondzio's correctors) in
    /// `step` and returns its lengths (α_p, α_d); `residuals(moving:)` takes it.
    private func advance(mu: Double, nearEnd: Bool, regularization: inout Double) throws(LinearAlgebraError) -> (Double, Double) {
        try factorWithRetry(&regularization)
        // Predictor: σ = 0, no second-order term.
        try solveNormal(predictorY, concurrently: concurrently)
        let predictor = predictorPass()
        let sigma = mu > 0 ? min(1, pow(predictor.complementarity / pairs / mu, 3)) : 0
        // Corrector: centring σμ and the second-order term.
        let shift = sigma * mu, (rp, centring, dy) = (rp, centring, step.y)
        for i in 0..<m { dy[i] += rp[i] - shift * centring[i] }
        try solveNormal(dy, concurrently: concurrently)
        let fraction = nearEnd ? 0.999 : 0.995
        var (alphaP, alphaD) = correctorPass(shift: shift).scaled(by: fraction)
        // Correctors until the step is long (or one no longer lengthens it): `while`, not a
        // `where` clause, which counted through all K allowed every iteration.
        var correctors = 0
        while correctors < options.correctors, min(alphaP, alphaD) < 0.9 {
            guard let improved = try gondzio(target: shift, alphaP, alphaD, fraction: fraction) else { break }
            (alphaP, alphaD) = improved
            correctors += 1
        }
        return (alphaP, alphaD)
    }

    /// What the predictor pass returns: its step lengths, and
    /// Σ (s + α_p Δs)(z + α_d Δz) over all bound pairs as
    /// `products` + α_p `primalTerms` + α_d `dualTerms` + α_p α_d `steps`.
    struct Predictor {
        var lengths = StepLengths()
        var products = 0.0, primalTerms = 0.0, dualTerms = 0.0, steps = 0.0

        /// These and `other`'s, as of one range followed by the other's.
        func joined(with other: Self) -> Self {
            Predictor(lengths: lengths.joined(with: other.lengths), products: products + other.products, primalTerms: primalTerms + other.primalTerms,
                      dualTerms: dualTerms + other.dualTerms, steps: steps + other.steps)
        }

        /// Σ (s + α_p Δs)(z + α_d Δz) at the predictor's own step lengths (taken whole,
        /// fraction 1): μ_aff × the number of bound pairs.
        var complementarity: Double {
            let (ap, ad) = lengths.scaled(by: 1)
            return products + ap * primalTerms + ad * dualTerms + ap * ad * steps
        }
    }

    /// From the predictor's Δy (in `predictorY`): Δx = Θ (AᵀΔy − ξ_aff),
    /// Δs_l = Δx − r_b, Δs_u = −r_b − Δx, Δz_l = −z_l (1 + Δs_l/s_l),
    /// Δz_u = −z_u (1 + Δs_u/s_u), its step lengths (−Δz/z = −1 − Δs/s, no division) and
    /// μ_aff's sums (`Predictor`). It writes the corrector's targets k̄ = −s∘z − Δs∘Δz, its
    /// part ξ̄ = ξ₀ − k̄_l/s_l + k̄_u/s_u of ξ as A Θ ξ̄ in `step.y`, and A Θ (1/s_l − 1/s_u)
    /// in `centring`. The predictor itself is not stored.
    private func predictorPass() -> Predictor {
        let (corrector, centring) = (step.y, centring)
        ColumnHalves.run(concurrently: concurrently) { half in
            halves.clear(corrector, centring, half: half)
            halfPredictors[half] = half == 0
                ? predictorColumns(halves.first, into: corrector, centring)
                : predictorColumns(halves.second, into: halves.spillA, halves.spillB)
        }
        halves.addSpill(into: corrector, centring)
        return halfPredictors[0].joined(with: halfPredictors[1])
    }

    /// The predictor pass over `columns`, adding their terms of A Θ ξ̄ to `corrector`
    /// and of A Θ (1/s_l − 1/s_u) to `centring`.
    private func predictorColumns(_ columns: Range<Int>, into corrector: UnsafeMutableBufferPointer<Double>,
                                  _ centring: UnsafeMutableBufferPointer<Double>) -> Predictor {
        let (slacks, duals, theta, xiResidual, a, targets) = (slacks, duals, theta, xiResidual, a, targets)
        let (inverses, dy) = (inverses, predictorY)
        let residual = boundResidual
        var lengths = StepLengths(), products = Pair(), primalTerms = Pair(), dualTerms = Pair(), steps = Pair()
        for j in columns {
            let slack = slacks[j], dual = duals[j], inverse = inverses[j]
            let thetaJ = theta[j], xi = xiResidual[j]
            let dx = thetaJ * (a.dot(column: j, dy) - (xi + dual.x - dual.y))
            let ds = Pair(dx, -dx) - residual
            let ratio = inverse * ds
            let dz = -dual * (1 + ratio)
            lengths.include(ratio, (-1 - ratio).replacing(with: 0, where: dual .<= 0))
            products += slack * dual
            primalTerms += ds * dual
            dualTerms += slack * dz
            steps += ds * dz
            let target = -slack * dual - ds * dz
            targets[j] = target
            let weighted = target * inverse
            a.scatter(column: j, thetaJ * (xi - weighted.x + weighted.y), into: corrector, thetaJ * (inverse.x - inverse.y), into: centring)
        }
        return Predictor(lengths: lengths, products: products.sum(), primalTerms: primalTerms.sum(), dualTerms: dualTerms.sum(), steps: steps.sum())
    }

    /// From the corrector's Δy (in `step.y`): with ξ = ξ₀ − (k̄_l + σμ)/s_l + (k̄_u + σμ)/s_u,
    /// Δx = Θ (AᵀΔy − ξ), Δz_l = (k̄_l + σμ − z_l Δs_l)/s_l, Δz_u = (k̄_u + σμ − z_u Δs_u)/s_u,
    /// written to `step`, and its step lengths.
    private func correctorPass(shift: Double) -> StepLengths {
        ColumnHalves.run(concurrently: concurrently) { half in
            halfLengths[half] = correctorColumns(half == 0 ? halves.first : halves.second, shift: shift)
        }
        return halfLengths[0].joined(with: halfLengths[1])
    }

    /// The corrector pass over `columns`.
    private func correctorColumns(_ columns: Range<Int>, shift: Double) -> StepLengths {
        let (duals, theta, xiResidual, a, targets, d) = (duals, theta, xiResidual, a, targets, step)
        let inverses = inverses
        let residual = boundResidual, tiny = Double.leastNormalMagnitude
        var lengths = StepLengths()
        for j in columns {
            let dual = duals[j], inverse = inverses[j]
            let target = targets[j] + shift
            let weighted = target * inverse
            let dx = theta[j] * (a.dot(column: j, d.y) - (xiResidual[j] - weighted.x + weighted.y))
            let ds = Pair(dx, -dx) - residual
            let dz = (target - dual * ds) * inverse
            (d.x[j], d.duals[j]) = (dx, dz)
            lengths.include(ds * inverse, dz / (dual + tiny))
        }
        return lengths
    }

    /// Gondzio's centrality corrector: from the step's trial point with lengthened
    /// steps, the products sᵢzᵢ outside [0.1 σμ, 10 σμ] are pulled back into it by one
    /// more solve with the same factor. Returns the new step lengths, or nil (and the
    /// step unchanged) when they do not improve by 1 %. (A missing bound's target is
    /// finite and meets only its 1/s = 0.)
    private func gondzio(target: Double, _ alphaP: Double, _ alphaD: Double, fraction: Double) throws(LinearAlgebraError) -> (Double, Double)? {
        let (slacks, duals, targets, s, residual) = (slacks, duals, targets, step, boundResidual)
        let tryP = min(1, 1.5 * alphaP + 0.1), tryD = min(1, 1.5 * alphaD + 0.1)
        let low = 0.1 * target, high = 10 * target
        for j in 0..<n {
            let dx = s.x[j], slack = slacks[j], dual = duals[j], dz = s.duals[j]
            let vl = (slack.x + tryP * (dx - residual)) * (dual.x + tryD * dz.x)
            let vu = (slack.y - tryP * (residual + dx)) * (dual.y + tryD * dz.y)
            targets[j] = Pair(vl < low ? low - vl : vl > high ? max(-high, high - vl) : 0,
                              vu < low ? low - vu : vu > high ? max(-high, high - vu) : 0)
        }
        let (newP, newD) = try correction(of: step, into: trial, fraction: fraction)
        guard newP + newD >= 1.01 * (alphaP + alphaD) else { return nil }
        swap(&step, &trial)
        return (newP, newD)
    }

    /// Solves the normal equations for the Θ last factored, `r` overwritten by Δy; refined
    /// (`NormalRefinement`) when dense columns are eliminated apart.
    private func solveNormal(_ r: UnsafeMutableBufferPointer<Double>, concurrently: Bool = false) throws(LinearAlgebraError) {
        guard let refinement else { return try equations.solve(r, concurrently: concurrently) }
        try refinement.solve(r, equations: equations, a: a, theta: theta, concurrently: concurrently)
    }

    /// Factors A Θ Aᵀ, raising the regularisation tenfold up to six times on failure
    /// (δ from `dualRegularization`, 10⁻¹³, to 10⁻⁷).
    private func factorWithRetry(_ regularization: inout Double) throws(LinearAlgebraError) {
        var attempt = 0
        while true {
            do {
                try equations.factor(theta: UnsafeBufferPointer(theta), regularization: regularization, concurrently: concurrently)
                return
            } catch {
                attempt += 1
                if attempt > 6 { throw error }
                regularization *= 10
            }
        }
    }

    /// A Gondzio corrector for targets k̄ (in `targets`) with zero residuals,
    /// ξ = −k̄_l/s_l + k̄_u/s_u, (A Θ Aᵀ) Δy = A Θ ξ, Δx = Θ AᵀΔy − Θ ξ,
    /// Δz_l = (k̄_l − z_l Δx)/s_l, Δz_u = (k̄_u + z_u Δx)/s_u, added to `base` and
    /// written to `d`; returns the step lengths of the sum.
    private func correction(of base: Direction, into d: Direction, fraction: Double) throws(LinearAlgebraError) -> (Double, Double) {
        let (duals, theta, a, targets, inverses) = (duals, theta, a, targets, inverses)
        let (residual, tiny) = (boundResidual, Double.leastNormalMagnitude)
        for i in 0..<m { d.y[i] = 0 }
        for j in 0..<n {
            let weighted = targets[j] * inverses[j]
            let value = theta[j] * (weighted.y - weighted.x)
            d.x[j] = value
            a.scatter(column: j, value, into: d.y)
        }
        try solveNormal(d.y)
        var lengths = StepLengths()
        for j in 0..<n {
            let dx = theta[j] * a.dot(column: j, d.y) - d.x[j]
            let dual = duals[j], inverse = inverses[j]
            let sum = dx + base.x[j]
            let dz = (targets[j] - dual * Pair(dx, -dx)) * inverse + base.duals[j]
            (d.x[j], d.duals[j]) = (sum, dz)
            lengths.include((Pair(sum, -sum) - residual) * inverse, dz / (dual + tiny))
        }
        for i in 0..<m { d.y[i] += base.y[i] }
        return lengths.scaled(by: fraction)
    }

    /// The longest steps that keep s + α Δs ≥ 0 (primal) and z + α Δz ≥ 0 (dual): with
    /// w = max(0, maxᵢ −Δsᵢ/sᵢ), α = 1/w. Taking the largest relative decrease instead of
    /// the smallest ratio −s/Δs needs no branch, and 1/s is at hand; a missing bound's
    /// Δs/s = Δs · 0 and Δz = 0 (with z = 0 divided by z + the smallest normal double)
    /// add nothing. The maxima are kept per lane (lower, upper bound) and joined at the end.
    struct StepLengths {
        var primal = Pair(), dual = Pair()

        /// Includes one column's relative steps Δs/s and Δz/z of its (lower, upper) pair.
        @inline(__always)
        mutating func include(_ slack: Pair, _ dual: Pair) {
            primal = primal.maximum(-slack)
            self.dual = self.dual.maximum(-dual)
        }

        /// The longest steps for these columns and `other`'s.
        func joined(with other: Self) -> Self {
            StepLengths(primal: primal.maximum(other.primal), dual: dual.maximum(other.dual))
        }

        /// The steps taken: `fraction` of the way to the boundary, at most 1 (and 1 when
        /// nothing decreases, including a largest decrease of −0).
        func scaled(by fraction: Double) -> (Double, Double) {
            let (p, d) = (primal.max(), dual.max())
            return (p > 0 ? min(1, fraction / p) : 1, d > 0 ? min(1, fraction / d) : 1)
        }
    }

    // MARK: Starting point

    /// Mehrotra's starting point: x = Aᵀ(AAᵀ)⁻¹b (least norm), y = (AAᵀ)⁻¹Ac and
    /// z = c − Aᵀy (least squares); bound slacks and duals from these, shifted to be
    /// positive (by 1.5 × their most negative value), then shifted again by
    /// ½ sᵀz / Σz (slacks) and ½ sᵀz / Σs (duals) so that no product is far from the rest.
    /// A boxed column too close to a bound starts at the middle of its box, unless the box
    /// is wider than 10⁶ × max(1, ‖b‖∞, ‖x‖∞): the middle of a 10¹⁴-wide box, for a column
    /// whose optimum is 2, put the iterates at 10¹³, where each update rounds at 10⁻³
    /// (measurements in docs/solver.md, Known limits). Since every slack is x − l or u − x
    /// shifted by the same amount, the bound residuals are r_l = +shift and r_u = −shift in
    /// every column: r_b starts at the shift.
    private func startingPoint(_ regularization: inout Double) throws(LinearAlgebraError) {
        let (x, y, slacks, duals, bounds, theta, work) = (x, y, slacks, duals, bounds, theta, step.x)
        for j in 0..<n { theta[j] = 1 }
        try factorWithRetry(&regularization)
        for i in 0..<m { y[i] = b[i] }
        try solveNormal(y)
        a.multiplyTransposed(y, into: x)
        a.multiply(c, into: y)
        try solveNormal(y)
        a.multiplyTransposed(y, into: work)
        var lowestSlack = 0.0, lowestDual = 0.0
        var scale = bNorm
        for j in 0..<n { scale = max(scale, abs(x[j])) }
        let wide = 1e6 * max(1, scale)
        for j in 0..<n {
            let z = c[j] - work[j], (lower, upper) = (bounds[j].x, bounds[j].y)
            let hasLow = lower > -.infinity, hasUp = upper < .infinity
            var dual = Pair(hasLow ? z : 0, hasUp ? -z : 0)
            if hasLow && hasUp {
                let width = upper - lower
                x[j] = min(max(x[j], lower), upper)
                if min(x[j] - lower, upper - x[j]) < 0.05 * width, width <= wide { x[j] = lower + 0.5 * width }
                dual = Pair(max(z, 0), max(-z, 0))
            }
            let slack = Pair(hasLow ? x[j] - lower : 1, hasUp ? upper - x[j] : 1)
            if hasLow {
                lowestSlack = min(lowestSlack, slack.x)
                lowestDual = min(lowestDual, dual.x)
            }
            if hasUp {
                lowestSlack = min(lowestSlack, slack.y)
                lowestDual = min(lowestDual, dual.y)
            }
            (slacks[j], duals[j]) = (slack, dual)
        }
        var slackShift = max(-1.5 * lowestSlack, 0), dualShift = max(-1.5 * lowestDual, 0)
        var product = 0.0, slackSum = 0.0, dualSum = 0.0
        for j in 0..<n {
            let slack = slacks[j], dual = duals[j]
            if bounds[j].x > -.infinity {
                product += (slack.x + slackShift) * (dual.x + dualShift)
                slackSum += slack.x + slackShift
                dualSum += dual.x + dualShift
            }
            if bounds[j].y < .infinity {
                product += (slack.y + slackShift) * (dual.y + dualShift)
                slackSum += slack.y + slackShift
                dualSum += dual.y + dualShift
            }
        }
        slackShift += dualSum > 0 ? 0.5 * product / dualSum : 0
        dualShift += slackSum > 0 ? 0.5 * product / slackSum : 0
        if slackShift <= 0 { slackShift = 1 }
        if dualShift <= 0 { dualShift = 1 }
        boundResidual = slackShift
        for j in 0..<n {
            let hasLow = bounds[j].x > -.infinity, hasUp = bounds[j].y < .infinity
            let (slack, dual) = (slacks[j], duals[j])
            slacks[j] = Pair(hasLow ? slack.x + slackShift : 1, hasUp ? slack.y + slackShift : 1)
            duals[j] = Pair(hasLow ? dual.x + dualShift : 0, hasUp ? dual.y + dualShift : 0)
        }
    }
}

/// A column's (lower, upper) bound pair of slacks, duals or their steps, worked on at once.
/// The helpers compile to packed compares and blends: a branch per lane, which the mix of
/// bound types in a dispatch LP makes hard to predict, cost more than the arithmetic.
typealias Pair = SIMD2<Double>

extension SIMD2 where Scalar == Double {
    /// (−∞, +∞): the bounds of a column without either.
    static var missingBounds: Self { Self(-.infinity, .infinity) }
    /// (+1, −1): the signs of the lower and upper bound's terms (r_l = l + s_l − x, r_u = u − s_u − x).
    static var signs: Self { Self(1, -1) }

    /// Lane by lane, the larger of the two (`other`'s lane when it is larger; a NaN in
    /// `other` is passed over, as `Swift.max` does).
    @inline(__always)
    func maximum(_ other: Self) -> Self { replacing(with: other, where: self .< other) }

    /// For bounds: 1 in a lane whose bound is finite, 0 where it is missing (±∞), by
    /// arithmetic — 0·b + 1 is 1 or NaN, and a NaN fails the comparison — so that the
    /// compiler, which turns a select between two constants feeding a division into a
    /// branch around it, sees none.
    @inline(__always)
    var presence: Self {
        let one = self * 0 + 1
        return Self(repeating: 0).replacing(with: one, where: one .> 0)
    }

    /// Lane by lane |v|.
    @inline(__always)
    var magnitude: Self { maximum(-self) }
}
