import Foundation
import SyntheticDispatch
import Testing
@testable import LinearProgramming

/// The normal equations of a long banded LP are factored and solved from both ends at
/// once (`NormalEquations.twist`): they must give what dense Cholesky gives, and the same
/// to the last bit on one thread and on two.
@Suite struct TwistedBandTests {
    /// (A Θ Aᵀ + δD) y = r for the synthetic dispatch LP of 168 hours (1 008 rows, a band
    /// of 9 sub-diagonals: twisted), with Θ between 0.5 and 1.5 (so that A Θ Aᵀ is well
    /// conditioned and the two factorisations must agree closely), solved by the banded
    /// and the dense path; y compared row by row in A's own order.
    @Test func twistedBandMatchesDenseCholesky() throws {
        let matrix = SyntheticDispatch.problem(hours: 168, annualLinkingRow: false).matrix
        let m = matrix.rowCount, n = matrix.columnCount
        let stages = SyntheticDispatch.problem(hours: 168, annualLinkingRow: false).rowStages!
        let split = RowOrdering.byStage(stages, matrix)
        let banded = NormalEquations(matrix, bandRows: split.band, borderRows: split.linking, path: .banded)
        let dense = NormalEquations(matrix, bandRows: [], borderRows: Array(0..<m), path: .dense)
        #expect(split.linking.isEmpty && banded.kd < 16 && m >= 8 * (banded.kd + 1))
        func solve(_ equations: NormalEquations, concurrently: Bool) throws -> [Double] {
            let workspace = Workspace()
            let theta = workspace.vector(n)
            for (q, j) in equations.columnOrder.enumerated() { theta[q] = 1 + 0.5 * sin(Double(j)) }
            let r = workspace.vector(m)
            for (p, i) in equations.rowOrder.enumerated() { r[p] = sin(Double(i)) + 2 }
            try equations.factor(theta: UnsafeBufferPointer(theta), regularization: 1e-12, concurrently: concurrently)
            try equations.solve(r, concurrently: concurrently)
            var y = [Double](repeating: 0, count: m)
            for (p, i) in equations.rowOrder.enumerated() { y[i] = r[p] }
            return y
        }
        let one = try solve(banded, concurrently: false), two = try solve(banded, concurrently: true)
        let reference = try solve(dense, concurrently: false)
        #expect(one == two)
        let scale = reference.map(abs).max()!
        let worst = zip(one, reference).map { abs($0 - $1) }.max()!
        #expect(worst <= 1e-11 * scale, "largest difference \(worst) against \(scale)")
    }
}
