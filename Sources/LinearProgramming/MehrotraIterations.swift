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
/// A column without a lower bound carries s_l = 1, z_l = 0 and mask 0 (likewise for
/// upper bounds), so every loop runs over all columns without branches. All vectors are
/// workspace buffers, allocated once.
///
/// A one-year dispatch LP has some 150 000 columns, so its 30-odd column vectors do not
/// fit in cache and each pass over one costs main-memory bandwidth: the loops are fused
/// so that an iteration makes as few passes as it can. The residual pass also forms Θ,
/// 1/s and the predictor's targets; a direction's last pass also finds its step lengths;
/// the complementarity targets k = σμ + k̄ are kept as k̄ plus a scalar shift.
final class MehrotraIterations {
    let options: SolverOptions
    let equations: NormalEquations
    let n: Int, m: Int
    let a: ColumnBuffers
    let b: UnsafeMutableBufferPointer<Double>, c: UnsafeMutableBufferPointer<Double>
    /// Bounds, 0 where infinite; masks 1 where the bound is finite, else 0.
    let lower: UnsafeMutableBufferPointer<Double>, upper: UnsafeMutableBufferPointer<Double>
    let hasLower: UnsafeMutableBufferPointer<Double>, hasUpper: UnsafeMutableBufferPointer<Double>

    let x: UnsafeMutableBufferPointer<Double>, y: UnsafeMutableBufferPointer<Double>
    let sl: UnsafeMutableBufferPointer<Double>, zl: UnsafeMutableBufferPointer<Double>
    let su: UnsafeMutableBufferPointer<Double>, zu: UnsafeMutableBufferPointer<Double>
    /// b − A x and c − Aᵀy − z_l + z_u at the current iterate (read by `Certificate`).
    let rp: UnsafeMutableBufferPointer<Double>, rd: UnsafeMutableBufferPointer<Double>
    private let rl: UnsafeMutableBufferPointer<Double>, ru: UnsafeMutableBufferPointer<Double>
    private let theta: UnsafeMutableBufferPointer<Double>, xi: UnsafeMutableBufferPointer<Double>
    private let inverseSl: UnsafeMutableBufferPointer<Double>, inverseSu: UnsafeMutableBufferPointer<Double>
    private let kl: UnsafeMutableBufferPointer<Double>, ku: UnsafeMutableBufferPointer<Double>
    private var step: Direction, trial: Direction
    private let workspace = Workspace()
    private let bNorm: Double, cNorm: Double, boundNorm: Double, pairs: Double

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

    /// One search direction (Δx, Δy, Δs_l, Δz_l, Δs_u, Δz_u).
    struct Direction {
        let x, y, sl, zl, su, zu: UnsafeMutableBufferPointer<Double>

        init(n: Int, m: Int, _ w: Workspace) {
            (x, y, sl, zl, su, zu) = (w.vector(n), w.vector(m), w.vector(n), w.vector(n), w.vector(n), w.vector(n))
        }
    }

    init(form: StandardForm, equations: NormalEquations, options: SolverOptions) {
        self.equations = equations
        self.options = options
        n = form.c.count
        m = form.b.count
        let w = workspace
        a = ColumnBuffers(form.matrix, in: w)
        (b, c) = (w.copy(form.b), w.copy(form.c))
        lower = w.copy(form.lower.map { $0 > -1e20 ? $0 : 0 })
        upper = w.copy(form.upper.map { $0 < 1e20 ? $0 : 0 })
        hasLower = w.copy(form.lower.map { $0 > -1e20 ? 1 : 0 })
        hasUpper = w.copy(form.upper.map { $0 < 1e20 ? 1 : 0 })
        (x, y, sl, zl, su, zu) = (w.vector(n), w.vector(m), w.vector(n, 1), w.vector(n), w.vector(n, 1), w.vector(n))
        (rp, rd, rl, ru) = (w.vector(m), w.vector(n), w.vector(n), w.vector(n))
        (theta, xi, inverseSl, inverseSu, kl, ku) = (w.vector(n), w.vector(n), w.vector(n), w.vector(n), w.vector(n), w.vector(n))
        step = Direction(n: n, m: m, w)
        trial = Direction(n: n, m: m, w)
        bNorm = form.b.map(abs).max() ?? 0
        cNorm = form.c.map(abs).max() ?? 0
        var bounds = 0.0, count = 0.0
        for j in 0..<n {
            bounds = max(bounds, abs(lower[j]), abs(upper[j]))
            count += hasLower[j] + hasUpper[j]
        }
        boundNorm = bounds
        pairs = max(count, 1)
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
        while true {
            let state = residuals()
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
                try advance(mu: state.mu, nearEnd: merit < 1e-6, regularization: &regularization)
            } catch {
                return Outcome(status: .numericalTrouble, message: "the normal equations could not be factored: \(error)", iterations: iteration, residuals: measures)
            }
        }
    }

    // MARK: Residuals

    /// One pass over the rows and one over the columns: r_p = b − A x,
    /// r_d = c − Aᵀy − z_l + z_u, r_l = l + s_l − x, r_u = u − s_u − x (masked), the
    /// `Measures`, and for the Newton system of this iterate 1/s_l, 1/s_u,
    /// Θ = (ρ + z_l/s_l + z_u/s_u)⁻¹ and the predictor's targets k̄ = −s∘z.
    private func residuals() -> Measures {
        let (x, y, sl, zl, su, zu, rp, rd, rl, ru) = (x, y, sl, zl, su, zu, rp, rd, rl, ru)
        let (b, c, lower, upper, hasLower, hasUpper) = (b, c, lower, upper, hasLower, hasUpper)
        let (theta, inverseSl, inverseSu, kl, ku) = (theta, inverseSl, inverseSu, kl, ku)
        var state = Measures()
        a.multiply(x, into: rp)
        var primal = 0.0
        for i in 0..<m {
            state.activity += abs(rp[i])
            rp[i] = b[i] - rp[i]
            primal = max(primal, abs(rp[i]))
            state.dualObjective += b[i] * y[i]
            state.yNorm = max(state.yNorm, abs(y[i]))
        }
        a.multiplyTransposed(y, into: rd)
        var dual = 0.0, bounds = 0.0, complementarity = 0.0, primalObjective = 0.0, dualObjective = 0.0
        var rayResidual = 0.0, xNorm = 0.0, zNorm = 0.0
        for j in 0..<n {
            let (xj, sLow, zLow, sUp, zUp) = (x[j], sl[j], zl[j], su[j], zu[j])
            let ray = rd[j] + zLow - zUp
            let dualResidual = c[j] - ray
            rd[j] = dualResidual
            let lowResidual = hasLower[j] * (lower[j] + sLow - xj)
            let upResidual = hasUpper[j] * (upper[j] - sUp - xj)
            rl[j] = lowResidual
            ru[j] = upResidual
            primalObjective += c[j] * xj
            dualObjective += lower[j] * zLow - upper[j] * zUp
            complementarity += sLow * zLow + sUp * zUp
            bounds = max(bounds, abs(lowResidual), abs(upResidual))
            dual = max(dual, abs(dualResidual))
            rayResidual += abs(ray)
            xNorm = max(xNorm, abs(xj))
            zNorm = max(zNorm, zLow, zUp)
            let inverseLow = 1 / sLow, inverseUp = 1 / sUp
            inverseSl[j] = inverseLow
            inverseSu[j] = inverseUp
            theta[j] = 1 / (Self.primalRegularization + zLow * inverseLow + zUp * inverseUp)
            kl[j] = -sLow * zLow
            ku[j] = -sUp * zUp
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

    private func advance(mu: Double, nearEnd: Bool, regularization: inout Double) throws(LinearAlgebraError) {
        try factorWithRetry(&regularization)
        // Predictor: σ = 0, no second-order term (k̄ = −s∘z from the residual pass).
        let (ap, ad) = try direction(step, shift: 0, residuals: true, fraction: 1)
        let muAffine = secondOrderTargets(ap, ad) / pairs
        let sigma = mu > 0 ? min(1, pow(muAffine / mu, 3)) : 0
        // Corrector: centring σμ and the second-order term.
        let fraction = nearEnd ? 0.999 : 0.995
        var (alphaP, alphaD) = try direction(step, shift: sigma * mu, residuals: true, fraction: fraction)
        for _ in 0..<options.correctors where min(alphaP, alphaD) < 0.9 {
            guard let improved = try gondzio(target: sigma * mu, alphaP, alphaD, fraction: fraction) else { break }
            (alphaP, alphaD) = improved
        }
        let (x, y, sl, zl, su, zu, s) = (x, y, sl, zl, su, zu, step)
        for j in 0..<n {
            x[j] += alphaP * s.x[j]
            sl[j] += alphaP * s.sl[j]
            su[j] += alphaP * s.su[j]
            zl[j] += alphaD * s.zl[j]
            zu[j] += alphaD * s.zu[j]
        }
        for i in 0..<m { y[i] += alphaD * s.y[i] }
    }

    /// After the predictor: returns Σ (s + α_p Δs)(z + α_d Δz) over all bound pairs and
    /// sets the corrector's targets k̄ = −s∘z − Δs∘Δz (the shift σμ is added later).
    private func secondOrderTargets(_ ap: Double, _ ad: Double) -> Double {
        let (sl, zl, su, zu, kl, ku, d) = (sl, zl, su, zu, kl, ku, step)
        var total = 0.0
        for j in 0..<n {
            let (sLow, zLow, sUp, zUp) = (sl[j], zl[j], su[j], zu[j])
            let (dsl, dzl, dsu, dzu) = (d.sl[j], d.zl[j], d.su[j], d.zu[j])
            total += (sLow + ap * dsl) * (zLow + ad * dzl) + (sUp + ap * dsu) * (zUp + ad * dzu)
            kl[j] = -sLow * zLow - dsl * dzl
            ku[j] = -sUp * zUp - dsu * dzu
        }
        return total
    }

    /// Gondzio's centrality corrector: from the step's trial point with lengthened
    /// steps, the products sᵢzᵢ outside [0.1 σμ, 10 σμ] are pulled back into it by one
    /// more solve with the same factor. Returns the new step lengths, or nil (and the
    /// step unchanged) when they do not improve by 1 %.
    private func gondzio(target: Double, _ alphaP: Double, _ alphaD: Double, fraction: Double) throws(LinearAlgebraError) -> (Double, Double)? {
        let (sl, zl, su, zu, hasLower, hasUpper, kl, ku, s) = (sl, zl, su, zu, hasLower, hasUpper, kl, ku, step)
        let tryP = min(1, 1.5 * alphaP + 0.1), tryD = min(1, 1.5 * alphaD + 0.1)
        let low = 0.1 * target, high = 10 * target
        for j in 0..<n {
            let vl = (sl[j] + tryP * s.sl[j]) * (zl[j] + tryD * s.zl[j])
            let vu = (su[j] + tryP * s.su[j]) * (zu[j] + tryD * s.zu[j])
            kl[j] = hasLower[j] * (vl < low ? low - vl : vl > high ? max(-high, high - vl) : 0)
            ku[j] = hasUpper[j] * (vu < low ? low - vu : vu > high ? max(-high, high - vu) : 0)
        }
        let (newP, newD) = try direction(trial, shift: 0, residuals: false, fraction: fraction, adding: step)
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

    /// The Newton direction for complementarity targets k_l = k̄_l + shift (where the
    /// lower bound is finite; likewise k_u), written to `d`:
    /// ξ = r_d − (k_l + z_l r_l)/s_l + (k_u − z_u r_u)/s_u,
    /// (A Θ Aᵀ) Δy = r_p + A Θ ξ, Δx = Θ (AᵀΔy − ξ), Δs_l = Δx − r_l, Δs_u = r_u − Δx,
    /// Δz_l = (k_l − z_l Δs_l)/s_l, Δz_u = (k_u − z_u Δs_u)/s_u.
    /// Without `residuals`, r_p, r_d, r_l and r_u are taken as zero (a pure corrector).
    /// With `adding`, that direction is added to the new one (and `d` holds the sum).
    /// Returns the step lengths of the direction written (see `StepLengths`).
    private func direction(_ d: Direction, shift: Double, residuals: Bool, fraction: Double, adding base: Direction? = nil) throws(LinearAlgebraError) -> (Double, Double) {
        let (zl, zu, rd, rl, ru, rp, theta, xi) = (zl, zu, rd, rl, ru, rp, theta, xi)
        let (inverseSl, inverseSu, kl, ku, hasLower, hasUpper) = (inverseSl, inverseSu, kl, ku, hasLower, hasUpper)
        let r = residuals ? 1.0 : 0.0
        for j in 0..<n {
            let targetLow = kl[j] + shift * hasLower[j], targetUp = ku[j] + shift * hasUpper[j]
            let value = r * rd[j] - (targetLow + r * zl[j] * rl[j]) * inverseSl[j] + (targetUp - r * zu[j] * ru[j]) * inverseSu[j]
            xi[j] = value
            d.x[j] = theta[j] * value
        }
        a.multiply(d.x, into: d.y)
        for i in 0..<m { d.y[i] += r * rp[i] }
        try equations.solve(d.y)
        a.multiplyTransposed(d.y, into: d.x)
        let (inverseZl, inverseZu) = (Double.leastNormalMagnitude, Double.leastNormalMagnitude)
        @inline(__always) func newton(_ j: Int) -> (Double, Double, Double, Double, Double) {
            let dx = theta[j] * (d.x[j] - xi[j])
            let dsl = hasLower[j] * (dx - r * rl[j])
            let dsu = hasUpper[j] * (r * ru[j] - dx)
            let dzl = (kl[j] + shift * hasLower[j] - zl[j] * dsl) * inverseSl[j]
            let dzu = (ku[j] + shift * hasUpper[j] - zu[j] * dsu) * inverseSu[j]
            return (dx, dsl, dsu, dzl, dzu)
        }
        var lengths = StepLengths()
        if let base {
            for i in 0..<m { d.y[i] += base.y[i] }
            for j in 0..<n {
                let (dx, dsl, dsu, dzl, dzu) = newton(j)
                let (x, sLow, sUp, zLow, zUp) = (dx + base.x[j], dsl + base.sl[j], dsu + base.su[j], dzl + base.zl[j], dzu + base.zu[j])
                (d.x[j], d.sl[j], d.su[j], d.zl[j], d.zu[j]) = (x, sLow, sUp, zLow, zUp)
                lengths.include(sLow * inverseSl[j], sUp * inverseSu[j], zLow / (zl[j] + inverseZl), zUp / (zu[j] + inverseZu))
            }
        } else {
            for j in 0..<n {
                let (dx, dsl, dsu, dzl, dzu) = newton(j)
                (d.x[j], d.sl[j], d.su[j], d.zl[j], d.zu[j]) = (dx, dsl, dsu, dzl, dzu)
                lengths.include(dsl * inverseSl[j], dsu * inverseSu[j], dzl / (zl[j] + inverseZl), dzu / (zu[j] + inverseZu))
            }
        }
        return lengths.scaled(by: fraction)
    }

    /// The longest steps that keep s + α Δs ≥ 0 (primal) and z + α Δz ≥ 0 (dual): with
    /// w = max(0, maxᵢ −Δsᵢ/sᵢ), α = 1/w. Taking the largest relative decrease instead of
    /// the smallest ratio −s/Δs needs no branch, and 1/s is at hand; a missing bound's
    /// Δs = Δz = 0 (with z = 0 divided by z + the smallest normal double) adds nothing.
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
        let (lower, upper, hasLower, hasUpper) = (lower, upper, hasLower, hasUpper)
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
            if hasLower[j] == 1 && hasUpper[j] == 1 {
                let width = upper[j] - lower[j]
                x[j] = min(max(x[j], lower[j]), upper[j])
                if min(x[j] - lower[j], upper[j] - x[j]) < 0.05 * width { x[j] = lower[j] + 0.5 * width }
                zl[j] = max(z, 0)
                zu[j] = max(-z, 0)
            } else {
                zl[j] = hasLower[j] * z
                zu[j] = -hasUpper[j] * z
            }
            if hasLower[j] == 1 {
                sl[j] = x[j] - lower[j]
                lowestSlack = min(lowestSlack, sl[j])
                lowestDual = min(lowestDual, zl[j])
            }
            if hasUpper[j] == 1 {
                su[j] = upper[j] - x[j]
                lowestSlack = min(lowestSlack, su[j])
                lowestDual = min(lowestDual, zu[j])
            }
        }
        var slackShift = max(-1.5 * lowestSlack, 0), dualShift = max(-1.5 * lowestDual, 0)
        var product = 0.0, slackSum = 0.0, dualSum = 0.0
        for j in 0..<n {
            if hasLower[j] == 1 {
                product += (sl[j] + slackShift) * (zl[j] + dualShift)
                slackSum += sl[j] + slackShift
                dualSum += zl[j] + dualShift
            }
            if hasUpper[j] == 1 {
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
            sl[j] = hasLower[j] == 1 ? sl[j] + slackShift : 1
            su[j] = hasUpper[j] == 1 ? su[j] + slackShift : 1
            zl[j] = hasLower[j] * (zl[j] + dualShift)
            zu[j] = hasUpper[j] * (zu[j] + dualShift)
        }
    }
}
