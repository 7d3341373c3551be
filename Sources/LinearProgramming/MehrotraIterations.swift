import Foundation
import LinearAlgebra

/// The iterations of Mehrotra's predictor-corrector method with Gondzio's centrality
/// correctors on a `StandardForm` (see `InteriorPointSolver` for the equations).
///
/// Per iteration: residuals; stop if optimal or a certificate of infeasibility holds;
/// factor A Θ Aᵀ; the affine (predictor) direction; the centring parameter
/// σ = (μ_aff / μ)³; the corrector direction with the second-order term Δs_aff ∘ Δz_aff;
/// up to two Gondzio correctors, each kept only if it lengthens the step by 1 %; separate
/// primal and dual steps, 99.5 % of the way to the boundary (99.9 % near the end).
///
/// A column without a lower bound carries s_l = 1, z_l = 0 and mask 0 (likewise for
/// upper bounds), so every loop runs over all columns without branches. All vectors are
/// workspace buffers, allocated once.
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
    private let step: Direction, trial: Direction
    private let workspace = Workspace()
    private let bNorm: Double, cNorm: Double, boundNorm: Double, pairs: Double

    /// Primal regularisation ρ (scaled units) and the normal equations' starting δ.
    static let primalRegularization = 1e-10
    static let dualRegularization = 1e-13

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
            let (primal, dual, gap, mu) = residuals()
            let measures = (primal, dual, gap)
            if primal <= options.primalTolerance, dual <= options.dualTolerance, gap <= options.gapTolerance {
                return Outcome(status: .optimal, message: "relative primal and dual infeasibility and gap within tolerance", iterations: iteration, residuals: measures)
            }
            if let certificate = Certificate.check(self) {
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
                try advance(mu: mu, nearEnd: merit < 1e-6, regularization: &regularization)
            } catch {
                return Outcome(status: .numericalTrouble, message: "the normal equations could not be factored: \(error)", iterations: iteration, residuals: measures)
            }
        }
    }

    // MARK: Residuals

    /// rp = b − A x, rd = c − Aᵀy − z_l + z_u, r_l = l + s_l − x, r_u = u − s_u − x (masked);
    /// returns the relative primal and dual infeasibility, the relative gap and μ.
    private func residuals() -> (Double, Double, Double, Double) {
        let (x, y, sl, zl, su, zu, rp, rd, rl, ru) = (x, y, sl, zl, su, zu, rp, rd, rl, ru)
        let (b, c, lower, upper, hasLower, hasUpper) = (b, c, lower, upper, hasLower, hasUpper)
        a.multiply(x, into: rp)
        var primal = 0.0, dualObjective = 0.0
        for i in 0..<m {
            rp[i] = b[i] - rp[i]
            primal = max(primal, abs(rp[i]))
            dualObjective += b[i] * y[i]
        }
        a.multiplyTransposed(y, into: rd)
        var dual = 0.0, bounds = 0.0, complementarity = 0.0, primalObjective = 0.0
        for j in 0..<n {
            rd[j] = c[j] - rd[j] - zl[j] + zu[j]
            rl[j] = hasLower[j] * (lower[j] + sl[j] - x[j])
            ru[j] = hasUpper[j] * (upper[j] - su[j] - x[j])
            primalObjective += c[j] * x[j]
            dualObjective += lower[j] * zl[j] - upper[j] * zu[j]
            complementarity += sl[j] * zl[j] + su[j] * zu[j]
            bounds = max(bounds, abs(rl[j]), abs(ru[j]))
            dual = max(dual, abs(rd[j]))
        }
        let relativePrimal = max(primal / (1 + bNorm), bounds / (1 + boundNorm))
        let relativeGap = abs(primalObjective - dualObjective) / (1 + abs(primalObjective))
        return (relativePrimal, dual / (1 + cNorm), relativeGap, complementarity / pairs)
    }

    // MARK: Directions

    private func advance(mu: Double, nearEnd: Bool, regularization: inout Double) throws(LinearAlgebraError) {
        let (sl, zl, su, zu, hasLower, hasUpper) = (sl, zl, su, zu, hasLower, hasUpper)
        let (theta, inverseSl, inverseSu, kl, ku) = (theta, inverseSl, inverseSu, kl, ku)
        for j in 0..<n {
            inverseSl[j] = 1 / sl[j]
            inverseSu[j] = 1 / su[j]
            theta[j] = 1 / (Self.primalRegularization + zl[j] * inverseSl[j] + zu[j] * inverseSu[j])
        }
        try factorWithRetry(&regularization)
        // Predictor: σ = 0, no second-order term.
        for j in 0..<n {
            kl[j] = -sl[j] * zl[j]
            ku[j] = -su[j] * zu[j]
        }
        try direction(step, residuals: true)
        let (ap, ad) = stepLengths(step, fraction: 1)
        let muAffine = complementarity(after: step, ap, ad) / pairs
        let sigma = mu > 0 ? min(1, pow(muAffine / mu, 3)) : 0
        // Corrector: centring σμ and the second-order term.
        for j in 0..<n {
            kl[j] = hasLower[j] * (sigma * mu - sl[j] * zl[j] - step.sl[j] * step.zl[j])
            ku[j] = hasUpper[j] * (sigma * mu - su[j] * zu[j] - step.su[j] * step.zu[j])
        }
        try direction(step, residuals: true)
        let fraction = nearEnd ? 0.999 : 0.995
        var (alphaP, alphaD) = stepLengths(step, fraction: fraction)
        for _ in 0..<2 where min(alphaP, alphaD) < 0.9 {
            guard let improved = try gondzio(target: sigma * mu, alphaP, alphaD, fraction: fraction) else { break }
            (alphaP, alphaD) = improved
        }
        let (x, y) = (x, y)
        for j in 0..<n {
            x[j] += alphaP * step.x[j]
            sl[j] += alphaP * step.sl[j]
            su[j] += alphaP * step.su[j]
            zl[j] += alphaD * step.zl[j]
            zu[j] += alphaD * step.zu[j]
        }
        for i in 0..<m { y[i] += alphaD * step.y[i] }
    }

    /// Gondzio's centrality corrector: from the step's trial point with lengthened
    /// steps, the products sᵢzᵢ outside [0.1 σμ, 10 σμ] are pulled back into it by one
    /// more solve with the same factor. Returns the new step lengths, or nil (and the
    /// step unchanged) when they do not improve by 1 %.
    private func gondzio(target: Double, _ alphaP: Double, _ alphaD: Double, fraction: Double) throws(LinearAlgebraError) -> (Double, Double)? {
        let (sl, zl, su, zu, hasLower, hasUpper, kl, ku) = (sl, zl, su, zu, hasLower, hasUpper, kl, ku)
        let tryP = min(1, 1.5 * alphaP + 0.1), tryD = min(1, 1.5 * alphaD + 0.1)
        let low = 0.1 * target, high = 10 * target
        for j in 0..<n {
            let vl = (sl[j] + tryP * step.sl[j]) * (zl[j] + tryD * step.zl[j])
            let vu = (su[j] + tryP * step.su[j]) * (zu[j] + tryD * step.zu[j])
            kl[j] = hasLower[j] * (vl < low ? low - vl : vl > high ? max(-high, high - vl) : 0)
            ku[j] = hasUpper[j] * (vu < low ? low - vu : vu > high ? max(-high, high - vu) : 0)
        }
        try direction(trial, residuals: false)
        let (s, t) = (step, trial)
        for j in 0..<n {
            t.x[j] += s.x[j]
            t.sl[j] += s.sl[j]
            t.zl[j] += s.zl[j]
            t.su[j] += s.su[j]
            t.zu[j] += s.zu[j]
        }
        for i in 0..<m { t.y[i] += s.y[i] }
        let (newP, newD) = stepLengths(t, fraction: fraction)
        guard newP + newD >= 1.01 * (alphaP + alphaD) else { return nil }
        for j in 0..<n {
            s.x[j] = t.x[j]
            s.sl[j] = t.sl[j]
            s.zl[j] = t.zl[j]
            s.su[j] = t.su[j]
            s.zu[j] = t.zu[j]
        }
        for i in 0..<m { s.y[i] = t.y[i] }
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

    /// The Newton direction for complementarity targets k_l, k_u (see the type's doc):
    /// ξ = r_d − (k_l + z_l r_l)/s_l + (k_u − z_u r_u)/s_u,
    /// (A Θ Aᵀ) Δy = r_p + A Θ ξ, Δx = Θ (AᵀΔy − ξ), Δs_l = Δx − r_l, Δs_u = r_u − Δx,
    /// Δz_l = (k_l − z_l Δs_l)/s_l, Δz_u = (k_u − z_u Δs_u)/s_u.
    /// Without `residuals`, r_p, r_d, r_l and r_u are taken as zero (a pure corrector).
    private func direction(_ d: Direction, residuals: Bool) throws(LinearAlgebraError) {
        let (zl, zu, rd, rl, ru, rp, theta, xi) = (zl, zu, rd, rl, ru, rp, theta, xi)
        let (inverseSl, inverseSu, kl, ku, hasLower, hasUpper) = (inverseSl, inverseSu, kl, ku, hasLower, hasUpper)
        let r = residuals ? 1.0 : 0.0
        for j in 0..<n {
            let value = r * rd[j] - (kl[j] + r * zl[j] * rl[j]) * inverseSl[j] + (ku[j] - r * zu[j] * ru[j]) * inverseSu[j]
            xi[j] = value
            d.x[j] = theta[j] * value
        }
        a.multiply(d.x, into: d.y)
        for i in 0..<m { d.y[i] += r * rp[i] }
        try equations.solve(d.y)
        a.multiplyTransposed(d.y, into: d.x)
        for j in 0..<n {
            let dx = theta[j] * (d.x[j] - xi[j])
            d.x[j] = dx
            d.sl[j] = hasLower[j] * (dx - r * rl[j])
            d.su[j] = hasUpper[j] * (r * ru[j] - dx)
            d.zl[j] = (kl[j] - zl[j] * d.sl[j]) * inverseSl[j]
            d.zu[j] = (ku[j] - zu[j] * d.su[j]) * inverseSu[j]
        }
    }

    /// Largest primal and dual steps (at most 1) keeping slacks and duals positive, times `fraction`.
    private func stepLengths(_ d: Direction, fraction: Double) -> (Double, Double) {
        let (sl, zl, su, zu) = (sl, zl, su, zu)
        var primal = 1.0, dual = 1.0
        for j in 0..<n {
            primal = min(primal, d.sl[j] < 0 ? -fraction * sl[j] / d.sl[j] : 1, d.su[j] < 0 ? -fraction * su[j] / d.su[j] : 1)
            dual = min(dual, d.zl[j] < 0 ? -fraction * zl[j] / d.zl[j] : 1, d.zu[j] < 0 ? -fraction * zu[j] / d.zu[j] : 1)
        }
        return (primal, dual)
    }

    /// Σ (s + α_p Δs)(z + α_d Δz) over all bound pairs.
    private func complementarity(after d: Direction, _ ap: Double, _ ad: Double) -> Double {
        let (sl, zl, su, zu) = (sl, zl, su, zu)
        var total = 0.0
        for j in 0..<n {
            total += (sl[j] + ap * d.sl[j]) * (zl[j] + ad * d.zl[j]) + (su[j] + ap * d.su[j]) * (zu[j] + ad * d.zu[j])
        }
        return total
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
