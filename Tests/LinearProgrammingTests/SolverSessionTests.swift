import Testing
@testable import LinearProgramming

/// A session takes the previous solve's setup only when the matrix is the same, and the
/// answers are those of solves without it.
///
/// min x₁ + 2x₂ subject to a·x₁ + x₂ = d, 0 ≤ x₁ ≤ u, 0 ≤ x₂ ≤ 10: the cheap column takes
/// as much as it can, x₁ = min(d/a, u), and the dear one the rest, x₂ = d − a·x₁.
@Suite struct SolverSessionTests {
    static func lp(a: Double, demand: Double, cheapLimit: Double) -> LinearProgram {
        LinearProgram(
            objective: [1, 2],
            matrix: SparseMatrix(rowCount: 1, columnCount: 2, triplets: [(0, 0, a), (0, 1, 1)]),
            rowLower: [demand], rowUpper: [demand], columnLower: [0, 0], columnUpper: [cheapLimit, 10])
    }

    @Test func sameMatrixReusesTheSetupOtherMatricesDoNot() {
        let session = SolverSession()
        let cases: [(lp: LinearProgram, objective: Double, reuses: Int)] = [
            (Self.lp(a: 1, demand: 5, cheapLimit: 3), 3 + 2 * 2, 0),
            (Self.lp(a: 1, demand: 6, cheapLimit: 2), 2 + 2 * 4, 1),
            (Self.lp(a: 2, demand: 5, cheapLimit: 3), 2.5, 1),
            (Self.lp(a: 2, demand: 8, cheapLimit: 3), 3 + 2 * 2, 2),
        ]
        for (lp, objective, reuses) in cases {
            let reused = InteriorPointSolver.solve(lp, session: session)
            let fresh = InteriorPointSolver.solve(lp)
            #expect(reused.status == .optimal)
            #expect(abs(reused.objective - objective) <= 1e-7, "\(reused.objective) ≠ \(objective)")
            #expect(abs(reused.objective - fresh.objective) <= 1e-9)
            #expect(session.reuses == reuses)
        }
    }

    /// An infeasible LP with the kept matrix is reported as such and leaves the setup usable.
    @Test func anInfeasibleSolveKeepsTheSessionUsable() {
        let session = SolverSession()
        _ = InteriorPointSolver.solve(Self.lp(a: 1, demand: 5, cheapLimit: 3), session: session)
        let infeasible = InteriorPointSolver.solve(Self.lp(a: 1, demand: 50, cheapLimit: 3), session: session)
        #expect(infeasible.status == .primalInfeasible)
        let after = InteriorPointSolver.solve(Self.lp(a: 1, demand: 4, cheapLimit: 3), session: session)
        #expect(after.status == .optimal)
        #expect(abs(after.objective - (3 + 2 * 1)) <= 1e-7)
    }
}
