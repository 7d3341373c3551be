/// The problem as the interior-point iterations see it:
///
///     minimise cᵀx  subject to  A x = b,  l ≤ x ≤ u
///
/// built from a `LinearProgram` by
/// 1. turning a maximisation into a minimisation (c ← −c);
/// 2. removing fixed columns (l = u), moving their terms into the row bounds and the
///    objective constant;
/// 3. removing free rows (both bounds infinite), inequality rows the column bounds
///    alone satisfy (`droppedRows`), and rows left empty (checking that 0 lies within
///    their bounds, else the problem is infeasible);
/// 4. removing columns left in no row, each at the bound its cost prefers;
/// 5. keeping equality rows as they are and giving every other row a slack column s
///    with A x − s = 0 and the row's bounds as the slack's bounds — bounds stay bounds;
/// 6. scaling rows and columns by powers of two toward unit geometric means
///    (`Scaling`), so that x = C x̃ and the rows are R A C.
/// `recover` maps a point of this form back to the original problem.
struct StandardForm {
    var matrix: SparseMatrix
    var b: [Double]
    var c: [Double]
    var lower: [Double]
    var upper: [Double]
    /// Stage of each row (nil when the problem has none).
    var rowStages: [Int]?
    /// Row scale (R) and column scale (C) factors.
    var rowScale: [Double]
    var columnScale: [Double]
    /// `matrix` before scaling.
    let unscaledMatrix: SparseMatrix

    /// Original column j is internal column `columnIndex[j]`, or removed with value `removedValue[j]`.
    let columnIndex: [Int]
    let removedValue: [Double]
    /// Original row i is internal row `rowIndex[i]`, or −1 when removed.
    let rowIndex: [Int]
    /// ±1: the sign that turns the original objective into a minimisation.
    let sign: Double

    enum Outcome {
        case form(StandardForm)
        case infeasible(String)
        case unbounded(String)
    }

    /// `previous` holds the unscaled matrix and scale factors of an earlier form; when this
    /// form's matrix equals it, its factors are taken instead of computed again.
    static func build(_ lp: LinearProgram, previous: Scaled? = nil) -> Outcome {
        let m = lp.rowCount, n = lp.columnCount, a = lp.matrix
        let sign = lp.sense == .maximize ? -1.0 : 1.0
        var columnIndex = [Int](repeating: -1, count: n), removedValue = [Double](repeating: 0, count: n)
        var offset = [Double](repeating: 0, count: m), rowLength = [Int](repeating: 0, count: m)
        let fixed = (0..<n).map { lp.columnLower[$0] == lp.columnUpper[$0] }
        for j in 0..<n where fixed[j] {
            removedValue[j] = lp.columnLower[j]
            for k in a.columnStarts[j]..<a.columnStarts[j + 1] { offset[a.rowIndices[k]] += a.values[k] * removedValue[j] }
        }
        let dropped = droppedRows(lp, fixed: fixed, offset: offset)
        var kept: [Int] = []
        kept.reserveCapacity(n)
        for j in 0..<n where !fixed[j] {
            let l = lp.columnLower[j], u = lp.columnUpper[j], cj = sign * lp.objective[j]
            let entries = a.columnStarts[j]..<a.columnStarts[j + 1]
            if entries.contains(where: { !dropped[a.rowIndices[$0]] }) {
                columnIndex[j] = kept.count
                kept.append(j)
                for k in entries { rowLength[a.rowIndices[k]] += 1 }
                continue
            }
            if cj > 0 {
                guard l.isFinite else { return .unbounded("column \(lp.columnNames[j]) appears in no row that limits it and improves the objective without bound") }
                removedValue[j] = l
            } else if cj < 0 {
                guard u.isFinite else { return .unbounded("column \(lp.columnNames[j]) appears in no row that limits it and improves the objective without bound") }
                removedValue[j] = u
            } else {
                removedValue[j] = min(max(0, l), u)
            }
        }
        var rowIndex = [Int](repeating: -1, count: m)
        var b: [Double] = [], stages: [Int] = [], slackRows: [Int] = []
        var slackLower: [Double] = [], slackUpper: [Double] = []
        b.reserveCapacity(m)
        stages.reserveCapacity(m)
        let rowStages = lp.rowStages
        for i in 0..<m {
            // A dropped row holds for any column values within their bounds, so also for
            // those of the columns removed because they were left in dropped rows only.
            if dropped[i] { continue }
            let lo = lp.rowLower[i] - offset[i], hi = lp.rowUpper[i] - offset[i]
            if rowLength[i] == 0 {
                let tolerance = 1e-9 * (1 + abs(offset[i]))
                if lo > tolerance || hi < -tolerance {
                    return .infeasible("row \(lp.rowNames[i]) has no free columns left and its bounds [\(lp.rowLower[i]), \(lp.rowUpper[i])] exclude \(offset[i])")
                }
                continue
            }
            rowIndex[i] = b.count
            stages.append(rowStages?[i] ?? 0)
            if lo == hi {
                b.append(lo)
            } else {
                b.append(0)
                slackRows.append(b.count - 1)
                slackLower.append(lo)
                slackUpper.append(hi)
            }
        }
        var starts = [0], rows: [Int] = [], values: [Double] = []
        starts.reserveCapacity(kept.count + slackRows.count + 1)
        rows.reserveCapacity(a.values.count + slackRows.count)
        values.reserveCapacity(a.values.count + slackRows.count)
        for j in kept {
            for k in a.columnStarts[j]..<a.columnStarts[j + 1] where rowIndex[a.rowIndices[k]] >= 0 {
                rows.append(rowIndex[a.rowIndices[k]])
                values.append(a.values[k])
            }
            starts.append(rows.count)
        }
        for row in slackRows {
            rows.append(row)
            values.append(-1)
            starts.append(rows.count)
        }
        let c = kept.map { sign * lp.objective[$0] } + [Double](repeating: 0, count: slackRows.count)
        let lower = kept.map { lp.columnLower[$0] } + slackLower, upper = kept.map { lp.columnUpper[$0] } + slackUpper
        let matrix = SparseMatrix(rowCount: b.count, columnCount: c.count, columnStarts: starts, rowIndices: rows, values: values)
        var form = StandardForm(
            matrix: matrix, b: b, c: c, lower: lower, upper: upper, rowStages: lp.rowStages == nil ? nil : stages,
            rowScale: [Double](repeating: 1, count: b.count), columnScale: [Double](repeating: 1, count: c.count), unscaledMatrix: matrix,
            columnIndex: columnIndex, removedValue: removedValue, rowIndex: rowIndex, sign: sign)
        form.scale(previous: previous)
        return .form(form)
    }

    /// The rows that limit nothing: free rows (both bounds infinite) and inequality rows
    /// that the column bounds alone keep within their bounds. With the fixed columns'
    /// terms (`offset`) moved to the row bounds [r_l, r_u], row i's activity over the other
    /// columns lies within
    ///
    ///     [Σ_{a_ij > 0} a_ij l_j + Σ_{a_ij < 0} a_ij u_j,  Σ_{a_ij > 0} a_ij u_j + Σ_{a_ij < 0} a_ij l_j]
    ///
    /// and when that interval lies inside [r_l, r_u] the row is redundant: a dispatch LP's
    /// ramp rows, for one, when a unit's ramp limit exceeds the width of its output range.
    /// Such a row would only add a slack column and a row to every iteration; its dual is 0.
    /// Equality rows are never dropped here (rows left without columns are checked later).
    private static func droppedRows(_ lp: LinearProgram, fixed: [Bool], offset: [Double]) -> [Bool] {
        let a = lp.matrix
        var least = [Double](repeating: 0, count: lp.rowCount), most = least
        for j in 0..<lp.columnCount where !fixed[j] {
            let l = lp.columnLower[j], u = lp.columnUpper[j]
            for k in a.columnStarts[j]..<a.columnStarts[j + 1] where a.values[k] != 0 {
                let i = a.rowIndices[k], v = a.values[k]
                least[i] += v > 0 ? v * l : v * u
                most[i] += v > 0 ? v * u : v * l
            }
        }
        return (0..<lp.rowCount).map { i in
            let lo = lp.rowLower[i] - offset[i], hi = lp.rowUpper[i] - offset[i]
            if lo == -.infinity && hi == .infinity { return true }
            return lo != hi && least[i] >= lo && most[i] <= hi
        }
    }

    /// A matrix before scaling and its scale factors.
    struct Scaled {
        var matrix: SparseMatrix
        var rows: [Double], columns: [Double]
    }

    /// The matrix before scaling, with the factors applied to it: what a later solve with
    /// the same matrix can take (`SolverSession`).
    var scaled: Scaled { Scaled(matrix: unscaledMatrix, rows: rowScale, columns: columnScale) }

    /// Whether the scale factors came from `previous` (its matrix is this one's).
    private(set) var reusedScaling = false

    /// Scales rows and columns (see `Scaling`, or `previous` when its matrix is this one)
    /// and applies the factors to b, c and the bounds.
    private mutating func scale(previous: Scaled?) {
        if let previous, previous.matrix == matrix {
            (rowScale, columnScale, reusedScaling) = (previous.rows, previous.columns, true)
        } else {
            (rowScale, columnScale) = Scaling.geometric(matrix)
        }
        let (rowScale, columnScale, starts, rows) = (rowScale, columnScale, matrix.columnStarts, matrix.rowIndices)
        matrix.values.withUnsafeMutableBufferPointer { values in
            for j in columnScale.indices {
                for k in starts[j]..<starts[j + 1] { values[k] *= rowScale[rows[k]] * columnScale[j] }
            }
        }
        for j in c.indices {
            c[j] *= columnScale[j]
            lower[j] /= columnScale[j]
            upper[j] /= columnScale[j]
        }
        for i in b.indices { b[i] *= rowScale[i] }
    }

    /// The original problem's column values and row duals from an internal point (x, y).
    func recover(x: [Double], y: [Double], originalRows: Int) -> (x: [Double], rowDuals: [Double]) {
        var original = removedValue
        for (j, index) in columnIndex.enumerated() where index >= 0 { original[j] = x[index] * columnScale[index] }
        var duals = [Double](repeating: 0, count: originalRows)
        for (i, index) in rowIndex.enumerated() where index >= 0 { duals[i] = sign * y[index] * rowScale[index] }
        return (original, duals)
    }
}
