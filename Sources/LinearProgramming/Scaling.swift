import Foundation

/// Row and column scaling of a sparse matrix toward entries of unit size: a few passes
/// that divide each row, then each column, by the geometric mean of its largest and
/// smallest absolute entry, √(max·min). Factors are rounded to powers of two so that
/// scaling adds no rounding error. Returns R and C with the scaled matrix R A C.
enum Scaling {
    static func geometric(_ a: SparseMatrix, passes: Int = 6) -> (rows: [Double], columns: [Double]) {
        var rows = [Double](repeating: 1, count: a.rowCount), columns = [Double](repeating: 1, count: a.columnCount)
        var rowMax = [Double](repeating: 0, count: a.rowCount), rowMin = [Double](repeating: .infinity, count: a.rowCount)
        for _ in 0..<passes {
            for i in 0..<a.rowCount {
                rowMax[i] = 0
                rowMin[i] = .infinity
            }
            for j in 0..<a.columnCount {
                for k in a.columnStarts[j]..<a.columnStarts[j + 1] {
                    let value = abs(a.values[k]) * rows[a.rowIndices[k]] * columns[j]
                    rowMax[a.rowIndices[k]] = max(rowMax[a.rowIndices[k]], value)
                    rowMin[a.rowIndices[k]] = min(rowMin[a.rowIndices[k]], value)
                }
            }
            for i in 0..<a.rowCount where rowMax[i] > 0 { rows[i] *= powerOfTwo(1 / (rowMax[i] * rowMin[i]).squareRoot()) }
            for j in 0..<a.columnCount {
                var high = 0.0, low = Double.infinity
                for k in a.columnStarts[j]..<a.columnStarts[j + 1] {
                    let value = abs(a.values[k]) * rows[a.rowIndices[k]] * columns[j]
                    high = max(high, value)
                    low = min(low, value)
                }
                if high > 0 { columns[j] *= powerOfTwo(1 / (high * low).squareRoot()) }
            }
        }
        return (rows, columns)
    }

    /// The power of two nearest to `value` (in the logarithm).
    static func powerOfTwo(_ value: Double) -> Double {
        exp2(log2(value).rounded())
    }
}
