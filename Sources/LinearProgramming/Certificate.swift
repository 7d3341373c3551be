/// Infeasibility found from the iterates (Farkas' lemma), so that an infeasible or
/// unbounded LP is reported as such instead of running into the iteration limit.
///
/// - **Primal infeasible**: (y, z_l, z_u ≥ 0) with Aᵀy + z_l − z_u = 0 and
///   bᵀy + lᵀz_l − uᵀz_u > 0 proves that no x satisfies the rows and bounds: any such x
///   would give 0 = (Aᵀy + z_l − z_u)ᵀx ≥ bᵀy + lᵀz_l − uᵀz_u. The dual iterates diverge
///   along such a ray; with d = bᵀy + lᵀz_l − uᵀz_u and the residual
///   Aᵀy + z_l − z_u = c − r_d, the ray is accepted when
///   ‖c − r_d‖₁ (1 + ‖x‖∞) < 10⁻³ d, which a feasible problem cannot meet near its
///   optimum (there d ≤ ‖c − r_d‖₁ ‖x*‖∞).
/// - **Dual infeasible** (unbounded): a direction x̂ with A x̂ = 0, inside the bounds'
///   recession cone and cᵀx̂ < 0. The primal iterates diverge along it; it is accepted
///   when −cᵀx exceeds 10³ (1 + ‖A x‖₁ + n·‖bounds‖∞)(1 + ‖y‖∞ + ‖z‖∞), which bounds
///   what any dual feasible point could make of x.
/// Both are checked only while the corresponding feasibility has not been reached.
enum Certificate {
    /// Reads the residuals of the current iterate: with r_d = c − Aᵀy − z_l + z_u and
    /// r_p = b − A x, the ray residual is c − r_d and the activity b − r_p.
    static func check(_ state: MehrotraIterations) -> (status: SolverStatus, message: String)? {
        var rayResidual = 0.0, rayObjective = 0.0, primalObjective = 0.0, xNorm = 0.0, zNorm = 0.0
        var activity = 0.0, boundTerms = 0.0, yNorm = 0.0
        for i in 0..<state.m {
            rayObjective += state.b[i] * state.y[i]
            activity += abs(state.b[i] - state.rp[i])
            yNorm = max(yNorm, abs(state.y[i]))
        }
        for j in 0..<state.n {
            rayResidual += abs(state.c[j] - state.rd[j])
            rayObjective += state.lower[j] * state.zl[j] - state.upper[j] * state.zu[j]
            zNorm = max(zNorm, state.zl[j], state.zu[j])
            boundTerms = max(boundTerms, abs(state.lower[j]), abs(state.upper[j]))
            primalObjective += state.c[j] * state.x[j]
            xNorm = max(xNorm, abs(state.x[j]))
        }
        if rayObjective > 1e6, rayResidual * (1 + xNorm) < 1e-3 * rayObjective {
            return (.primalInfeasible, "primal infeasible: the dual iterates follow a ray proving that no point satisfies the rows and bounds")
        }
        let scale = (1 + activity + Double(state.n) * boundTerms) * (1 + yNorm + zNorm)
        if xNorm > 1e6, -primalObjective > 1e3 * scale {
            return (.dualInfeasible, "dual infeasible: the primal iterates follow a direction along which the objective decreases without bound")
        }
        return nil
    }
}
