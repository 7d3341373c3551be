import Testing
@testable import LinearProgramming

/// Geometric scaling by powers of two, worked by hand.
@Suite struct ScalingTests {
    /// [[16, 4], [4, 1]]: the first pass divides row 0 by √(16·4) = 8 and row 1 by
    /// √(4·1) = 2, leaving [[2, 0.5], [2, 0.5]]; then column 0 by 2 and column 1 by 0.5,
    /// leaving all ones, which the second pass leaves as they are.
    @Test func rankOneMatrixScalesToOnes() {
        let a = SparseMatrix(rowCount: 2, columnCount: 2, triplets: [(0, 0, 16), (0, 1, 4), (1, 0, 4), (1, 1, 1)])
        let (rows, columns) = Scaling.geometric(a)
        #expect(rows == [0.125, 0.5])
        #expect(columns == [0.5, 2])
    }

    /// Entries within a factor √2 of one another around 1 round to factors of 1: such a
    /// matrix (a dispatch LP's, written in GW and GWh) is a fixed point from the start.
    @Test func scaledMatrixKeepsUnitFactors() {
        let a = SparseMatrix(rowCount: 3, columnCount: 3, triplets: [(0, 0, 0.9), (0, 1, -1.2), (1, 1, 1), (1, 2, -0.8), (2, 0, 1.1), (2, 2, 0.95)])
        let (rows, columns) = Scaling.geometric(a)
        #expect(rows == [1, 1, 1])
        #expect(columns == [1, 1, 1])
    }
}
