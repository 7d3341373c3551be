import LinearAlgebra

/// Mehrotra's starting point for `MehrotraIterations`.
extension MehrotraIterations {
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
    func startingPoint(_ regularization: inout Double) throws(LinearAlgebraError) {
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
