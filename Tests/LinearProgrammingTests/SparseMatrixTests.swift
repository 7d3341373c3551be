import Testing
@testable import LinearProgramming

/// Triplets in any order become compressed columns with rows ascending, duplicates
/// summed in the order given and zeros (given or summed) dropped.
@Suite struct SparseMatrixTests {
    @Test func tripletsBecomeSortedColumns() {
        let matrix = SparseMatrix(rowCount: 4, columnCount: 3, triplets: [
            (3, 2, 5), (1, 0, 2), (2, 0, 0), (0, 2, 1), (1, 0, 0.5), (2, 2, -1), (2, 2, 1), (0, 0, 4), (3, 0, 7), (1, 2, 0.25),
        ])
        #expect(matrix.columnStarts == [0, 3, 3, 6])
        #expect(matrix.rowIndices == [0, 1, 3, 0, 1, 3])
        #expect(matrix.values == [4, 2.5, 7, 1, 0.25, 5])
    }

    @Test func tripletsOutsideTheColumnsAreIgnored() {
        let matrix = SparseMatrix(rowCount: 2, columnCount: 1, triplets: [(0, 1, 9), (1, 0, 3), (0, -1, 9)])
        #expect(matrix.columnStarts == [0, 1])
        #expect(matrix.rowIndices == [1])
        #expect(matrix.values == [3])
    }
}
