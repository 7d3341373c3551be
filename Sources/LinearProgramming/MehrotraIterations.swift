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
/// A missing bound is stored as an infinite one; its column carries s = 1, z = 0 and,
/// chosen in the residual pass with a select (never a product with an infinity),
/// 1/s = 0 and r = 0. Every term a missing bound would bring into a direction — Δz and
/// the target k — is a multiple of 1/s, so every loop runs over all columns without masks.
/// All vectors are workspace buffers, allocated once.
///
/// A one-year dispatch LP has some 150 000 columns, so its column vectors do not fit in
/// cache and each pass over one costs main-memory bandwidth: the loops are fused so that
/// an iteration reads and writes as few of them as it can. The update of the iterate and
/// A x, Aᵀy are fused into the residual pass, which also forms Θ, 1/s and the part ξ₀ of
/// ξ that does not depend on the targets; A Θ ξ is formed in the pass that forms ξ, and
/// AᵀΔy in the pass that completes the direction and finds its step lengths. A direction
/// stores Δx, Δy, Δz_l and Δz_u only: every stored direction solves the full residuals,
/// so its slack steps are Δs_l = Δx − r_l and Δs_u = r_u − Δx.
final class MehrotraIterations {
    private(set) var options: SolverOptions
    let equations: NormalEquations
    let n: Int, m: Int
    let a: ColumnBuffers
    let b: UnsafeMutableBufferPointer<Double>, c: UnsafeMutableBufferPointer<Double>
    /// Bounds, −∞ (lower) and +∞ (upper) where missing.
    let lower: UnsafeMutableBufferPointer<Double>, upper: UnsafeMutableBufferPointer<Double>

    let x: UnsafeMutableBufferPointer<Double>, y: UnsafeMutableBufferPointer<Double>
    let sl: UnsafeMutableBufferPointer<Double>, zl: UnsafeMutableBufferPointer<Double>
    let su: UnsafeMutableBufferPointer<Double>, zu: UnsafeMutableBufferPointer<Double>
    /// r_p = b − A x at the current iterate.
    private let rp: UnsafeMutableBufferPointer<Double>
    /// r_l = l + s_l − x and r_u = u − s_u − x, 0 where the bound is missing.
    private let rl: UnsafeMutableBufferPointer<Double>, ru: UnsafeMutableBufferPointer<Double>
    /// 1/s_l and 1/s_u, 0 where the bound is missing.
    private let inverseSl: UnsafeMutableBufferPointer<Double>, inverseSu: UnsafeMutableBufferPointer<Double>
    /// Θ = (ρ + z_l/s_l + z_u/s_u)⁻¹ and ξ₀ = r_d − z_l r_l/s_l − z_u r_u/s_u.
    private let theta: UnsafeMutableBufferPointer<Double>, xiResidual: UnsafeMutableBufferPointer<Double>
    /// The targets k̄ of the corrector and of Gondzio's correctors.
    private let kl: UnsafeMutableBufferPointer<Double>, ku: UnsafeMutableBufferPointer<Double>
    private var step: Direction, trial: Direction
    private let workspace = Workspace()
    private var bNorm = 0.0, cNorm = 0.0, boundNorm = 0.0, pairs = 1.0

    /// Primal regularisation ρ (scaled units) and the normal equations' starting δ.
    static let primalRegularization = 1e-10
    static let dualRegularization = 1e-13

    /// What the residual pass measures of the current iterate.
    struct Measures {
        /// Relative primal and dual infeasibility, relative gap, and μ = sᵀz / pairs.
        var primal = 0.0, dual = 0.0, gap = 0.0, mu = 0.0
        /// cᵀx and bᵀy + lᵀz_l − uᵀz_u.
        var primalObjective = 0.0, dualObjective = 0.0
        /// ‖Aᵀy + z_l − z_u‖₁, ‖A x‖₁, ‖x‖∞, ‖y‖∞, ‖z‖∞ and the largest finite bound (for `Certificate`).
        var rayResidual = 0.0, activity = 0.0, xNorm = 0.0, yNorm = 0.0, zNorm = 0.0, boundNorm = 0.0
    }

    struct Outcome {
        var status: SolverStatus
        var message: String
        var iterations: Int
        var residuals: (Double, Double, Double)
    }

    /// One search direction (Δx, Δy, Δz_l, Δz_u); its slack steps are Δs_l = Δx − r_l and
    /// Δs_u = r_u − Δx.
    struct Direction {
        let x, y, zl, zu: UnsafeMutableBufferPointer<Double>

        init(n: Int, m: Int, _ w: Workspace) {
            (x, y, zl, zu) = (w.vector(n), w.vector(m), w.vector(n), w.vector(n))
        }
    }

    /// The complementarity targets k_l, k_u of a direction (see `direction`).
    enum Targets {
        /// k = −s∘z, with the residuals: the predictor.
        case affine
        /// k = k̄ + σμ (`kl`, `ku` and the shift σμ), with the residuals: the corrector.
        case centred(shift: Double)
        /// k = k̄, without the residuals, added to a direction: a Gondzio corrector.
        case correcting(Direction)
    }

    init(form: StandardForm, equations: NormalEquations, options: SolverOptions) {
        self.equations = equations
        self.options = options
        n = form.c.count
        m = form.b.count
        let w = workspace
        a = ColumnBuffers(form.matrix, in: w)
        (b, c, lower, upper) = (w.vector(m), w.vector(n), w.vector(n), w.vector(n))
        (x, y, sl, zl, su, zu) = (w.vector(n), w.vector(m), w.vector(n, 1), w.vector(n), w.vector(n, 1), w.vector(n))
        (rp, rl, ru) = (w.vector(m), w.vector(n), w.vector(n))
        (theta, xiResidual, inverseSl, inverseSu, kl, ku) = (w.vector(n), w.vector(n), w.vector(n), w.vector(n), w.vector(n), w.vector(n))
        step = Direction(n: n, m: m, w)
        trial = Direction(n: n, m: m, w)
        load(form, options: options)
    }

    /// Takes the right-hand side, costs, bounds and options of `form`, whose matrix must
    /// be the one these iterations were made for (`SolverSession` checks it), so that
    /// the workspace and the normal equations' structure serve another solve.
    func load(_ form: StandardForm, options: SolverOptions) {
        precondition(form.b.count == m && form.c.count == n, "a form of another size")
        self.options = options
        _ = b.update(from: form.b)
        _ = c.update(from: form.c)
        _ = lower.update(from: form.lower.lazy.map { $0 > -1e20 ? $0 : -.infinity })
        _ = upper.update(from: form.upper.lazy.map { $0 < 1e20 ? $0 : .infinity })
        bNorm = form.b.lazy.map(abs).max() ?? 0
        cNorm = form.c.lazy.map(abs).max() ?? 0
        var bounds = 0.0, count = 0
        for j in 0..<n {
            if lower[j].isFinite {
                bounds = max(bounds, abs(lower[j]))
                count += 1
            }
            if upper[j].isFinite {
                bounds = max(bounds, abs(upper[j]))
                count += 1
            }
        }
        boundNorm = bounds
        pairs = Double(max(count, 1))
    }

    func run() -> Outcome {
        var regularization = Self.dualRegularization
        do {
            try startingPoint(&regularization)
        } catch {
            return Outcome(status: .numericalTrouble, message: "the starting point could not be computed: \(error)", iterations: 0, residuals: (.nan, .nan, .nan))
        }
        var iteration = 0
        var best = Double.infinity, stalled = 0
        var state = residuals(moving: nil)
        while true {
            let (primal, dual, gap) = (state.primal, state.dual, state.gap)
            let measures = (primal, dual, gap)
            if primal <= options.primalTolerance, dual <= options.dualTolerance, gap <= options.gapTolerance {
                return Outcome(status: .optimal, message: "relative primal and dual infeasibility and gap within tolerance", iterations: iteration, residuals: measures)
            }
            if let certificate = Certificate.check(state, columns: n) {
                return Outcome(status: certificate.status, message: certificate.message, iterations: iteration, residuals: measures)
            }
            if iteration >= options.maxIterations {
                return Outcome(status: .iterationLimit, message: "stopped after \(iteration) iterations: primal \(primal), dual \(dual), gap \(gap)", iterations: iteration, residuals: measures)
            }
            let merit = max(primal, dual, gap)
            if merit < 0.5 * best {
                best = merit
                stalled = 0
            } else {
                stalled += 1
                if stalled >= 30 {
                    return Outcome(status: .numericalTrouble, message: "no progress in 30 iterations: primal \(primal), dual \(dual), gap \(gap)", iterations: iteration, residuals: measures)
                }
            }
            iteration += 1
            do {
                let lengths = try advance(mu: state.mu, nearEnd: merit < 1e-6, regularization: &regularization)
                state = residuals(moving: lengths)
            } catch {
                return Outcome(status: .numericalTrouble, message: "the normal equations could not be factored: \(error)", iterations: iteration, residuals: measures)
            }
        }
    }

    // MARK: Residuals

    /// With `moving` = (α_p, α_d), first takes the step in `step`: x += α_p Δx,
    /// s_l += α_p (Δx − r_l), s_u += α_p (r_u − Δx) (where the bound is finite),
    /// y += α_d Δy, z += α_d Δz. Then one pass over the columns and one over the rows:
    /// r_p = b − A x, r_d = c − Aᵀy − z_l + z_u, r_l = l + s_l − x, r_u = u − s_u − x
    /// (0 where the bound is missing), the `Measures`, and for the Newton system of this
    /// iterate 1/s_l, 1/s_u (0 where missing), Θ = (ρ + z_l/s_l + z_u/s_u)⁻¹ and
    /// ξ₀ = r_d − z_l r_l/s_l − z_u r_u/s_u.
    private func residuals(moving: (Double, Double)?) -> Measures {
        let (x, y, sl, zl, su, zu, rp, rl, ru) = (x, y, sl, zl, su, zu, rp, rl, ru)
        let (b, c, lower, upper, a, s) = (b, c, lower, upper, a, step)
        let (theta, xiResidual, inverseSl, inverseSu) = (theta, xiResidual, inverseSl, inverseSu)
        let (alphaP, alphaD) = moving ?? (0, 0)
        if moving != nil {
            for i in 0..<m { y[i] += alphaD * s.y[i] }
        }
        for i in 0..<m { rp[i] = 0 }
        var dual = 0.0, bounds = 0.0, complementarity = 0.0, primalObjective = 0.0, dualObjective = 0.0
        var rayResidual = 0.0, xNorm = 0.0, zNorm = 0.0
        for j in 0..<n {
            var (xj, sLow, zLow, sUp, zUp) = (x[j], sl[j], zl[j], su[j], zu[j])
            let low = lower[j], up = upper[j]
            let hasLow = low > -.infinity, hasUp = up < .infinity
            if moving != nil {
                let dx = s.x[j]
                xj += alphaP * dx
                sLow = hasLow ? sLow + alphaP * (dx - rl[j]) : sLow
                sUp = hasUp ? sUp + alphaP * (ru[j] - dx) : sUp
                zLow += alphaD * s.zl[j]
                zUp += alphaD * s.zu[j]
                (x[j], sl[j], su[j], zl[j], zu[j]) = (xj, sLow, sUp, zLow, zUp)
            }
            a.scatter(column: j, xj, into: rp)
            let ray = a.dot(column: j, y) + zLow - zUp
            let dualResidual = c[j] - ray
            let lowResidual = hasLow ? low + sLow - xj : 0
            let upResidual = hasUp ? up - sUp - xj : 0
            rl[j] = lowResidual
            ru[j] = upResidual
            primalObjective += c[j] * xj
            dualObjective += (hasLow ? low * zLow : 0) - (hasUp ? up * zUp : 0)
            complementarity += sLow * zLow + sUp * zUp
            bounds = max(bounds, abs(lowResidual), abs(upResidual))
            dual = max(dual, abs(dualResidual))
            rayResidual += abs(ray)
            xNorm = max(xNorm, abs(xj))
            zNorm = max(zNorm, zLow, zUp)
            let inverseLow = hasLow ? 1 / sLow : 0, inverseUp = hasUp ? 1 / sUp : 0
            let weightLow = zLow * inverseLow, weightUp = zUp * inverseUp
            inverseSl[j] = inverseLow
            inverseSu[j] = inverseUp
            theta[j] = 1 / (Self.primalRegularization + weightLow + weightUp)
            xiResidual[j] = dualResidual - weightLow * lowResidual - weightUp * upResidual
        }
        var state = Measures()
        var primal = 0.0
        for i in 0..<m {
            state.activity += abs(rp[i])
            rp[i] = b[i] - rp[i]
            primal = max(primal, abs(rp[i]))
            state.dualObjective += b[i] * y[i]
            state.yNorm = max(state.yNorm, abs(y[i]))
        }
        state.dualObjective += dualObjective
        state.primalObjective = primalObjective
        (state.rayResidual, state.xNorm, state.zNorm, state.boundNorm) = (rayResidual, xNorm, zNorm, boundNorm)
        state.primal = max(primal / (1 + bNorm), bounds / (1 + boundNorm))
        state.dual = dual / (1 + cNorm)
        state.gap = abs(primalObjective - state.dualObjective) / (1 + abs(primalObjective))
        state.mu = complementarity / pairs
        return state
    }

    // MARK: Directions

    /// Factors, then finds the step (predictor, corrector, Gondzio's correctors) in
    /// `step` and returns its lengths (α_p, α_d); `residuals(moving:)` takes it.
    private func advance(mu: Double, nearEnd: Bool, regularization: inout Double) throws(LinearAlgebraError) -> (Double, Double) {
        try factorWithRetry(&regularization)
        // Predictor: σ = 0, no second-order term.
        let (ap, ad) = try direction(step, .affine, fraction: 1)
        let muAffine = secondOrderTargets(ap, ad) / pairs
        let sigma = mu > 0 ? min(1, pow(muAffine / mu, 3)) : 0
        // Corrector: centring σμ and the second-order term.
        let fraction = nearEnd ? 0.999 : 0.995
        var (alphaP, alphaD) = try direction(step, .centred(shift: sigma * mu), fraction: fraction)
        for _ in 0..<options.correctors where min(alphaP, alphaD) < 0.9 {
            guard let improved = try gondzio(target: sigma * mu, alphaP, alphaD, fraction: fraction) else { break }
            (alphaP, alphaD) = improved
        }
        return (alphaP, alphaD)
    }

    /// After the predictor: returns Σ (s + α_p Δs)(z + α_d Δz) over all bound pairs and
    /// sets the corrector's targets k̄ = −s∘z − Δs∘Δz (the shift σμ is added later).
    /// A missing bound adds nothing: its z and Δz are 0.
    private func secondOrderTargets(_ ap: Double, _ ad: Double) -> Double {
        let (sl, zl, su, zu, rl, ru, kl, ku, d) = (sl, zl, su, zu, rl, ru, kl, ku, step)
        var total = 0.0
        for j in 0..<n {
            let (sLow, zLow, sUp, zUp) = (sl[j], zl[j], su[j], zu[j])
            let dx = d.x[j]
            let (dsl, dzl, dsu, dzu) = (dx - rl[j], d.zl[j], ru[j] - dx, d.zu[j])
            total += (sLow + ap * dsl) * (zLow + ad * dzl) + (sUp + ap * dsu) * (zUp + ad * dzu)
            kl[j] = -sLow * zLow - dsl * dzl
            ku[j] = -sUp * zUp - dsu * dzu
        }
        return total
    }

    /// Gondzio's centrality corrector: from the step's trial point with lengthened
    /// steps, the products sᵢzᵢ outside [0.1 σμ, 10 σμ] are pulled back into it by one
    /// more solve with the same factor. Returns the new step lengths, or nil (and the
    /// step unchanged) when they do not improve by 1 %. (A missing bound's target is
    /// finite and meets only its 1/s = 0.)
    private func gondzio(target: Double, _ alphaP: Double, _ alphaD: Double, fraction: Double) throws(LinearAlgebraError) -> (Double, Double)? {
        let (sl, zl, su, zu, rl, ru, kl, ku, s) = (sl, zl, su, zu, rl, ru, kl, ku, step)
        let tryP = min(1, 1.5 * alphaP + 0.1), tryD = min(1, 1.5 * alphaD + 0.1)
        let low = 0.1 * target, high = 10 * target
        for j in 0..<n {
            let dx = s.x[j]
            let vl = (sl[j] + tryP * (dx - rl[j])) * (zl[j] + tryD * s.zl[j])
            let vu = (su[j] + tryP * (ru[j] - dx)) * (zu[j] + tryD * s.zu[j])
            kl[j] = vl < low ? low - vl : vl > high ? max(-high, high - vl) : 0
            ku[j] = vu < low ? low - vu : vu > high ? max(-high, high - vu) : 0
        }
        let (newP, newD) = try direction(trial, .correcting(step), fraction: fraction)
        guard newP + newD >= 1.01 * (alphaP + alphaD) else { return nil }
        swap(&step, &trial)
        return (newP, newD)
    }

    /// Factors A Θ Aᵀ, raising the regularisation tenfold up to six times on failure.
    private func factorWithRetry(_ regularization: inout Double) throws(LinearAlgebraError) {
        var attempt = 0
        while true {
            do {
                try equations.factor(theta: UnsafeBufferPointer(theta), regularization: regularization)
                return
            } catch {
                attempt += 1
                if attempt > 6 { throw error }
                regularization *= 10
            }
        }
    }

    /// The Newton direction for complementarity targets k_l, k_u (see `Targets`), written
    /// to `d`. With the residuals (r = 1):
    /// ξ = r_d − (k_l + z_l r_l)/s_l + (k_u − z_u r_u)/s_u = ξ₀ − k_l/s_l + k_u/s_u
    /// (ξ₀ + z_l − z_u for k = −s∘z), (A Θ Aᵀ) Δy = r_p + A Θ ξ, Δx = Θ AᵀΔy − Θ ξ,
    /// Δs_l = Δx − r_l, Δs_u = r_u − Δx, Δz_l = (k_l − z_l Δs_l)/s_l,
    /// Δz_u = (k_u − z_u Δs_u)/s_u. A Gondzio corrector takes r_p, r_d, r_l, r_u as zero
    /// (ξ = −k_l/s_l + k_u/s_u, Δs_l = Δx, Δs_u = −Δx) and `d` receives its sum with the
    /// direction it corrects. Returns the step lengths of the direction written (see
    /// `StepLengths`).
    private func direction(_ d: Direction, _ targets: Targets, fraction: Double) throws(LinearAlgebraError) -> (Double, Double) {
        let (zl, zu, rl, ru, rp, theta, xiResidual, a) = (zl, zu, rl, ru, rp, theta, xiResidual, a)
        let (inverseSl, inverseSu, kl, ku) = (inverseSl, inverseSu, kl, ku)
        // d.x = Θ ξ and d.y = A Θ ξ in one pass.
        for i in 0..<m { d.y[i] = 0 }
        @inline(__always) func form(_ xi: (Int) -> Double) {
            for j in 0..<n {
                let value = theta[j] * xi(j)
                d.x[j] = value
                a.scatter(column: j, value, into: d.y)
            }
        }
        switch targets {
        case .affine: form { xiResidual[$0] + zl[$0] - zu[$0] }
        case let .centred(shift): form { xiResidual[$0] - (kl[$0] + shift) * inverseSl[$0] + (ku[$0] + shift) * inverseSu[$0] }
        case .correcting: form { ku[$0] * inverseSu[$0] - kl[$0] * inverseSl[$0] }
        }
        if case .correcting = targets {} else {
            for i in 0..<m { d.y[i] += rp[i] }
        }
        try equations.solve(d.y)
        // Δx = Θ AᵀΔy − Θ ξ, the bound duals' steps and the step lengths in one pass.
        let (inverseZl, inverseZu) = (Double.leastNormalMagnitude, Double.leastNormalMagnitude)
        var lengths = StepLengths()
        @inline(__always) func newton(_ j: Int) -> Double { theta[j] * a.dot(column: j, d.y) - d.x[j] }
        switch targets {
        case .affine:
            for j in 0..<n {
                let dx = newton(j)
                let (zLow, zUp, ratioLow, ratioUp) = (zl[j], zu[j], inverseSl[j] * (dx - rl[j]), inverseSu[j] * (ru[j] - dx))
                let (dzl, dzu) = (-zLow * (1 + ratioLow), -zUp * (1 + ratioUp))
                (d.x[j], d.zl[j], d.zu[j]) = (dx, dzl, dzu)
                lengths.include(ratioLow, ratioUp, dzl / (zLow + inverseZl), dzu / (zUp + inverseZu))
            }
        case let .centred(shift):
            for j in 0..<n {
                let dx = newton(j)
                let (zLow, zUp, dsl, dsu) = (zl[j], zu[j], dx - rl[j], ru[j] - dx)
                let (isl, isu) = (inverseSl[j], inverseSu[j])
                let (dzl, dzu) = ((kl[j] + shift - zLow * dsl) * isl, (ku[j] + shift - zUp * dsu) * isu)
                (d.x[j], d.zl[j], d.zu[j]) = (dx, dzl, dzu)
                lengths.include(dsl * isl, dsu * isu, dzl / (zLow + inverseZl), dzu / (zUp + inverseZu))
            }
        case let .correcting(base):
            for j in 0..<n {
                let dx = newton(j)
                let (zLow, zUp, isl, isu) = (zl[j], zu[j], inverseSl[j], inverseSu[j])
                let sum = dx + base.x[j]
                let (dzl, dzu) = ((kl[j] - zLow * dx) * isl + base.zl[j], (ku[j] + zUp * dx) * isu + base.zu[j])
                (d.x[j], d.zl[j], d.zu[j]) = (sum, dzl, dzu)
                lengths.include((sum - rl[j]) * isl, (ru[j] - sum) * isu, dzl / (zLow + inverseZl), dzu / (zUp + inverseZu))
            }
            for i in 0..<m { d.y[i] += base.y[i] }
        }
        return lengths.scaled(by: fraction)
    }

    /// The longest steps that keep s + α Δs ≥ 0 (primal) and z + α Δz ≥ 0 (dual): with
    /// w = max(0, maxᵢ −Δsᵢ/sᵢ), α = 1/w. Taking the largest relative decrease instead of
    /// the smallest ratio −s/Δs needs no branch, and 1/s is at hand; a missing bound's
    /// Δs/s = Δs · 0 and Δz = 0 (with z = 0 divided by z + the smallest normal double)
    /// add nothing.
    struct StepLengths {
        var primal = 0.0, dual = 0.0

        @inline(__always)
        mutating func include(_ sLow: Double, _ sUp: Double, _ zLow: Double, _ zUp: Double) {
            primal = max(primal, -sLow, -sUp)
            dual = max(dual, -zLow, -zUp)
        }

        /// The steps taken: `fraction` of the way to the boundary, at most 1 (and 1 when
        /// nothing decreases, including a largest decrease of −0).
        func scaled(by fraction: Double) -> (Double, Double) {
            (primal > 0 ? min(1, fraction / primal) : 1, dual > 0 ? min(1, fraction / dual) : 1)
        }
    }

    // MARK: Starting point

    /// Mehrotra's starting point: x = Aᵀ(AAᵀ)⁻¹b (least norm), y = (AAᵀ)⁻¹Ac and
    /// z = c − Aᵀy (least squares); bound slacks and duals from these, shifted to be
    /// positive (by 1.5 × their most negative value), then shifted again by
    /// ½ sᵀz / Σz (slacks) and ½ sᵀz / Σs (duals) so that no product is far from the rest.
    /// A boxed column too close to a bound starts at the middle of its box.
    private func startingPoint(_ regularization: inout Double) throws(LinearAlgebraError) {
        let (x, y, sl, zl, su, zu, theta, work) = (x, y, sl, zl, su, zu, theta, step.x)
        let (lower, upper) = (lower, upper)
        for j in 0..<n { theta[j] = 1 }
        try factorWithRetry(&regularization)
        for i in 0..<m { y[i] = b[i] }
        try equations.solve(y)
        a.multiplyTransposed(y, into: x)
        a.multiply(c, into: y)
        try equations.solve(y)
        a.multiplyTransposed(y, into: work)
        var lowestSlack = 0.0, lowestDual = 0.0
        for j in 0..<n {
            let z = c[j] - work[j]
            let hasLow = lower[j] > -.infinity, hasUp = upper[j] < .infinity
            if hasLow && hasUp {
                let width = upper[j] - lower[j]
                x[j] = min(max(x[j], lower[j]), upper[j])
                if min(x[j] - lower[j], upper[j] - x[j]) < 0.05 * width { x[j] = lower[j] + 0.5 * width }
                zl[j] = max(z, 0)
                zu[j] = max(-z, 0)
            } else {
                zl[j] = hasLow ? z : 0
                zu[j] = hasUp ? -z : 0
            }
            if hasLow {
                sl[j] = x[j] - lower[j]
                lowestSlack = min(lowestSlack, sl[j])
                lowestDual = min(lowestDual, zl[j])
            }
            if hasUp {
                su[j] = upper[j] - x[j]
                lowestSlack = min(lowestSlack, su[j])
                lowestDual = min(lowestDual, zu[j])
            }
        }
        var slackShift = max(-1.5 * lowestSlack, 0), dualShift = max(-1.5 * lowestDual, 0)
        var product = 0.0, slackSum = 0.0, dualSum = 0.0
        for j in 0..<n {
            if lower[j] > -.infinity {
                product += (sl[j] + slackShift) * (zl[j] + dualShift)
                slackSum += sl[j] + slackShift
                dualSum += zl[j] + dualShift
            }
            if upper[j] < .infinity {
                product += (su[j] + slackShift) * (zu[j] + dualShift)
                slackSum += su[j] + slackShift
                dualSum += zu[j] + dualShift
            }
        }
        slackShift += dualSum > 0 ? 0.5 * product / dualSum : 0
        dualShift += slackSum > 0 ? 0.5 * product / slackSum : 0
        if slackShift <= 0 { slackShift = 1 }
        if dualShift <= 0 { dualShift = 1 }
        for j in 0..<n {
            let hasLow = lower[j] > -.infinity, hasUp = upper[j] < .infinity
            sl[j] = hasLow ? sl[j] + slackShift : 1
            su[j] = hasUp ? su[j] + slackShift : 1
            zl[j] = hasLow ? zl[j] + dualShift : 0
            zu[j] = hasUp ? zu[j] + dualShift : 0
        }
    }
}
