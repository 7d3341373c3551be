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
///   what any dual feasible point could make of x; or, since the dual iterates may
///   diverge too (a ray through an inequality row), when the direction x̂ = x/‖x‖∞ is
///   itself the certificate: ‖x‖∞ > 10⁶ (1 + ‖b‖∞ + ‖bounds‖∞), so that A x̂ (≈ b/‖x‖)
///   and the bounds' pull on x̂ are below 10⁻⁶, and −cᵀx̂ > 10⁻³ (1 + ‖c‖∞).
/// Both are checked only while the corresponding feasibility has not been reached.
enum Certificate {
    /// Reads the residual pass's measures of the current iterate over `columns` columns.
    static func check(_ state: MehrotraIterations.Measures, columns: Int) -> (status: SolverStatus, message: String)? {
        if state.dualObjective > 1e6, state.rayResidual * (1 + state.xNorm) < 1e-3 * state.dualObjective {
            return (.primalInfeasible, "the dual iterates follow a ray proving that no point satisfies the rows and bounds")
        }
        let scale = (1 + state.activity + Double(columns) * state.boundNorm) * (1 + state.yNorm + state.zNorm)
        let direction = state.xNorm > 1e6 * (1 + state.bNorm + state.boundNorm) && -state.primalObjective > 1e-3 * (1 + state.cNorm) * state.xNorm
        if state.xNorm > 1e6, -state.primalObjective > 1e3 * scale || direction {
            return (.dualInfeasible, "the primal iterates follow a direction along which the objective improves without bound")
        }
        return nil
    }
}
