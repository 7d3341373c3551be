import Testing
@testable import LinearProgramming

/// A column with entries in every hour — a capacity that bounds each hour's output —
/// through every path, with the dense column eliminated apart where the path allows.
@Suite struct DenseColumnTests {
    /// Over `hours`, a base unit g_t (1 a GWh) up to a capacity K (160 for the horizon)
    /// and a peaker p_t (5 a GWh): g_t + p_t = load_t and g_t − K ≤ 0, with
    /// load_t = 6 + 0.4·((7t) mod 11). A GW more of K saves 4 in every hour whose load is
    /// above K: over 96 hours 44 hours lie above 8.0 and 35 above 8.4, so K = 8.4
    /// (44·4 > 160 > 35·4).
    static func capacityLP(hours: Int, stages: Bool) -> LinearProgram {
        var triplets: [(row: Int, column: Int, value: Double)] = []
        var c: [Double] = [160], rl: [Double] = [], ru: [Double] = [], rowStage: [Int] = [], columnStage: [Int] = [0]
        for t in 0..<hours {
            let g = c.count, p = g + 1, balance = rl.count, capacity = balance + 1
            c += [1, 5]
            columnStage += [t, t]
            triplets += [(balance, g, 1), (balance, p, 1), (capacity, g, 1), (capacity, 0, -1)]
            rl += [load(t), -.infinity]
            ru += [load(t), 0]
            rowStage += [t, t]
        }
        return LinearProgram(
            objective: c, matrix: SparseMatrix(rowCount: rl.count, columnCount: c.count, triplets: triplets),
            rowLower: rl, rowUpper: ru, columnLower: c.map { _ in 0 }, columnUpper: c.map { _ in .infinity },
            rowStages: stages ? rowStage : nil, columnStages: stages ? columnStage : nil)
    }

    static func load(_ t: Int) -> Double { 6 + 0.4 * Double((7 * t) % 11) }

    static func solve(_ lp: LinearProgram, _ path: KKTPath) -> LPSolution {
        var options = SolverOptions()
        options.path = path
        return InteriorPointSolver.solve(lp, options: options)
    }

    @Test(arguments: [true, false])
    func capacityColumnThroughEveryPath(stages: Bool) {
        let hours = 96, capacity = 8.4
        let lp = Self.capacityLP(hours: hours, stages: stages)
        let expected = 160 * capacity + (0..<hours).map { t in
            let load = Self.load(t)
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
        let lp = Self.capacityLP(hours: 96, stages: true)
        #expect(DenseColumns.find(lp.matrix, stages: lp.rowStages) == [0])
        #expect(DenseColumns.find(lp.matrix, stages: nil) == [0])
        let day = Self.capacityLP(hours: 24, stages: true)
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
