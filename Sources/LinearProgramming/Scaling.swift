/// Row and column scaling of a sparse matrix toward entries of unit size: a few passes
/// that divide each row, then each column, by the geometric mean of its largest and
/// smallest absolute entry, √(max·min). Factors are rounded to powers of two so that
/// scaling adds no rounding error. A pass that changes no factor is a fixed point —
/// every later pass would repeat it — so the passes stop there: a dispatch LP written in
/// GW, GWh and million yuan is scaled already, and its first pass changes nothing (the
/// five more took 7 ms of a one-year LP's setup). Returns R and C with the scaled matrix
/// R A C.
enum Scaling {
    static func geometric(_ a: SparseMatrix, passes: Int = 6) -> (rows: [Double], columns: [Double]) {
        let w = Workspace()
        let rows = w.vector(a.rowCount, 1), columns = w.vector(a.columnCount, 1)
        let rowMax = w.vector(a.rowCount), rowMin = w.vector(a.rowCount)
        a.columnStarts.withUnsafeBufferPointer { starts in
            a.rowIndices.withUnsafeBufferPointer { indices in
                a.values.withUnsafeBufferPointer { values in
                    for _ in 0..<passes {
                        var changed = false
                        for i in rowMax.indices {
                            rowMax[i] = 0
                            rowMin[i] = .infinity
                        }
                        for j in columns.indices {
                            for k in starts[j]..<starts[j + 1] {
                                let i = indices[k], value = abs(values[k]) * rows[i] * columns[j]
                                rowMax[i] = max(rowMax[i], value)
                                rowMin[i] = min(rowMin[i], value)
                            }
                        }
                        for i in rows.indices where rowMax[i] > 0 {
                            let factor = powerOfTwo(1 / (rowMax[i] * rowMin[i]).squareRoot())
                            if factor != 1 { changed = true }
                            rows[i] *= factor
                        }
                        for j in columns.indices {
                            var high = 0.0, low = Double.infinity
                            for k in starts[j]..<starts[j + 1] {
                                let value = abs(values[k]) * rows[indices[k]] * columns[j]
                                high = max(high, value)
                                low = min(low, value)
                            }
                            if high > 0 {
                                let factor = powerOfTwo(1 / (high * low).squareRoot())
                                if factor != 1 { changed = true }
                                columns[j] *= factor
                            }
                        }
                        if !changed { break }
                    }
                }
            }
        }
        return (Array(rows), Array(columns))
    }

    /// The power of two nearest to `value` in the logarithm, exactly: for value = s·2ᵉ with
    /// s in [1, 2), 2ᵉ⁺¹ when s > √2 (s ≥ 1.4142135623730951, the double just above √2),
    /// else 2ᵉ. Adding 2⁵² minus that double's significand bits to a normal value carries
    /// into the exponent field just then; clearing the significand leaves the power
    /// (infinity past the largest double). Subnormals are scaled into the normal range
    /// first; zero, infinity and NaN are returned as they are.
    static func powerOfTwo(_ value: Double) -> Double {
        guard value.isFinite, value > 0 else { return value }
        let normal = value.isNormal ? value : value * 0x1p52
        let carry = 1 << 52 - (1.4142135623730951 as Double).significandBitPattern
        let power = Double(bitPattern: (normal.bitPattern &+ carry) & ~(1 << 52 - 1))
        return value.isNormal ? power : power * 0x1p-52
    }
}
