/// Root-free Cholesky factorisation A = L D Lᵀ (L unit lower triangular, D diagonal)
/// and solves of a symmetric positive definite band matrix in plain Swift, for narrow bands.
///
/// LAPACK's `dpbtrf` runs its unblocked code (`dpbtf2`: one BLAS `dsyr` call per column)
/// when the band is narrower than its block size, and `dpbtrs` one `dtbsv` pass of BLAS
/// calls per column: for the 10–20 sub-diagonals of an hourly dispatch LP, call overhead
/// dominates. These loops work in the same lower band storage,
/// `ab[(kd+1)·j + (i−j)] = A[i][j]`, with contiguous inner loops and no calls.
/// A band factorisation is a chain — each pivot waits for the update by the column
/// before — so its speed is the latency of that chain: L D Lᵀ takes no square root, and
/// its solves no division or scaling inside the chain (one multiply by 1/d_j between
/// them). `LinearAlgebra.bandCholeskyFactor` (L Lᵀ, whose factor is L·D^½) remains the
/// reference these are tested against, and the path for wide bands.
public enum BandCholesky {
    /// Factors in place — d_j on the diagonal, L's sub-diagonal entries below it — and
    /// writes 1/d_j to `inverseDiagonal` (n entries); throws `notPositiveDefinite` at the
    /// first pivot that is not positive.
    ///
    /// Column j: d_j = a_jj, l_cj = a_cj / d_j, then a_rc −= a_rj l_cj for
    /// j < c ≤ r ≤ j + kd (a_rj before it is scaled), each column c of that triangle a
    /// contiguous run of rows taken two at a time; the next pivot's update comes first.
    /// No test for zeros: a branch that the pattern of a band mispredicts costs more than
    /// the arithmetic it would skip.
    ///
    /// With `columns`, only those columns are factored (their updates still reach the
    /// columns after them, up to n − 1): a band factored in parts, as `NormalEquations`
    /// does from both ends at once.
    public static func factor(_ ab: UnsafeMutableBufferPointer<Double>, inverseDiagonal: UnsafeMutableBufferPointer<Double>, n: Int, kd: Int,
                              columns: Range<Int>? = nil) throws(LinearAlgebraError) {
        let columns = columns ?? 0..<n
        precondition(columns.lowerBound >= 0 && columns.upperBound <= n, "columns outside the band")
        guard !columns.isEmpty else { return }
        let chain = Chain(ab, inverseDiagonal, n: n, kd: kd)
        for j in columns { try chain.eliminate(j) }
    }

    /// `factor` of two bands (columns `first.columns` of `first.ab`, and the same of
    /// `second`), one column of each in turn: two independent chains interleaved in one
    /// loop, so that each fills the other's waits. The arithmetic is `factor`'s, band by
    /// band; a failure names the band (0 or 1) and its column.
    public static func factor(_ first: Part, _ second: Part) throws(PartFailure) {
        let (one, two) = (Chain(first), Chain(second))
        let count = max(first.rows.count, second.rows.count)
        for k in 0..<count {
            if k < first.rows.count {
                do { try one.eliminate(first.rows.lowerBound + k) } catch { throw PartFailure(part: 0, error: error) }
            }
            if k < second.rows.count {
                do { try two.eliminate(second.rows.lowerBound + k) } catch { throw PartFailure(part: 1, error: error) }
            }
        }
    }

    /// A band in lower band storage (n columns, kd sub-diagonals), its inverse
    /// diagonal, and the rows (columns) to work on.
    public struct Part {
        public var ab: UnsafeMutableBufferPointer<Double>, inverseDiagonal: UnsafeMutableBufferPointer<Double>
        public var n: Int, kd: Int, rows: Range<Int>

        public init(_ ab: UnsafeMutableBufferPointer<Double>, inverseDiagonal: UnsafeMutableBufferPointer<Double>, n: Int, kd: Int, rows: Range<Int>) {
            (self.ab, self.inverseDiagonal, self.n, self.kd, self.rows) = (ab, inverseDiagonal, n, kd, rows)
        }
    }

    /// Which of the two parts failed, and how.
    public struct PartFailure: Error {
        public let part: Int
        public let error: LinearAlgebraError
    }

    /// One band's elimination, a column at a time.
    private struct Chain {
        let a: UnsafeMutablePointer<Double>, inverse: UnsafeMutablePointer<Double>, n: Int, kd: Int

        init(_ ab: UnsafeMutableBufferPointer<Double>, _ inverseDiagonal: UnsafeMutableBufferPointer<Double>, n: Int, kd: Int) {
            precondition(n > 0 && ab.count >= (kd + 1) * n && inverseDiagonal.count >= n, "band storage too small")
            (a, inverse, self.n, self.kd) = (ab.baseAddress!, inverseDiagonal.baseAddress!, n, kd)
        }

        init(_ part: Part) {
            precondition(part.rows.lowerBound >= 0 && part.rows.upperBound <= part.n, "columns outside the band")
            self.init(part.ab, part.inverseDiagonal, n: part.n, kd: part.kd)
        }

        /// Column j: d_j, its multipliers, and the update of the triangle after it.
        @inline(__always)
        func eliminate(_ j: Int) throws(LinearAlgebraError) {
            let width = kd &+ 1
            let column = a + width &* j
            let pivot = column[0]
            guard pivot > 0, pivot.isFinite else { throw .notPositiveDefinite(routine: "band Cholesky", order: j + 1) }
            let scale = 1 / pivot
            inverse[j] = scale
            let length = min(kd, n &- 1 &- j)
            var c = 1
            while c <= length {
                let l = column[c] * scale
                let target = column + (width &* c &- c)
                var r = c
                while r < length {
                    let (t0, t1) = (target[r] - column[r] * l, target[r &+ 1] - column[r &+ 1] * l)
                    (target[r], target[r &+ 1]) = (t0, t1)
                    r &+= 2
                }
                if r == length { target[r] -= column[r] * l }
                c &+= 1
            }
            var i = 1
            while i <= length {
                column[i] *= scale
                i &+= 1
            }
        }
    }

    /// Solves A X = B with the factor and inverse diagonal from `factor`; B is n × nrhs,
    /// column-major, overwritten by X: `forward` then `backward` over all rows.
    public static func solve(factor ab: UnsafeBufferPointer<Double>, inverseDiagonal: UnsafeBufferPointer<Double>, n: Int, kd: Int,
                             rhs: UnsafeMutableBufferPointer<Double>, nrhs: Int) {
        guard n > 0 else { return }
        for k in 0..<nrhs {
            let x = UnsafeMutableBufferPointer(rebasing: rhs[(k * n)..<((k + 1) * n)])
            forward(factor: ab, n: n, kd: kd, x: x, rows: 0..<n)
            backward(factor: ab, inverseDiagonal: inverseDiagonal, n: n, kd: kd, x: x, rows: 0..<n)
        }
    }

    /// L w = b for `rows` of x (n entries): w_j = b_j − Σ_{i=1…kd} L_{j,j−i} w_{j−i}, the
    /// rows before `rows` already solved. Each row waits only for the one before it, so
    /// the term with that row comes last, its value kept in a register, and the other
    /// terms are summed meanwhile.
    public static func forward(factor ab: UnsafeBufferPointer<Double>, n: Int, kd: Int, x buffer: UnsafeMutableBufferPointer<Double>, rows: Range<Int>) {
        guard var chain = Substitution(ab, nil, n: n, kd: kd, x: buffer, rows: rows), kd > 0 else { return }
        var j = max(rows.lowerBound, 1)
        chain.previous = chain.x[j - 1]
        while j < rows.upperBound {
            chain.forward(j)
            j &+= 1
        }
    }

    /// Lᵀ x = D⁻¹ w for `rows` of x (n entries), last row first:
    /// x_j = w_j / d_j − Σ_{i=1…kd} L_{j+i,j} x_{j+i}, the rows after `rows` already solved.
    public static func backward(factor ab: UnsafeBufferPointer<Double>, inverseDiagonal: UnsafeBufferPointer<Double>, n: Int, kd: Int,
                                x buffer: UnsafeMutableBufferPointer<Double>, rows: Range<Int>) {
        guard var chain = Substitution(ab, inverseDiagonal, n: n, kd: kd, x: buffer, rows: rows) else { return }
        var j = rows.upperBound - 1
        chain.startBackward(at: j)
        while j >= rows.lowerBound {
            chain.backward(j)
            j &-= 1
        }
    }

    /// `forward` over two bands' rows (first.rows of first.x with first.ab, and the same
    /// of `second`), a row of each in turn: two independent chains in one loop. The
    /// arithmetic is `forward`'s, band by band.
    public static func forward(_ first: SolvePart, _ second: SolvePart) {
        guard first.kd > 0, second.kd > 0, var one = Substitution(first), var two = Substitution(second) else {
            forward(factor: first.ab, n: first.n, kd: first.kd, x: first.x, rows: first.rows)
            forward(factor: second.ab, n: second.n, kd: second.kd, x: second.x, rows: second.rows)
            return
        }
        var (j, k) = (max(first.rows.lowerBound, 1), max(second.rows.lowerBound, 1))
        one.previous = one.x[j - 1]
        two.previous = two.x[k - 1]
        while j < first.rows.upperBound || k < second.rows.upperBound {
            if j < first.rows.upperBound { one.forward(j) }
            if k < second.rows.upperBound { two.forward(k) }
            j &+= 1
            k &+= 1
        }
    }

    /// `backward` over two bands' rows, a row of each in turn.
    public static func backward(_ first: SolvePart, _ second: SolvePart) {
        guard var one = Substitution(first), var two = Substitution(second) else {
            backward(factor: first.ab, inverseDiagonal: first.inverseDiagonal!, n: first.n, kd: first.kd, x: first.x, rows: first.rows)
            backward(factor: second.ab, inverseDiagonal: second.inverseDiagonal!, n: second.n, kd: second.kd, x: second.x, rows: second.rows)
            return
        }
        var (j, k) = (first.rows.upperBound - 1, second.rows.upperBound - 1)
        one.startBackward(at: j)
        two.startBackward(at: k)
        while j >= first.rows.lowerBound || k >= second.rows.lowerBound {
            if j >= first.rows.lowerBound { one.backward(j) }
            if k >= second.rows.lowerBound { two.backward(k) }
            j &-= 1
            k &-= 1
        }
    }

    /// A factored band, its inverse diagonal (for `backward`), a right-hand side and the
    /// rows of it to solve.
    public struct SolvePart {
        public var ab: UnsafeBufferPointer<Double>, inverseDiagonal: UnsafeBufferPointer<Double>?
        public var n: Int, kd: Int, x: UnsafeMutableBufferPointer<Double>, rows: Range<Int>

        public init(_ ab: UnsafeBufferPointer<Double>, inverseDiagonal: UnsafeBufferPointer<Double>?, n: Int, kd: Int,
                    x: UnsafeMutableBufferPointer<Double>, rows: Range<Int>) {
            (self.ab, self.inverseDiagonal, self.n, self.kd, self.x, self.rows) = (ab, inverseDiagonal, n, kd, x, rows)
        }
    }

    /// One band's substitution, a row at a time; `previous` is the row just solved.
    private struct Substitution {
        let a: UnsafePointer<Double>, inverse: UnsafePointer<Double>?, x: UnsafeMutablePointer<Double>, n: Int, kd: Int
        var previous = 0.0

        /// Nil when there is nothing to solve.
        init?(_ ab: UnsafeBufferPointer<Double>, _ inverseDiagonal: UnsafeBufferPointer<Double>?, n: Int, kd: Int,
              x buffer: UnsafeMutableBufferPointer<Double>, rows: Range<Int>) {
            precondition(rows.lowerBound >= 0 && rows.upperBound <= n && buffer.count >= n, "rows outside the band")
            guard !rows.isEmpty, rows.upperBound > 1 || inverseDiagonal != nil else { return nil }
            (a, inverse, x, self.n, self.kd) = (ab.baseAddress!, inverseDiagonal?.baseAddress, buffer.baseAddress!, n, kd)
        }

        init?(_ part: SolvePart) {
            self.init(part.ab, part.inverseDiagonal, n: part.n, kd: part.kd, x: part.x, rows: part.rows)
        }

        /// Row j of L w = b (kd > 0, j ≥ 1); L_{j,j−i} is at a[width·(j−i) + i], so
        /// L_{j,j−i+1} is kd further on.
        @inline(__always)
        mutating func forward(_ j: Int) {
            let width = kd &+ 1, reach = min(kd, j)
            var entry = a + (width &* (j &- reach) &+ reach), value = x + (j &- reach)
            var (s0, s1) = (x[j], 0.0)
            var i = reach
            while i >= 3 {
                s0 -= entry[0] * value[0]
                s1 -= entry[kd] * value[1]
                entry += 2 &* kd
                value += 2
                i &-= 2
            }
            if i == 2 {
                s0 -= entry[0] * value[0]
                entry += kd
            }
            previous = s0 + s1 - entry[0] * previous
            x[j] = previous
        }

        /// Before the backward substitution's first row j: the row after it, solved
        /// (none when j is the last row, which `backward` then solves alone).
        mutating func startBackward(at j: Int) {
            previous = j + 1 < n ? x[j + 1] : 0
        }

        /// Row j of Lᵀ x = D⁻¹ w; L_{j+i,j} is at a[width·j + i], contiguous.
        @inline(__always)
        mutating func backward(_ j: Int) {
            let reach = min(kd, n &- 1 &- j), inverse = inverse!
            guard reach > 0 else {
                previous = x[j] * inverse[j]
                x[j] = previous
                return
            }
            let column = a + (kd &+ 1) &* j, below = x + j
            var (s0, s1) = (x[j] * inverse[j], 0.0)
            var i = reach
            while i >= 3 {
                s0 -= column[i] * below[i]
                s1 -= column[i &- 1] * below[i &- 1]
                i &-= 2
            }
            if i == 2 { s0 -= column[2] * below[2] }
            previous = s0 + s1 - column[1] * previous
            x[j] = previous
        }
    }
}
