import Foundation
import LinearAlgebra

/// The directions of one iteration of `MehrotraIterations`: the factor, the predictor and
/// corrector passes, Gondzio's correctors and the step lengths.
extension MehrotraIterations {
    /// Factors, then finds the step (predictor, corrector, Gondzio's correctors) in
    /// `step` and returns its lengths (α_p, α_d); `residuals(moving:)` takes it.
    func advance(mu: Double, nearEnd: Bool, regularization: inout Double) throws(LinearAlgebraError) -> (Double, Double) {
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
    func predictorPass() -> Predictor {
        pendingPass = .predictor
        ColumnHalves.run(concurrently: concurrently, self)
        halves.addSpill(into: step.y, centring)
        return halfPredictors[0].joined(with: halfPredictors[1])
    }

    /// The predictor pass over `columns`, adding their terms of A Θ ξ̄ to `corrector`
    /// and of A Θ (1/s_l − 1/s_u) to `centring`.
    func predictorColumns(_ columns: Range<Int>, into corrector: UnsafeMutableBufferPointer<Double>,
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
    func correctorPass(shift: Double) -> StepLengths {
        pendingPass = .corrector(shift: shift)
        ColumnHalves.run(concurrently: concurrently, self)
        return halfLengths[0].joined(with: halfLengths[1])
    }

    /// The corrector pass over `columns`.
    func correctorColumns(_ columns: Range<Int>, shift: Double) -> StepLengths {
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
    func gondzio(target: Double, _ alphaP: Double, _ alphaD: Double, fraction: Double) throws(LinearAlgebraError) -> (Double, Double)? {
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
    func solveNormal(_ r: UnsafeMutableBufferPointer<Double>, concurrently: Bool = false) throws(LinearAlgebraError) {
        guard let refinement else { return try equations.solve(r, concurrently: concurrently) }
        try refinement.solve(r, equations: equations, a: a, theta: theta, concurrently: concurrently)
    }

    /// Factors A Θ Aᵀ, raising the regularisation tenfold up to six times on failure
    /// (δ from `dualRegularization`, 10⁻¹³, to 10⁻⁷).
    func factorWithRetry(_ regularization: inout Double) throws(LinearAlgebraError) {
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
    func correction(of base: Direction, into d: Direction, fraction: Double) throws(LinearAlgebraError) -> (Double, Double) {
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
}
