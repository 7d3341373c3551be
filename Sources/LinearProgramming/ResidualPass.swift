/// The residual pass of `MehrotraIterations`: the step taken, the residuals and measures
/// of the new iterate, and what its Newton system needs (Θ, 1/s, ξ₀, the predictor's
/// right-hand side).
extension MehrotraIterations {
    /// With `moving` = (α_p, α_d), first takes the step in `step`: x += α_p Δx,
    /// s_l += α_p (Δx − r_b), s_u += α_p (−r_b − Δx) (where the bound is finite),
    /// y += α_d Δy, z += α_d Δz, and r_b ← (1 − α_p) r_b. Then one pass over the columns and
    /// one over the rows: r_p = b − A x, r_d = c − Aᵀy − z_l + z_u, the `Measures` (with
    /// the true bound residuals l + s_l − x and u − s_u − x), and for the Newton system of
    /// this iterate 1/s_l, 1/s_u (0 where missing), Θ = (ρ + z_l/s_l + z_u/s_u)⁻¹,
    /// ξ₀ = r_d − z_l r_b/s_l + z_u r_b/s_u and the predictor's right-hand side
    /// r_p + A Θ ξ_aff with ξ_aff = ξ₀ + z_l − z_u, in `predictorY`.
    func residuals(moving: (Double, Double)?) -> Measures {
        let (y, rp, predictorY, b, s) = (y, rp, predictorY, b, step)
        let (alphaP, alphaD) = moving ?? (0, 0)
        let stepResidual = boundResidual
        if moving != nil {
            for i in 0..<m { y[i] += alphaD * s.y[i] }
            boundResidual *= 1 - alphaP
        }
        let step = ResidualStep(alphaP: alphaP, alphaD: alphaD, boundResidual: stepResidual, taken: moving != nil)
        pendingPass = .residual(step)
        ColumnHalves.run(concurrently: concurrently, self)
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
    func residualColumns(_ columns: Range<Int>, _ step: ResidualStep, into activity: UnsafeMutableBufferPointer<Double>,
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
}
