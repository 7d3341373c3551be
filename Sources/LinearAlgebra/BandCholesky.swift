/// Cholesky factorisation and solves of a symmetric positive definite band matrix in
/// plain Swift, for narrow bands.
///
/// LAPACK's `dpbtrf` runs its unblocked code (`dpbtf2`: one BLAS `dsyr` call per column)
/// when the band is narrower than its block size, and `dpbtrs` one `dtbsv` pass of BLAS
/// calls per column: for the 10–20 sub-diagonals of an hourly dispatch LP, call overhead
/// dominates. These loops do the same arithmetic (right-looking column Cholesky
/// A = L Lᵀ) in the same lower band storage, `ab[(kd+1)·j + (i−j)] = A[i][j]`, with
/// contiguous inner loops and no calls; `LinearAlgebra.bandCholeskyFactor` remains the
/// reference they are tested against, and the path for wide bands.
public enum BandCholesky {
    /// Factors in place; throws `notPositiveDefinite` at the first pivot that is not positive.
    public static func factor(_ ab: UnsafeMutableBufferPointer<Double>, n: Int, kd: Int) throws(LinearAlgebraError) {
        precondition(ab.count >= (kd + 1) * n, "band storage too small")
        let width = kd + 1
        for j in 0..<n {
            let column = width * j
            let pivot = ab[column]
            guard pivot > 0, pivot.isFinite else { throw .notPositiveDefinite(routine: "band Cholesky", order: j + 1) }
            let d = pivot.squareRoot()
            ab[column] = d
            let length = min(kd, n - 1 - j)
            if length == 0 { continue }
            let scale = 1 / d
            for i in 1...length { ab[column + i] *= scale }
            for c in 1...length {
                let v = ab[column + c]
                if v == 0 { continue }
                let target = width * (j + c) - c
                for r in c...length { ab[target + r] -= ab[column + r] * v }
            }
        }
    }

    /// Solves A X = B with the factor from `factor`; B is n × nrhs, column-major, overwritten by X.
    public static func solve(factor ab: UnsafeBufferPointer<Double>, n: Int, kd: Int, rhs: UnsafeMutableBufferPointer<Double>, nrhs: Int) {
        let width = kd + 1
        for k in 0..<nrhs {
            let x = UnsafeMutableBufferPointer(rebasing: rhs[(k * n)..<(k * n + n)])
            for j in 0..<n {
                let column = width * j
                let value = x[j] / ab[column]
                x[j] = value
                let length = min(kd, n - 1 - j)
                if length == 0 || value == 0 { continue }
                for i in 1...length { x[j + i] -= ab[column + i] * value }
            }
            for j in stride(from: n - 1, through: 0, by: -1) {
                let column = width * j
                let length = min(kd, n - 1 - j)
                var sum = x[j]
                if length > 0 { for i in 1...length { sum -= ab[column + i] * x[j + i] } }
                x[j] = sum / ab[column]
            }
        }
    }
}
