import CLapack

/// The one place where capsim calls BLAS and LAPACK (OpenBLAS + LAPACKE).
///
/// The LAPACKE `_work` entry points are used: they skip LAPACKE's scan of every input
/// for NaN, which costs a full pass over the matrix at each call; capsim's callers never
/// pass NaN (the solver checks its problem data once, up front).
///
/// Every routine works on column-major `Double` storage, as LAPACK does. Functions
/// that can fail return a `LinearAlgebraError` carrying LAPACK's `info` code instead of
/// trapping, so a caller (the interior-point solver) can react to a matrix that is not
/// positive definite, for example by raising its regularisation.
public enum LinearAlgebra {
    /// Sets OpenBLAS to one thread. capsim runs one solver per core (sweep points in
    /// parallel); a multithreaded BLAS inside each would oversubscribe the cores.
    public static func useSingleThread() {
        openblas_set_num_threads(1)
    }

    /// The number of threads OpenBLAS will use.
    public static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// xᵀy (BLAS `ddot`). Both vectors must have the same length.
    public static func dot(_ x: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>) -> Double {
        precondition(x.count == y.count, "dot: lengths differ")
        return cblas_ddot(Int32(x.count), x.baseAddress, 1, y.baseAddress, 1)
    }

    /// y ← αx + y (BLAS `daxpy`).
    public static func axpy(_ alpha: Double, _ x: UnsafeBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>) {
        precondition(x.count == y.count, "axpy: lengths differ")
        cblas_daxpy(Int32(x.count), alpha, x.baseAddress, 1, y.baseAddress, 1)
    }

    /// C ← α·op(A)·op(B) + β·C (BLAS `dgemm`), column-major; `op` transposes when asked.
    /// A is m×k after `op`, B is k×n after `op`, C is m×n with leading dimension m.
    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafeBufferPointer<Double>, lda: Int,
        b: UnsafeBufferPointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutableBufferPointer<Double>, ldc: Int
    ) {
        cblas_dgemm(
            CblasColMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a.baseAddress, Int32(lda), b.baseAddress, Int32(ldb),
            beta, c.baseAddress, Int32(ldc))
    }

    /// Cholesky factorisation A = L·Lᵀ of a dense symmetric positive definite n×n matrix
    /// (LAPACK `dpotrf`, lower triangle), in place.
    public static func choleskyFactor(_ a: UnsafeMutableBufferPointer<Double>, n: Int) throws(LinearAlgebraError) {
        let info = LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, lower, Int32(n), a.baseAddress, Int32(max(n, 1)))
        try check(info, "dpotrf")
    }

    /// Solves A·X = B with the factor from `choleskyFactor` (LAPACK `dpotrs`); B (n×nrhs) is overwritten by X.
    public static func choleskySolve(
        factor: UnsafeBufferPointer<Double>, n: Int, rhs: UnsafeMutableBufferPointer<Double>, nrhs: Int
    ) throws(LinearAlgebraError) {
        let info = LAPACKE_dpotrs_work(
            LAPACK_COL_MAJOR, lower, Int32(n), Int32(nrhs), factor.baseAddress, Int32(max(n, 1)),
            rhs.baseAddress, Int32(max(n, 1)))
        try check(info, "dpotrs")
    }

    /// Cholesky factorisation of a symmetric positive definite band matrix with `kd`
    /// sub-diagonals (LAPACK `dpbtrf`, lower band storage: `ab[(kd+1)·j + (i−j)] = A[i][j]`
    /// for j ≤ i ≤ min(n−1, j+kd)), in place.
    public static func bandCholeskyFactor(
        _ ab: UnsafeMutableBufferPointer<Double>, n: Int, kd: Int
    ) throws(LinearAlgebraError) {
        precondition(ab.count >= (kd + 1) * n, "dpbtrf: band storage too small")
        let info = LAPACKE_dpbtrf_work(LAPACK_COL_MAJOR, lower, Int32(n), Int32(kd), ab.baseAddress, Int32(kd + 1))
        try check(info, "dpbtrf")
    }

    /// Solves A·X = B with the band factor from `bandCholeskyFactor` (LAPACK `dpbtrs`).
    public static func bandCholeskySolve(
        factor: UnsafeBufferPointer<Double>, n: Int, kd: Int, rhs: UnsafeMutableBufferPointer<Double>, nrhs: Int
    ) throws(LinearAlgebraError) {
        let info = LAPACKE_dpbtrs_work(
            LAPACK_COL_MAJOR, lower, Int32(n), Int32(kd), Int32(nrhs), factor.baseAddress, Int32(kd + 1),
            rhs.baseAddress, Int32(max(n, 1)))
        try check(info, "dpbtrs")
    }

    private static let lower = CChar(UInt8(ascii: "L"))

    private static func check(_ info: Int32, _ routine: String) throws(LinearAlgebraError) {
        if info < 0 { throw .invalidArgument(routine: routine, index: Int(-info)) }
        if info > 0 { throw .notPositiveDefinite(routine: routine, order: Int(info)) }
    }
}

/// A LAPACK failure, with the routine's `info` code made readable.
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible {
    /// LAPACK rejected argument number `index` (a bug in the caller).
    case invalidArgument(routine: String, index: Int)
    /// The leading minor of order `order` is not positive definite.
    case notPositiveDefinite(routine: String, order: Int)

    public var description: String {
        switch self {
        case let .invalidArgument(routine, index): "\(routine): argument \(index) is invalid"
        case let .notPositiveDefinite(routine, order): "\(routine): leading minor of order \(order) is not positive definite"
        }
    }
}
