/// Chooses how to split the rows for `NormalEquations` (see `KKTPath`):
/// - with stages: rows ordered by stage; rows of stage `LinearProgram.linking` go to
///   the border (bordered path), or at the end of the band when the banded path is forced;
/// - without stages: rows with at least max(32, m/10) entries (an annual budget read from
///   MPS, say) form the border and the others are ordered by reverse Cuthill–McKee;
///   banded (or bordered, with long rows) when the band is narrow — at most a quarter of
///   the rows wide — dense when the problem is small (`denseLimit` rows), otherwise an
///   error naming the band it found.
/// On the bordered and automatic paths, dense columns (`DenseColumns`) are left out of
/// the ordering and the band and eliminated apart (`DenseColumnBlock`); the path is then
/// reported as bordered.
enum PathSelection {
    /// Band storage above this many doubles (200 MB) is refused.
    static let bandLimit = 25_000_000

    /// The most pairs of rows that share a column (Σ over columns of c(c + 1)/2, c its
    /// entries), which A Θ Aᵀ's structure and the rows' ordering store, some 20 bytes each:
    /// 50 million, 1 GB. A column in 100 000 equality rows asked for 80 GB before any other
    /// check (the row graph of reverse Cuthill–McKee), and 300 full columns of 3 000 rows
    /// for 27 GB (the dense path's pair lists): both ended in a failed allocation.
    static let pairLimit = 50_000_000

    /// The refusal of a matrix with more than `pairLimit` pairs, or nil.
    static func pairProblem(_ a: SparseMatrix, path: KKTPath) -> SelectionError? {
        var pairs = 0, longest = 0
        for j in 0..<a.columnCount {
            let c = a.columnStarts[j + 1] - a.columnStarts[j]
            longest = max(longest, c)
            pairs += c * (c + 1) / 2
            if pairs > pairLimit {
                return SelectionError(message: "the \(path.rawValue) path would pair more than \(pairLimit) rows through shared columns (a column has entries in \(longest) rows or more): "
                    + "more than 1 GB for the normal equations' structure")
            }
        }
        return nil
    }

    static func make(_ a: SparseMatrix, stages: [Int]?, options: SolverOptions) -> Result<NormalEquations, SelectionError> {
        let m = a.rowCount
        guard a.values.count < Int(Int32.max) else {
            return .failure(SelectionError(message: "this LP has \(a.values.count) nonzeros; the solver indexes them with 32 bits, so at most \(Int32.max - 1)"))
        }
        let all = Array(0..<m)
        switch options.path {
        case .dense:
            guard m <= options.denseLimit else { return .failure(SelectionError(message: "the dense path is limited to \(options.denseLimit) rows; this LP has \(m) in the solver's form of it, rows found redundant dropped (--path automatic chooses a path that fits)")) }
            if let problem = pairProblem(a, path: .dense) { return .failure(problem) }
            return .success(NormalEquations(a, bandRows: [], borderRows: all, path: .dense))
        case .banded:
            if let problem = pairProblem(a, path: .banded) { return .failure(problem) }
            let order = stages.map { RowOrdering.byStage($0, a) }.map { $0.band + $0.linking } ?? RowOrdering.reverseCuthillMcKee(a)
            return checked(a, band: order, border: [], path: .banded, forced: true)
        case .bordered:
            if let stages {
                let dense = DenseSplit(a, stages: stages)
                if let problem = pairProblem(dense.rest, path: .bordered) { return .failure(problem) }
                let split = RowOrdering.byStage(stages, dense.rest)
                return checked(dense, band: split.band, border: split.linking, path: .bordered, forced: true)
            }
            let long = longRows(a)
            let dense = DenseSplit(a, longRows: long)
            if let problem = pairProblem(dense.rest, path: .bordered) { return .failure(problem) }
            return checked(dense, band: RowOrdering.reverseCuthillMcKee(dense.rest, excluding: long), border: long.sorted(), path: .bordered, forced: true)
        case .automatic:
            if let stages {
                let dense = DenseSplit(a, stages: stages)
                if let problem = pairProblem(dense.rest, path: .automatic) { return .failure(problem) }
                let split = RowOrdering.byStage(stages, dense.rest)
                return checked(dense, band: split.band, border: split.linking, path: split.linking.isEmpty && dense.columns.isEmpty ? .banded : .bordered, forced: false)
            }
            let long = longRows(a)
            let dense = DenseSplit(a, longRows: long)
            if let problem = pairProblem(dense.rest, path: .automatic) { return .failure(problem) }
            let order = RowOrdering.reverseCuthillMcKee(dense.rest, excluding: long)
            let kd = bandwidth(dense.rest, order: order)
            if (kd + 1) * 4 <= m, (kd + 1) * m <= bandLimit, long.count <= options.denseLimit {
                return .success(NormalEquations(dense.rest, bandRows: order, borderRows: long.sorted(),
                                                path: long.isEmpty && dense.columns.isEmpty ? .banded : .bordered, denseColumns: dense.entries))
            }
            if m <= options.denseLimit {
                if let problem = pairProblem(a, path: .dense) { return .failure(problem) }
                return .success(NormalEquations(a, bandRows: [], borderRows: all, path: .dense))
            }
            return .failure(SelectionError(message: """
                this LP has \(m) rows and no stage information; reordering its rows left a band \(kd + 1) wide, \
                too wide for the banded path, and it is above the dense path's limit of \(options.denseLimit) rows
                """))
        }
    }

    private static func checked(_ a: SparseMatrix, band: [Int], border: [Int], path: KKTPath, forced: Bool) -> Result<NormalEquations, SelectionError> {
        checked(DenseSplit(a), band: band, border: border, path: path, forced: forced)
    }

    /// The normal equations of `split` with these rows in the band and the border, or the
    /// refusal of a band above `bandLimit`; `forced` when `--path` asked for `path`, so
    /// that the refusal says the automatic choice may fit.
    private static func checked(_ split: DenseSplit, band: [Int], border: [Int], path: KKTPath, forced: Bool) -> Result<NormalEquations, SelectionError> {
        let kd = bandwidth(split.rest, order: band)
        guard NormalEquations.storageBytes(bandRows: band.count, borderRows: border.count, kd: kd, denseColumns: split.columns.count) <= 8 * bandLimit else {
            let hint = forced ? " (--path automatic chooses a path that fits)" : ""
            return .failure(SelectionError(message: "the \(path.rawValue) path would need a band \(kd + 1) wide over \(band.count) rows and a border of \(border.count) rows: more than 200 MB\(hint)"))
        }
        return .success(NormalEquations(split.rest, bandRows: band, borderRows: border, path: path, denseColumns: split.entries))
    }

    /// A's dense columns (`DenseColumns`) and A without them.
    struct DenseSplit {
        let columns: [Int]
        /// A with the dense columns emptied: what the ordering and the band see.
        let rest: SparseMatrix
        /// The dense columns' entries (row, value), for `DenseColumnBlock`.
        let entries: [(column: Int, entries: [(row: Int, value: Double)])]

        /// No dense columns.
        init(_ a: SparseMatrix) {
            (columns, rest, entries) = ([], a, [])
        }

        init(_ a: SparseMatrix, stages: [Int]? = nil, longRows: Set<Int> = []) {
            columns = DenseColumns.find(a, stages: stages, longRows: longRows)
            rest = DenseColumns.removing(columns, from: a)
            entries = columns.map { j in (j, (a.columnStarts[j]..<a.columnStarts[j + 1]).map { (a.rowIndices[$0], a.values[$0]) }) }
        }
    }

    /// Sub-diagonals of A Aᵀ with the rows in `order` (rows not in `order` ignored).
    static func bandwidth(_ a: SparseMatrix, order: [Int]) -> Int {
        var position = [Int](repeating: -1, count: a.rowCount)
        for (p, row) in order.enumerated() { position[row] = p }
        var width = 0
        for j in 0..<a.columnCount {
            var low = Int.max, high = -1
            for k in a.columnStarts[j]..<a.columnStarts[j + 1] where position[a.rowIndices[k]] >= 0 {
                low = min(low, position[a.rowIndices[k]])
                high = max(high, position[a.rowIndices[k]])
            }
            if high >= 0 { width = max(width, high - low) }
        }
        return width
    }

    /// Rows with at least max(32, m/10) entries.
    static func longRows(_ a: SparseMatrix) -> Set<Int> {
        var length = [Int](repeating: 0, count: a.rowCount)
        for k in a.rowIndices.indices { length[a.rowIndices[k]] += 1 }
        return Set((0..<a.rowCount).filter { length[$0] >= max(32, a.rowCount / 10) })
    }

    struct SelectionError: Error {
        let message: String
    }
}
