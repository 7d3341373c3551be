import SyntheticDispatch
import Testing
@testable import LinearProgramming

/// A column with entries in every hour — a capacity that bounds each hour's output
/// (`SyntheticDispatch.capacityProblem`) — through every path, with the dense column
/// eliminated apart where the path allows.
@Suite struct DenseColumnTests {
    static func solve(_ lp: LinearProgram, _ path: KKTPath) -> LPSolution {
        var options = SolverOptions()
        options.path = path
        return InteriorPointSolver.solve(lp, options: options)
    }

    /// Over 96 hours K = 8.4 GW: 44 hours lie above 8.0 and 35 above 8.4, and a GW of K
    /// costs 160 and saves 4 in each hour above it (44·4 > 160 > 35·4).
    @Test(arguments: [true, false])
    func capacityColumnThroughEveryPath(stages: Bool) {
        let hours = 96, capacity = 8.4
        let lp = SyntheticDispatch.capacityProblem(hours: hours, stages: stages)
        let expected = 160 * capacity + (0..<hours).map { t in
            let load = SyntheticDispatch.capacityLoad(t)
            return min(load, capacity) + 5 * max(load - capacity, 0)
        }.reduce(0, +)
        for path in [KKTPath.automatic, .bordered, .banded, .dense] {
            let s = Self.solve(lp, path)
            #expect(s.status == .optimal, "\(path): \(s.message)")
            #expect(abs(s.objective - expected) <= 1e-8 * expected, "\(path): \(s.objective) against \(expected)")
            #expect(abs(s.x[0] - capacity) < 1e-6, "\(path): K = \(s.x[0])")
        }
        #expect(Self.solve(lp, .automatic).path == .bordered)
    }

    /// Found by span with stages and by count without; a column that is the only entry
    /// of a row stays in the band, and so do columns within a day of stages.
    @Test func findsTheDenseColumns() {
        let lp = SyntheticDispatch.capacityProblem(hours: 96)
        #expect(DenseColumns.find(lp.matrix, stages: lp.rowStages) == [0])
        #expect(DenseColumns.find(lp.matrix, stages: nil) == [0])
        let day = SyntheticDispatch.capacityProblem(hours: 24)
        #expect(DenseColumns.find(day.matrix, stages: day.rowStages).isEmpty)
        // A row holding only K: K alone keeps that row of A Θ Aᵀ nonsingular.
        var triplets: [(row: Int, column: Int, value: Double)] = []
        for j in 0..<lp.columnCount {
            for k in lp.matrix.columnStarts[j]..<lp.matrix.columnStarts[j + 1] { triplets.append((lp.matrix.rowIndices[k], j, lp.matrix.values[k])) }
        }
        triplets.append((lp.rowCount, 0, 1))
        let alone = SparseMatrix(rowCount: lp.rowCount + 1, columnCount: lp.columnCount, triplets: triplets)
        #expect(DenseColumns.find(alone, stages: lp.rowStages! + [95]).isEmpty)
    }
}
