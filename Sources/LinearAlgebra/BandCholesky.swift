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
        precondition(ab.count >= (kd + 1) * n && inverseDiagonal.count >= n, "band storage too small")
        let columns = columns ?? 0..<n
        precondition(columns.lowerBound >= 0 && columns.upperBound <= n, "columns outside the band")
        guard !columns.isEmpty else { return }
        let width = kd &+ 1, a = ab.baseAddress!, inverse = inverseDiagonal.baseAddress!
        var j = columns.lowerBound
        while j < columns.upperBound {
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
            j &+= 1
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
        precondition(rows.lowerBound >= 0 && rows.upperBound <= n && buffer.count >= n, "rows outside the band")
        guard kd > 0, rows.upperBound > 1 else { return }
        let width = kd + 1, a = ab.baseAddress!, x = buffer.baseAddress!
        var j = max(rows.lowerBound, 1)
        var previous = x[j - 1]
        // L_{j,j−i} is at a[width·(j−i) + i], so L_{j,j−i+1} is kd further on.
        while j < rows.upperBound {
            let reach = min(kd, j)
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
            j &+= 1
        }
    }

    /// Lᵀ x = D⁻¹ w for `rows` of x (n entries), last row first:
    /// x_j = w_j / d_j − Σ_{i=1…kd} L_{j+i,j} x_{j+i}, the rows after `rows` already solved.
    public static func backward(factor ab: UnsafeBufferPointer<Double>, inverseDiagonal: UnsafeBufferPointer<Double>, n: Int, kd: Int,
                                x buffer: UnsafeMutableBufferPointer<Double>, rows: Range<Int>) {
        precondition(rows.lowerBound >= 0 && rows.upperBound <= n && buffer.count >= n, "rows outside the band")
        guard !rows.isEmpty else { return }
        let width = kd + 1, a = ab.baseAddress!, inverse = inverseDiagonal.baseAddress!, x = buffer.baseAddress!
        guard kd > 0 else {
            for j in rows { x[j] *= inverse[j] }
            return
        }
        var j = rows.upperBound - 1
        var previous: Double
        if j == n - 1 {
            previous = x[j] * inverse[j]
            x[j] = previous
            j -= 1
        } else {
            previous = x[j + 1]
        }
        // L_{j+i,j} is at a[width·j + i], contiguous.
        while j >= rows.lowerBound {
            let reach = min(kd, n &- 1 &- j)
            let column = a + width &* j, below = x + j
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
            j &-= 1
        }
    }
}
