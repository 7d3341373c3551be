import LinearAlgebra

/// The normal equations of the interior-point method, (A Θ Aᵀ + δD) Δy = r, for one
/// sparsity pattern and a new diagonal Θ at every iteration.
///
/// The rows are split into a **band** part B (in an order that makes A Θ Aᵀ banded) and
/// a **border** L (rows that couple everything, such as an annual budget). With
///
///     M = [ M_BB  M_BL ]      M_BB banded (kd sub-diagonals), M_LL small and dense,
///         [ M_LB  M_LL ]
///
/// the factorisation is stable block elimination: M_BB = L_B L_Bᵀ by band Cholesky
/// (`BandCholesky` for narrow bands, LAPACK `dpbtrf` for wide ones), W = M_BB⁻¹ M_BL,
/// and the Schur complement
/// S = M_LL − M_LBᵀ W (`dgemm`) by dense Cholesky (`dpotrf`). A solve is then
/// t = M_BB⁻¹ r_B, Δy_L = S⁻¹ (r_L − M_BLᵀ t), Δy_B = t − W Δy_L.
///
/// The three paths are three splits: **banded** (no border), **bordered** (linking rows
/// in the border) and **dense** (every row in the border, so M = S). Dense columns, when
/// `PathSelection` finds any, are left out of M and brought back in each solve by a second
/// small Schur complement (`DenseColumnBlock`). All storage is sized once: `factor` and
/// `solve` allocate nothing, on one thread or two (each fork hands the second thread this
/// object, its `pendingWork` set, as `HalvedWork`).
///
/// The normal equations work in their own order, which the iterations adopt for all their
/// vectors: rows in `rowOrder` (the band in band order, then the border) and columns in
/// `columnOrder`, by their first row in the band. A dispatch LP lists its columns
/// quantity by quantity, each block sweeping the whole band; in this order the
/// iterations' passes walk the rows and the band once, from top to bottom, each part of
/// it touched while it is in cache.
final class NormalEquations {
    let path: KKTPath
    let rowCount: Int
    /// Band rows in band order, and border rows.
    let bandRows: [Int]
    let borderRows: [Int]
    /// Position p of a right-hand side of `solve` is row `rowOrder[p]`: `bandRows`, then `borderRows`.
    var rowOrder: [Int] { bandRows + borderRows }
    /// Position q of `factor`'s Θ is column `columnOrder[q]` of the matrix.
    let columnOrder: [Int]
    /// Sub-diagonals of the band.
    let kd: Int

    /// Band (kd + 1) × |B|, then M_BL (|B| × |L|, column-major), then S (|L| × |L|).
    private let storage: UnsafeMutableBufferPointer<Double>
    private let work: UnsafeMutableBufferPointer<Double>
    private let crossOffset: Int, cornerOffset: Int
    /// A Θ Aᵀ's band storage as a sparse product with Θ: band position e (below
    /// `crossOffset`) is Σ θ_q w_c over c in `bandStarts[e] ..< bandStarts[e + 1]`, with
    /// q = `bandColumn[c]` and w_c = a_k₁ a_k₂ for the pair of entries of column q that
    /// meet there. Each position is written once, from sums that do not depend on each
    /// other, with no zeroing and no read-modify-write; the two ends of a twisted band
    /// are formed on two threads with `concurrently`. (32-bit indices: the band is at
    /// most `PathSelection.bandLimit` positions.)
    private let bandStarts: UnsafeMutableBufferPointer<Int32>, bandColumn: UnsafeMutableBufferPointer<Int32>
    private let bandWeight: UnsafeMutableBufferPointer<Double>
    /// The border's terms (M_BL and the lower triangle of S): θ_q w_c added to position
    /// `borderTarget[c]`, with q = `borderColumn[c]`.
    private let borderTarget: UnsafeMutableBufferPointer<Int32>, borderColumn: UnsafeMutableBufferPointer<Int32>
    private let borderWeight: UnsafeMutableBufferPointer<Double>
    /// Where the diagonal entries are stored: the band's, those before `formSplit` first,
    /// then the border's; `diagonalSplit` band entries lie before `formSplit`.
    private let diagonal: UnsafeMutableBufferPointer<Int>
    private let diagonalSplit: Int
    /// The band position where the second half of forming A Θ Aᵀ starts.
    private let formSplit: Int
    /// 1/d_j of the band factor L D Lᵀ (Swift kernel only).
    private let inverseDiagonal: UnsafeMutableBufferPointer<Double>
    /// A narrow band of enough rows is factored and solved from both ends at once, as
    /// two chains that run side by side (on two threads with `concurrently`): the first
    /// `twist` rows top-down, in band storage with kd columns more, where their updates
    /// of the kd rows after them gather; the other rows bottom-up, stored reversed (so
    /// that the same kernel factors them) from `bottomOffset` on. The kd rows where the two
    /// meet are factored last, once the top part's updates are added to them. Nil: one
    /// chain, top-down.
    private let twist: Int?
    private let bottomOffset: Int
    /// One right-hand side's bottom rows, reversed; and the first failing pivot of each
    /// end (0: none).
    private let reversed: UnsafeMutableBufferPointer<Double>
    private let failedPivot: UnsafeMutableBufferPointer<Int>
    /// The dense columns, nil when there are none.
    private let denseBlock: DenseColumnBlock?
    /// What the last `factor` added to each diagonal entry (δ·(1 + 10⁻³ Mᵢᵢ)), in `rowOrder`:
    /// with it, `NormalRefinement` multiplies by the matrix this factor is of.
    let regularizationAdded: UnsafeMutableBufferPointer<Double>
    private let workspace = Workspace()
    /// What `runHalf` does (`HalvedWork`), set before each fork.
    private var pendingWork = BandWork.idle

    /// Bytes of storage the split needs, to choose a path before building it.
    static func storageBytes(bandRows: Int, borderRows: Int, kd: Int, denseColumns: Int = 0) -> Int {
        let rows = bandRows + borderRows
        return 8 * ((kd + 1) * bandRows + 2 * bandRows * borderRows + borderRows * borderRows + 2 * rows * denseColumns)
    }

    /// The normal equations of `a` — which has no entries in the dense columns — with the
    /// rows split into `bandRows` and `borderRows`; `denseColumns` are the dense columns'
    /// indices and entries (by A's row), to be brought back by `DenseColumnBlock`.
    init(_ a: SparseMatrix, bandRows: [Int], borderRows: [Int], path: KKTPath,
         denseColumns: [(column: Int, entries: [(row: Int, value: Double)])] = []) {
        self.path = path
        rowCount = a.rowCount
        self.bandRows = bandRows
        self.borderRows = borderRows
        var slot = [Int](repeating: 0, count: a.rowCount)
        for (p, row) in bandRows.enumerated() { slot[row] = p }
        for (l, row) in borderRows.enumerated() { slot[row] = -1 - l }
        var width = 0, firstSlot = [Int](repeating: Int.max, count: a.columnCount)
        for j in 0..<a.columnCount {
            let entries = a.columnStarts[j]..<a.columnStarts[j + 1]
            var low = Int.max, high = -1
            for k in entries where slot[a.rowIndices[k]] >= 0 {
                low = min(low, slot[a.rowIndices[k]])
                high = max(high, slot[a.rowIndices[k]])
            }
            if high >= 0 { width = max(width, high - low) }
            firstSlot[j] = low
        }
        // Columns by first band row, then by index (a counting sort; columns without a band
        // entry last).
        var bucketStart = [Int](repeating: 0, count: bandRows.count + 2)
        for j in 0..<a.columnCount { bucketStart[min(firstSlot[j], bandRows.count) + 1] += 1 }
        for b in 0...bandRows.count { bucketStart[b + 1] += bucketStart[b] }
        var order = [Int](repeating: 0, count: a.columnCount)
        for j in 0..<a.columnCount {
            let b = min(firstSlot[j], bandRows.count)
            order[bucketStart[b]] = j
            bucketStart[b] += 1
        }
        kd = width
        let nB = bandRows.count, nL = borderRows.count
        let twist = width <= Self.narrowBand && nB >= 8 * (width + 1) ? nB / 2 : nil
        self.twist = twist
        bottomOffset = (width + 1) * (twist.map { $0 + width } ?? nB)
        crossOffset = bottomOffset + (width + 1) * (nB - (twist ?? nB))
        cornerOffset = crossOffset + nB * nL
        storage = workspace.vector(cornerOffset + nL * nL)
        work = workspace.vector(nB * nL)
        inverseDiagonal = workspace.vector(nB + width)
        reversed = workspace.vector(twist.map { nB - $0 } ?? 0)
        failedPivot = workspace.copy([0, 0])
        let bottomStart = bottomOffset
        /// Where band entry (s1, s2) is stored.
        func bandEntry(_ s1: Int, _ s2: Int) -> Int {
            let (low, high) = (min(s1, s2), max(s1, s2))
            if let twist, low >= twist { return bottomStart + (width + 1) * (nB - 1 - high) + (high - low) }
            return (width + 1) * low + (high - low)
        }
        // Each pair of entries k₁ ≤ k₂ of each column: first its position, then (by a
        // counting sort on the positions) its column's place q in `order` and a_k₁ a_k₂, in
        // the band's lists or the border's. The columns are visited in A's own order, which
        // reads A from start to end (in `order` every column would be a cache miss).
        var targets: [Int32] = []
        targets.reserveCapacity((0..<a.columnCount).reduce(0) { pairs, j in
            let length = a.columnStarts[j + 1] - a.columnStarts[j]
            return pairs + length * (length + 1) / 2
        })
        var place = [Int](repeating: 0, count: a.columnCount)
        for (q, j) in order.enumerated() { place[j] = q }
        denseBlock = denseColumns.isEmpty ? nil : DenseColumnBlock(
            rowCount: a.rowCount, positions: denseColumns.map { place[$0.column] },
            entries: denseColumns.map { column in column.entries.map { (row: slot[$0.row] >= 0 ? slot[$0.row] : nB - 1 - slot[$0.row], value: $0.value) } })
        let starts = workspace.indexVector(crossOffset + 1)
        for j in 0..<a.columnCount {
            let entries = a.columnStarts[j]..<a.columnStarts[j + 1]
            for k1 in entries {
                for k2 in entries where k2 >= k1 {
                    let s1 = slot[a.rowIndices[k1]], s2 = slot[a.rowIndices[k2]]
                    let target: Int
                    switch (s1 >= 0, s2 >= 0) {
                    case (true, true): target = bandEntry(s1, s2)
                    case (true, false): target = crossOffset + (-1 - s2) * nB + s1
                    case (false, true): target = crossOffset + (-1 - s1) * nB + s2
                    case (false, false):
                        let l1 = -1 - s1, l2 = -1 - s2
                        target = cornerOffset + max(l1, l2) + min(l1, l2) * nL
                    }
                    targets.append(Int32(target))
                    if target < crossOffset { starts[target + 1] += 1 }
                }
            }
        }
        for e in 0..<crossOffset { starts[e + 1] += starts[e] }
        let bandPairs = Int(starts[crossOffset])
        (bandColumn, bandWeight) = (workspace.indexVector(bandPairs), workspace.vector(bandPairs))
        (borderTarget, borderColumn) = (workspace.indexVector(targets.count - bandPairs), workspace.indexVector(targets.count - bandPairs))
        borderWeight = workspace.vector(targets.count - bandPairs)
        var next = Array(starts[..<crossOffset])
        var p = 0, border = 0
        for j in 0..<a.columnCount {
            let entries = a.columnStarts[j]..<a.columnStarts[j + 1], q = place[j]
            for k1 in entries {
                for k2 in entries where k2 >= k1 {
                    let target = Int(targets[p]), weight = a.values[k1] * a.values[k2]
                    p += 1
                    if target < crossOffset {
                        let c = Int(next[target])
                        (bandColumn[c], bandWeight[c]) = (Int32(q), weight)
                        next[target] += 1
                    } else {
                        (borderTarget[border], borderColumn[border], borderWeight[border]) = (Int32(target), Int32(q), weight)
                        border += 1
                    }
                }
            }
        }
        columnOrder = order
        bandStarts = starts
        let corner = crossOffset + nB * nL
        let split = twist == nil ? crossOffset / 2 : bottomOffset
        let bandDiagonal = (0..<nB).map { bandEntry($0, $0) }
        let (before, after) = (bandDiagonal.filter { $0 < split }, bandDiagonal.filter { $0 >= split })
        diagonal = workspace.copy(before + after + (0..<nL).map { corner + $0 * (nL + 1) })
        regularizationAdded = workspace.vector(nB + nL)
        (diagonalSplit, formSplit) = (before.count, split)
    }

    /// Forms A Θ Aᵀ (band, then border), adds δ·(1 + 10⁻³ Mᵢᵢ) to each diagonal entry, and
    /// factors it. Θ is in `columnOrder` (as the iterations keep it). Each half of the
    /// band takes its own diagonal entries' δ, which the border's terms do not reach.
    func factor(theta: UnsafeBufferPointer<Double>, regularization: Double, concurrently: Bool = false) throws(LinearAlgebraError) {
        precondition(theta.count == columnOrder.count, "Θ of another size")
        let nB = bandRows.count, nL = borderRows.count, m = storage
        pendingWork = .form(theta, regularization: regularization)
        ColumnHalves.run(concurrently: concurrently, self)
        for i in crossOffset..<m.count { m[i] = 0 }
        for c in borderTarget.indices { m[Int(borderTarget[c])] += theta[Int(borderColumn[c])] * borderWeight[c] }
        regularize(nB..<diagonal.count, by: regularization)
        denseBlock?.shift(m, diagonal: diagonal, theta: theta)
        let base = m.baseAddress!
        let band = UnsafeMutableBufferPointer(start: base, count: crossOffset)
        if nB > 0 { try bandFactor(band, concurrently: concurrently) }
        if nL > 0 {
            let cross = UnsafeBufferPointer(start: base + crossOffset, count: nB * nL)
            let corner = UnsafeMutableBufferPointer(start: base + cornerOffset, count: nL * nL)
            if nB > 0 {
                for i in 0..<(nB * nL) { work[i] = cross[i] }
                try bandSolve(UnsafeBufferPointer(band), work, nrhs: nL, concurrently: concurrently)
                LinearAlgebra.gemm(transposeA: true, transposeB: false, m: nL, n: nL, k: nB, alpha: -1, a: cross, lda: nB,
                                   b: UnsafeBufferPointer(work), ldb: nB, beta: 1, c: corner, ldc: nL)
            }
            try LinearAlgebra.choleskyFactor(corner, n: nL)
        }
        try denseBlock?.factor(theta: theta) { (r) throws(LinearAlgebraError) in try solveWithoutDenseColumns(r, concurrently: concurrently) }
    }

    /// Adds δ·(1 + 10⁻³ Mᵢᵢ) to the diagonal entries `entries` of `diagonal` (entry k is
    /// row position k: the band's rows in order, then the border's). The term in Mᵢᵢ is
    /// small so that a row whose Mᵢᵢ holds Θ = 10¹¹ does not leave part of its residual
    /// unsolved at every step (see `MehrotraIterations.dualRegularization`).
    private func regularize(_ entries: Range<Int>, by delta: Double) {
        let (m, diagonal, added) = (storage, diagonal, regularizationAdded)
        for k in entries {
            let d = diagonal[k]
            added[k] = delta * (1 + 1e-3 * m[d])
            m[d] += added[k]
        }
    }

    /// Dense columns eliminated apart (whose solves `NormalRefinement` refines).
    var denseColumnCount: Int { denseBlock?.positions.count ?? 0 }

    /// Band positions `positions` of A Θ Aᵀ, their terms read as one run (a position's
    /// terms follow the one before's).
    private func formBand(_ theta: UnsafeBufferPointer<Double>, _ positions: Range<Int>) {
        let (m, starts, column, weight) = (storage, bandStarts, bandColumn, bandWeight)
        var c = Int(starts[positions.lowerBound])
        for e in positions {
            let end = Int(starts[e &+ 1])
            var sum = 0.0
            while c < end {
                sum += theta[Int(column[c])] * weight[c]
                c &+= 1
            }
            m[e] = sum
        }
    }

    /// Solves (A Θ Aᵀ + δD) y = r for the last factored Θ, with r and y in `rowOrder`;
    /// `r` is overwritten by y.
    func solve(_ r: UnsafeMutableBufferPointer<Double>, concurrently: Bool = false) throws(LinearAlgebraError) {
        try solveWithoutDenseColumns(r, concurrently: concurrently)
        try denseBlock?.correct(r)
    }

    /// Solves M y = r with the band and border's factor (all of A Θ Aᵀ + δD but the dense columns').
    private func solveWithoutDenseColumns(_ r: UnsafeMutableBufferPointer<Double>, concurrently: Bool) throws(LinearAlgebraError) {
        let nB = bandRows.count, nL = borderRows.count
        let band = UnsafeMutableBufferPointer(rebasing: r[0..<nB])
        let border = UnsafeMutableBufferPointer(rebasing: r[nB..<(nB + nL)])
        let base = storage.baseAddress!
        if nB > 0 { try bandSolve(UnsafeBufferPointer(start: base, count: crossOffset), band, nrhs: 1, concurrently: concurrently) }
        guard nL > 0 else { return }
        let cross = UnsafeBufferPointer(start: base + crossOffset, count: nB * nL)
        if nB > 0 {
            LinearAlgebra.gemm(transposeA: true, transposeB: false, m: nL, n: 1, k: nB, alpha: -1, a: cross, lda: nB,
                               b: UnsafeBufferPointer(band), ldb: nB, beta: 1, c: border, ldc: nL)
        }
        try LinearAlgebra.choleskySolve(factor: UnsafeBufferPointer(start: base + cornerOffset, count: nL * nL), n: nL, rhs: border, nrhs: 1)
        if nB > 0 {
            LinearAlgebra.gemm(transposeA: false, transposeB: false, m: nB, n: 1, k: nL, alpha: -1, a: UnsafeBufferPointer(work), lda: nB,
                               b: UnsafeBufferPointer(border), ldb: nL, beta: 1, c: band, ldc: nB)
        }
    }

    /// Bands up to this many sub-diagonals use the Swift kernel (`BandCholesky`), wider
    /// ones LAPACK's blocked `dpbtrf`/`dpbtrs`.
    static let narrowBand = 64

    /// Factors the band part M_BB: by LAPACK when it is wider than `narrowBand`; by
    /// `BandCholesky` top-down when it is too short to twist; else from both ends (the
    /// twisted factorisation of docs/solver.md): rows 0…p−1 top-down, the rest bottom-up
    /// in reversed storage, the two chains on two threads when `concurrently`, interleaved
    /// on one otherwise, and the kd middle rows last with both parts' updates added.
    private func bandFactor(_ band: UnsafeMutableBufferPointer<Double>, concurrently: Bool) throws(LinearAlgebraError) {
        let nB = bandRows.count
        guard kd <= Self.narrowBand else { return try LinearAlgebra.bandCholeskyFactor(band, n: nB, kd: kd) }
        guard let twist else { return try BandCholesky.factor(band, inverseDiagonal: inverseDiagonal, n: nB, kd: kd) }
        let (top, bottom) = (UnsafeMutableBufferPointer(rebasing: band[..<bottomOffset]), UnsafeMutableBufferPointer(rebasing: band[bottomOffset...]))
        let (topInverse, bottomInverse) = (UnsafeMutableBufferPointer(rebasing: inverseDiagonal[..<(twist + kd)]),
                                           UnsafeMutableBufferPointer(rebasing: inverseDiagonal[(twist + kd)...]))
        let (kd, count, failed) = (kd, nB - twist, failedPivot)
        let upper = BandCholesky.Part(top, inverseDiagonal: topInverse, n: twist + kd, kd: kd, rows: 0..<twist)
        let lower = BandCholesky.Part(bottom, inverseDiagonal: bottomInverse, n: count, kd: kd, rows: 0..<(count - kd))
        (failed[0], failed[1]) = (0, 0)
        if concurrently {
            pendingWork = .factor(upper, lower)
            ColumnHalves.run(concurrently: true, self)
        } else {
            do throws(BandCholesky.PartFailure) {
                try BandCholesky.factor(upper, lower)
            } catch {
                failed[error.part] = Self.failingColumn(error.error)
            }
        }
        if failed[0] > 0 { throw .notPositiveDefinite(routine: "band Cholesky", order: failed[0]) }
        if failed[1] > 0 { throw .notPositiveDefinite(routine: "band Cholesky", order: nB - failed[1] + 1) }
        // The top part's updates of the kd middle rows, entry (r, c) at top column c, go to
        // the reversed bottom part's last kd columns, at column nB − 1 − r.
        let width = kd + 1
        for c in twist..<(twist + kd) {
            for r in c..<(twist + kd) { bottom[width * (nB - 1 - r) + (r - c)] += top[width * c + (r - c)] }
        }
        try BandCholesky.factor(bottom, inverseDiagonal: bottomInverse, n: count, kd: kd, columns: (count - kd)..<count)
    }

    /// The column (from 1) at which a band factor failed, 1 for any other failure.
    private static func failingColumn(_ error: LinearAlgebraError) -> Int {
        if case let .notPositiveDefinite(_, order) = error { order } else { 1 }
    }

    /// Solves with the band factor for `nrhs` right-hand sides of |B| rows (column-major).
    /// Twisted: the top rows forward and the bottom rows (reversed) forward up to the
    /// middle, side by side; the middle rows take the top part's terms and finish the
    /// bottom's forward and then start its backward substitution; the top rows backward
    /// and the rest of the bottom rows backward, side by side.
    private func bandSolve(_ band: UnsafeBufferPointer<Double>, _ rhs: UnsafeMutableBufferPointer<Double>, nrhs: Int, concurrently: Bool) throws(LinearAlgebraError) {
        let nB = bandRows.count
        guard kd <= Self.narrowBand else { return try LinearAlgebra.bandCholeskySolve(factor: band, n: nB, kd: kd, rhs: rhs, nrhs: nrhs) }
        guard let twist else {
            return BandCholesky.solve(factor: band, inverseDiagonal: UnsafeBufferPointer(inverseDiagonal), n: nB, kd: kd, rhs: rhs, nrhs: nrhs)
        }
        let (top, bottom) = (UnsafeBufferPointer(rebasing: band[..<bottomOffset]), UnsafeBufferPointer(rebasing: band[bottomOffset...]))
        let (topInverse, bottomInverse) = (UnsafeBufferPointer(rebasing: inverseDiagonal[..<(twist + kd)]),
                                           UnsafeBufferPointer(rebasing: inverseDiagonal[(twist + kd)...]))
        let (kd, count, reversed, width) = (kd, nB - twist, reversed, kd + 1)
        for k in 0..<nrhs {
            let x = UnsafeMutableBufferPointer(rebasing: rhs[(k * nB)..<((k + 1) * nB)])
            let upper = BandCholesky.SolvePart(top, inverseDiagonal: topInverse, n: twist + kd, kd: kd, x: x, rows: 0..<twist)
            let lower = BandCholesky.SolvePart(bottom, inverseDiagonal: bottomInverse, n: count, kd: kd, x: reversed, rows: 0..<(count - kd))
            for i in 0..<count { reversed[i] = x[nB - 1 - i] }
            if concurrently {
                pendingWork = .forward(upper, lower)
                ColumnHalves.run(concurrently: true, self)
            } else {
                BandCholesky.forward(upper, lower)
            }
            for r in twist..<(twist + kd) {
                var term = 0.0
                for c in max(0, r - kd)..<twist { term += top[width * c + (r - c)] * x[c] }
                reversed[nB - 1 - r] -= term
            }
            BandCholesky.forward(factor: bottom, n: count, kd: kd, x: reversed, rows: (count - kd)..<count)
            BandCholesky.backward(factor: bottom, inverseDiagonal: bottomInverse, n: count, kd: kd, x: reversed, rows: (count - kd)..<count)
            for r in twist..<(twist + kd) { x[r] = reversed[nB - 1 - r] }
            if concurrently {
                pendingWork = .backward(upper, lower)
                ColumnHalves.run(concurrently: true, self)
            } else {
                BandCholesky.backward(upper, lower)
            }
            for i in 0..<(count - kd) { x[nB - 1 - i] = reversed[i] }
        }
    }
}

/// The forks of forming, factoring and solving with the band as `HalvedWork`: half 0 is
/// the first half of the band's positions (forming) or its top end (the twisted factor
/// and solves), half 1 the rest.
extension NormalEquations: HalvedWork {
    /// A fork and its arguments.
    enum BandWork {
        /// Nothing set yet.
        case idle
        /// Forming A Θ Aᵀ's band and adding δ·(1 + 10⁻³ Mᵢᵢ) to its diagonal.
        case form(UnsafeBufferPointer<Double>, regularization: Double)
        /// The twisted factor's two ends, each recording its first failing pivot.
        case factor(BandCholesky.Part, BandCholesky.Part)
        /// The twisted solve's forward and backward substitutions at the two ends.
        case forward(BandCholesky.SolvePart, BandCholesky.SolvePart)
        case backward(BandCholesky.SolvePart, BandCholesky.SolvePart)
    }

    /// Half `half` of `pendingWork`.
    func runHalf(_ half: Int) {
        switch pendingWork {
        case .idle:
            break
        case let .form(theta, regularization):
            formBand(theta, half == 0 ? 0..<formSplit : formSplit..<crossOffset)
            regularize(half == 0 ? 0..<diagonalSplit : diagonalSplit..<bandRows.count, by: regularization)
        case let .factor(upper, lower):
            let part = half == 0 ? upper : lower
            do throws(LinearAlgebraError) {
                try BandCholesky.factor(part.ab, inverseDiagonal: part.inverseDiagonal, n: part.n, kd: part.kd, columns: part.rows)
            } catch {
                failedPivot[half] = Self.failingColumn(error)
            }
        case let .forward(upper, lower):
            let part = half == 0 ? upper : lower
            BandCholesky.forward(factor: part.ab, n: part.n, kd: part.kd, x: part.x, rows: part.rows)
        case let .backward(upper, lower):
            let part = half == 0 ? upper : lower
            BandCholesky.backward(factor: part.ab, inverseDiagonal: part.inverseDiagonal!, n: part.n, kd: part.kd, x: part.x, rows: part.rows)
        }
    }
}
