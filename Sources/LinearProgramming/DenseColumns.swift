/// Which columns `PathSelection` takes out of A Θ Aᵀ's band, and A without them.
///
/// One column with entries in rows far apart — an annual capacity that bounds the
/// output of every hour, say — would make A Θ Aᵀ's band as wide as the distance between
/// them, and a column with entries in every row makes A Θ Aᵀ dense. Such a column is
/// left out of the band and of the row ordering and brought back in each solve through
/// a small Schur complement (`DenseColumnBlock`). A column is dense when
/// - with stages: its entries outside linking rows span more than `stageSpan` stages;
/// - without stages: it has at least max(32, m/10) entries outside the long rows (the
///   rule that puts a row in the border);
///
/// and every row it has an entry in also has an entry of a column that stays, so that
/// the normal equations of the other columns remain nonsingular. At most `limit`
/// columns, and at most `limitEntries` values in the m × k blocks the elimination keeps,
/// are taken out; beyond that none are, and the band is as wide as they make it.
enum DenseColumns {
    /// Stages a column may span and stay in the band (a day of hours).
    static let stageSpan = 24
    /// Most dense columns taken out of the band.
    static let limit = 64
    /// Most values of one m × k block (A's dense columns, and M⁻¹ times them): 32 MB.
    static let limitEntries = 4_000_000

    /// The dense columns of `a`, in increasing order: by stage span when `stages` are
    /// given, by count of entries outside `longRows` otherwise.
    static func find(_ a: SparseMatrix, stages: [Int]?, longRows: Set<Int> = []) -> [Int] {
        var candidates: [Int] = []
        for j in 0..<a.columnCount {
            let entries = a.columnStarts[j]..<a.columnStarts[j + 1]
            if let stages {
                var low = Int.max, high = Int.min
                for k in entries where stages[a.rowIndices[k]] != LinearProgram.linking {
                    low = min(low, stages[a.rowIndices[k]])
                    high = max(high, stages[a.rowIndices[k]])
                }
                if high > low, high - low > stageSpan { candidates.append(j) }
            } else {
                let count = entries.count { !longRows.contains(a.rowIndices[$0]) }
                if count >= max(32, a.rowCount / 10) { candidates.append(j) }
            }
        }
        guard !candidates.isEmpty else { return [] }
        var isCandidate = [Bool](repeating: false, count: a.columnCount)
        for j in candidates { isCandidate[j] = true }
        var covered = [Bool](repeating: false, count: a.rowCount)
        for j in 0..<a.columnCount where !isCandidate[j] {
            for k in a.columnStarts[j]..<a.columnStarts[j + 1] { covered[a.rowIndices[k]] = true }
        }
        let dense = candidates.filter { j in (a.columnStarts[j]..<a.columnStarts[j + 1]).allSatisfy { covered[a.rowIndices[$0]] } }
        guard dense.count <= limit, dense.count * a.rowCount <= limitEntries else { return [] }
        return dense
    }

    /// `a` with the entries of `columns` removed (the columns stay, empty).
    static func removing(_ columns: [Int], from a: SparseMatrix) -> SparseMatrix {
        guard !columns.isEmpty else { return a }
        var removed = [Bool](repeating: false, count: a.columnCount)
        for j in columns { removed[j] = true }
        var starts = [0], rows: [Int] = [], values: [Double] = []
        starts.reserveCapacity(a.columnCount + 1)
        rows.reserveCapacity(a.values.count)
        values.reserveCapacity(a.values.count)
        for j in 0..<a.columnCount {
            if !removed[j] {
                rows += a.rowIndices[a.columnStarts[j]..<a.columnStarts[j + 1]]
                values += a.values[a.columnStarts[j]..<a.columnStarts[j + 1]]
            }
            starts.append(rows.count)
        }
        return SparseMatrix(rowCount: a.rowCount, columnCount: a.columnCount, columnStarts: starts, rowIndices: rows, values: values)
    }
}
