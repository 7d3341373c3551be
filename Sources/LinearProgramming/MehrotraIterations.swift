import Foundation
import LinearAlgebra

/// The iterations of Mehrotra's predictor-corrector method on a `StandardForm`, with
/// every vector allocated once (see `InteriorPointSolver` for the equations).
///
/// Per iteration: residuals; stop if optimal or a certificate of infeasibility holds;
/// factor A Θ Aᵀ; the affine (predictor) direction; the centring parameter
/// σ = (μ_aff / μ)³; the corrector direction with the second-order term Δs_aff ∘ Δz_aff;
/// separate primal and dual steps, 99.5 % of the way to the boundary.
final class MehrotraIterations {
    let options: SolverOptions
    let equations: NormalEquations
    let n: Int, m: Int
    let a: ColumnBuffers
    let b: UnsafeMutableBufferPointer<Double>, c: UnsafeMutableBufferPointer<Double>
    let lower: UnsafeMutableBufferPointer<Double>, upper: UnsafeMutableBufferPointer<Double>
    /// Which columns have a finite lower / upper bound.
    let hasLower: UnsafeMutableBufferPointer<Bool>, hasUpper: UnsafeMutableBufferPointer<Bool>

    let x: UnsafeMutableBufferPointer<Double>, y: UnsafeMutableBufferPointer<Double>
    let sl: UnsafeMutableBufferPointer<Double>, zl: UnsafeMutableBufferPointer<Double>
    let su: UnsafeMutableBufferPointer<Double>, zu: UnsafeMutableBufferPointer<Double>
    /// b − A x and c − Aᵀy − z_l + z_u at the current iterate (read by `Certificate`).
    let rp: UnsafeMutableBufferPointer<Double>, rd: UnsafeMutableBufferPointer<Double>
    private let theta: UnsafeMutableBufferPointer<Double>, rl: UnsafeMutableBufferPointer<Double>
    private let ru: UnsafeMutableBufferPointer<Double>, xi: UnsafeMutableBufferPointer<Double>
    private let dx: UnsafeMutableBufferPointer<Double>, dy: UnsafeMutableBufferPointer<Double>
    private let dsl: UnsafeMutableBufferPointer<Double>, dzl: UnsafeMutableBufferPointer<Double>
    private let dsu: UnsafeMutableBufferPointer<Double>, dzu: UnsafeMutableBufferPointer<Double>
    private let kl: UnsafeMutableBufferPointer<Double>, ku: UnsafeMutableBufferPointer<Double>
    private let workspace = Workspace()
    private let bNorm: Double, cNorm: Double, boundNorm: Double

    /// Primal regularisation ρ (scaled units) and the normal equations' starting δ.
    static let primalRegularization = 1e-10
    static let dualRegularization = 1e-13

    struct Outcome {
        var status: SolverStatus
        var message: String
        var iterations: Int
        var residuals: (Double, Double, Double)
    }

    init(form: StandardForm, equations: NormalEquations, options: SolverOptions) {
        self.equations = equations
        self.options = options
        n = form.c.count
        m = form.b.count
        let w = workspace
        a = ColumnBuffers(form.matrix, in: w)
        (b, c, lower, upper) = (w.copy(form.b), w.copy(form.c), w.copy(form.lower), w.copy(form.upper))
        hasLower = w.copy(form.lower.map { $0 > -1e20 })
        hasUpper = w.copy(form.upper.map { $0 < 1e20 })
        (x, y, sl, zl, su, zu) = (w.vector(n), w.vector(m), w.vector(n), w.vector(n), w.vector(n), w.vector(n))
        (theta, rp, rd, rl, ru, xi) = (w.vector(n), w.vector(m), w.vector(n), w.vector(n), w.vector(n), w.vector(n))
        (dx, dy, dsl, dzl, dsu, dzu) = (w.vector(n), w.vector(m), w.vector(n), w.vector(n), w.vector(n), w.vector(n))
        (kl, ku) = (w.vector(n), w.vector(n))
        bNorm = form.b.map(abs).max() ?? 0
        cNorm = form.c.map(abs).max() ?? 0
        var bounds = 0.0
        for j in 0..<n {
            if lower[j] > -1e20 { bounds = max(bounds, abs(lower[j])) }
            if upper[j] < 1e20 { bounds = max(bounds, abs(upper[j])) }
        }
        boundNorm = bounds
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
                try step(mu: mu, regularization: &regularization)
            } catch {
                return Outcome(status: .numericalTrouble, message: "the normal equations could not be factored: \(error)", iterations: iteration, residuals: measures)
            }
        }
    }

    // MARK: Residuals

    /// rp = b − A x, rd = c − Aᵀy − z_l + z_u, r_l = l + s_l − x, r_u = u − s_u − x;
    /// returns the relative primal and dual infeasibility, the relative gap and μ.
    private func residuals() -> (Double, Double, Double, Double) {
        a.multiply(x, into: rp)
        var primal = 0.0
        for i in 0..<m {
            rp[i] = b[i] - rp[i]
            primal = max(primal, abs(rp[i]))
        }
        a.multiplyTransposed(y, into: rd)
        var dual = 0.0, bounds = 0.0, complementarity = 0.0, pairs = 0
        var primalObjective = 0.0, dualObjective = 0.0
        for i in 0..<m { dualObjective += b[i] * y[i] }
        for j in 0..<n {
            rd[j] = c[j] - rd[j]
            primalObjective += c[j] * x[j]
            if hasLower[j] {
                rd[j] -= zl[j]
                rl[j] = lower[j] + sl[j] - x[j]
                bounds = max(bounds, abs(rl[j]))
                complementarity += sl[j] * zl[j]
                dualObjective += lower[j] * zl[j]
                pairs += 1
            }
            if hasUpper[j] {
                rd[j] += zu[j]
                ru[j] = upper[j] - su[j] - x[j]
                bounds = max(bounds, abs(ru[j]))
                complementarity += su[j] * zu[j]
                dualObjective -= upper[j] * zu[j]
                pairs += 1
            }
            dual = max(dual, abs(rd[j]))
        }
        let relativePrimal = max(primal / (1 + bNorm), bounds / (1 + boundNorm))
        let relativeGap = abs(primalObjective - dualObjective) / (1 + abs(primalObjective))
        return (relativePrimal, dual / (1 + cNorm), relativeGap, pairs > 0 ? complementarity / Double(pairs) : 0)
    }

    // MARK: Directions

    private func step(mu: Double, regularization: inout Double) throws(LinearAlgebraError) {
        for j in 0..<n {
            var d = Self.primalRegularization
            if hasLower[j] { d += zl[j] / sl[j] }
            if hasUpper[j] { d += zu[j] / su[j] }
            theta[j] = 1 / d
        }
        try factorWithRetry(&regularization)
        // Predictor: σ = 0, no second-order term.
        for j in 0..<n {
            kl[j] = hasLower[j] ? -sl[j] * zl[j] : 0
            ku[j] = hasUpper[j] ? -su[j] * zu[j] : 0
        }
        try direction()
        let (ap, ad) = stepLengths(fraction: 1)
        var affine = 0.0, pairs = 0
        for j in 0..<n {
            if hasLower[j] {
                affine += (sl[j] + ap * dsl[j]) * (zl[j] + ad * dzl[j])
                pairs += 1
            }
            if hasUpper[j] {
                affine += (su[j] + ap * dsu[j]) * (zu[j] + ad * dzu[j])
                pairs += 1
            }
        }
        let muAffine = pairs > 0 ? affine / Double(pairs) : 0
        let sigma = mu > 0 ? min(1, pow(muAffine / mu, 3)) : 0
        // Corrector: centring σμ and the second-order term.
        for j in 0..<n {
            kl[j] = hasLower[j] ? sigma * mu - sl[j] * zl[j] - dsl[j] * dzl[j] : 0
            ku[j] = hasUpper[j] ? sigma * mu - su[j] * zu[j] - dsu[j] * dzu[j] : 0
        }
        try direction()
        let (alphaP, alphaD) = stepLengths(fraction: 0.995)
        for j in 0..<n {
            x[j] += alphaP * dx[j]
            if hasLower[j] {
                sl[j] += alphaP * dsl[j]
                zl[j] += alphaD * dzl[j]
            }
            if hasUpper[j] {
                su[j] += alphaP * dsu[j]
                zu[j] += alphaD * dzu[j]
            }
        }
        for i in 0..<m { y[i] += alphaD * dy[i] }
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
    private func direction() throws(LinearAlgebraError) {
        for j in 0..<n {
            var value = rd[j]
            if hasLower[j] { value -= (kl[j] + zl[j] * rl[j]) / sl[j] }
            if hasUpper[j] { value += (ku[j] - zu[j] * ru[j]) / su[j] }
            xi[j] = value
            dx[j] = theta[j] * value
        }
        a.multiply(dx, into: dy)
        for i in 0..<m { dy[i] += rp[i] }
        try equations.solve(dy)
        a.multiplyTransposed(dy, into: dx)
        for j in 0..<n {
            dx[j] = theta[j] * (dx[j] - xi[j])
            if hasLower[j] {
                dsl[j] = dx[j] - rl[j]
                dzl[j] = (kl[j] - zl[j] * dsl[j]) / sl[j]
            }
            if hasUpper[j] {
                dsu[j] = ru[j] - dx[j]
                dzu[j] = (ku[j] - zu[j] * dsu[j]) / su[j]
            }
        }
    }

    /// Largest primal and dual steps (at most 1) keeping slacks and duals positive, times `fraction`.
    private func stepLengths(fraction: Double) -> (Double, Double) {
        var primal = 1.0, dual = 1.0
        for j in 0..<n {
            if hasLower[j] {
                if dsl[j] < 0 { primal = min(primal, -fraction * sl[j] / dsl[j]) }
                if dzl[j] < 0 { dual = min(dual, -fraction * zl[j] / dzl[j]) }
            }
            if hasUpper[j] {
                if dsu[j] < 0 { primal = min(primal, -fraction * su[j] / dsu[j]) }
                if dzu[j] < 0 { dual = min(dual, -fraction * zu[j] / dzu[j]) }
            }
        }
        return (primal, dual)
    }

    // MARK: Starting point

    /// Mehrotra's starting point: x = Aᵀ(AAᵀ)⁻¹b (least norm), y = (AAᵀ)⁻¹Ac and
    /// z = c − Aᵀy (least squares); bound slacks and duals from these, shifted to be
    /// positive (by 1.5 × their most negative value), then shifted again by
    /// ½ sᵀz / Σz (slacks) and ½ sᵀz / Σs (duals) so that no product is far from the rest.
    private func startingPoint(_ regularization: inout Double) throws(LinearAlgebraError) {
        for j in 0..<n { theta[j] = 1 }
        try factorWithRetry(&regularization)
        for i in 0..<m { y[i] = b[i] }
        try equations.solve(y)
        a.multiplyTransposed(y, into: x)
        a.multiply(c, into: y)
        try equations.solve(y)
        a.multiplyTransposed(y, into: dx)
        var lowestSlack = 0.0, lowestDual = 0.0
        for j in 0..<n {
            let z = c[j] - dx[j]
            if hasLower[j] && hasUpper[j] {
                let width = upper[j] - lower[j]
                x[j] = min(max(x[j], lower[j]), upper[j])
                sl[j] = x[j] - lower[j]
                su[j] = upper[j] - x[j]
                if min(sl[j], su[j]) < 0.05 * width {
                    x[j] = lower[j] + 0.5 * width
                    sl[j] = 0.5 * width
                    su[j] = 0.5 * width
                }
                zl[j] = max(z, 0)
                zu[j] = max(-z, 0)
            } else if hasLower[j] {
                sl[j] = x[j] - lower[j]
                zl[j] = z
            } else if hasUpper[j] {
                su[j] = upper[j] - x[j]
                zu[j] = -z
            }
            if hasLower[j] {
                lowestSlack = min(lowestSlack, sl[j])
                lowestDual = min(lowestDual, zl[j])
            }
            if hasUpper[j] {
                lowestSlack = min(lowestSlack, su[j])
                lowestDual = min(lowestDual, zu[j])
            }
        }
        var slackShift = max(-1.5 * lowestSlack, 0), dualShift = max(-1.5 * lowestDual, 0)
        var product = 0.0, slackSum = 0.0, dualSum = 0.0
        for j in 0..<n {
            if hasLower[j] {
                product += (sl[j] + slackShift) * (zl[j] + dualShift)
                slackSum += sl[j] + slackShift
                dualSum += zl[j] + dualShift
            }
            if hasUpper[j] {
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
            if hasLower[j] {
                sl[j] += slackShift
                zl[j] += dualShift
            }
            if hasUpper[j] {
                su[j] += slackShift
                zu[j] += dualShift
            }
        }
    }
}
