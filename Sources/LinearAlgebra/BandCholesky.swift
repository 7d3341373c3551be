/// Cholesky factorisation and solves of a symmetric positive definite band matrix in
/// plain Swift, for narrow bands.
///
/// LAPACK's `dpbtrf` runs its unblocked code (`dpbtf2`: one BLAS `dsyr` call per column)
/// when the band is narrower than its block size, and `dpbtrs` one `dtbsv` pass of BLAS
/// calls per column: for the 10–20 sub-diagonals of an hourly dispatch LP, call overhead
/// dominates. These loops do the same arithmetic (right-looking column Cholesky
/// A = L Lᵀ) in the same lower band storage, `ab[(kd+1)·j + (i−j)] = A[i][j]`, with
/// contiguous inner loops and no calls; `LinearAlgebra.bandCholeskyFactor` remains the
/// reference they are tested against, and the path for wide bands. The factor also keeps
/// 1/L_jj, so that the solves — a chain of dependent rows — multiply instead of divide.
public enum BandCholesky {
    /// Factors in place and writes 1/L_jj to `inverseDiagonal` (n entries); throws
    /// `notPositiveDefinite` at the first pivot that is not positive.
    public static func factor(_ ab: UnsafeMutableBufferPointer<Double>, inverseDiagonal: UnsafeMutableBufferPointer<Double>, n: Int, kd: Int) throws(LinearAlgebraError) {
        precondition(ab.count >= (kd + 1) * n && inverseDiagonal.count >= n, "band storage too small")
        guard n > 0 else { return }
        let width = kd + 1, a = ab.baseAddress!
        for j in 0..<n {
            let column = a + width &* j
            let pivot = column[0]
            guard pivot > 0, pivot.isFinite else { throw .notPositiveDefinite(routine: "band Cholesky", order: j + 1) }
            let d = pivot.squareRoot()
            column[0] = d
            let scale = 1 / d
            inverseDiagonal[j] = scale
            let length = min(kd, n &- 1 &- j)
            var i = 1
            while i <= length {
                column[i] *= scale
                i &+= 1
            }
            var c = 1
            while c <= length {
                let v = column[c]
                if v != 0 {
                    let target = column + (width &* c &- c)
                    var r = c
                    while r <= length {
                        target[r] -= column[r] * v
                        r &+= 1
                    }
                }
                c &+= 1
            }
        }
    }

    /// Solves A X = B with the factor and inverse diagonal from `factor`; B is n × nrhs,
    /// column-major, overwritten by X.
    public static func solve(factor ab: UnsafeBufferPointer<Double>, inverseDiagonal: UnsafeBufferPointer<Double>, n: Int, kd: Int,
                             rhs: UnsafeMutableBufferPointer<Double>, nrhs: Int) {
        guard n > 0 else { return }
        let width = kd + 1, a = ab.baseAddress!, inverse = inverseDiagonal.baseAddress!
        for k in 0..<nrhs {
            let x = rhs.baseAddress! + k &* n
            for j in 0..<n {
                let value = x[j] * inverse[j]
                x[j] = value
                let length = min(kd, n &- 1 &- j)
                if value == 0 { continue }
                let column = a + width &* j, below = x + j
                var i = 1
                while i <= length {
                    below[i] -= column[i] * value
                    i &+= 1
                }
            }
            var j = n &- 1
            while j >= 0 {
                let length = min(kd, n &- 1 &- j)
                let column = a + width &* j, below = x + j
                // Four partial sums, so that the additions do not wait on each other.
                var (s0, s1, s2, s3) = (x[j], 0.0, 0.0, 0.0)
                var i = 1
                while i &+ 3 <= length {
                    s0 -= column[i] * below[i]
                    s1 -= column[i &+ 1] * below[i &+ 1]
                    s2 -= column[i &+ 2] * below[i &+ 2]
                    s3 -= column[i &+ 3] * below[i &+ 3]
                    i &+= 4
                }
                while i <= length {
                    s0 -= column[i] * below[i]
                    i &+= 1
                }
                x[j] = ((s0 + s1) + (s2 + s3)) * inverse[j]
                j &-= 1
            }
        }
    }
}
