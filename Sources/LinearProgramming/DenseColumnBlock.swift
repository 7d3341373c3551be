import LinearAlgebra

/// The dense columns of A (see `DenseColumns`) in the normal equations, by block
/// elimination of the augmented system.
///
/// With the k dense columns A_d and their Θ_d apart, A Θ Aᵀ = M + A_d Θ_d A_dᵀ, where M,
/// the other columns' part, is what `NormalEquations` factors as band and border. The
/// system (M + A_d Θ_d A_dᵀ) Δy = r is the augmented system
///
///     [ M     A_d    ] [ Δy ]   [ r ]
///     [ A_dᵀ  −Θ_d⁻¹ ] [ w  ] = [ 0 ]
///
/// (w = Θ_d A_dᵀ Δy), and eliminating M first leaves the k × k Schur complement
/// S = Θ_d⁻¹ + A_dᵀ M⁻¹ A_d, positive definite since M is: with Z = M⁻¹ A_d (k solves
/// with M at each factorisation) and S = L Lᵀ (`dpotrf`),
///
///     t = M⁻¹ r,   w = S⁻¹ A_dᵀ t,   Δy = t − Z w.
///
/// Θ_d⁻¹ = ρ + z_l/s_l + z_u/s_u is never below the primal regularisation ρ; a column at
/// a bound (Θ_d → 0) makes S's diagonal large and its w small. M stays nonsingular because
/// every row a dense column meets has an entry of another column (`DenseColumns.find`).
/// All storage is allocated once.
final class DenseColumnBlock {
    /// Each dense column's position in the normal equations' column order (where Θ is read).
    let positions: [Int]
    private let m: Int, k: Int
    /// A_d (m × k, column-major, rows in the normal equations' row order), Z = M⁻¹ A_d,
    /// the factor of S (k × k) and one k-vector.
    private let columns: UnsafeMutableBufferPointer<Double>, z: UnsafeMutableBufferPointer<Double>
    private let schur: UnsafeMutableBufferPointer<Double>, small: UnsafeMutableBufferPointer<Double>
    private let workspace = Workspace()

    /// `entries[c]` are dense column c's (row position, value) pairs; `positions[c]` its place in the column order.
    init(rowCount: Int, positions: [Int], entries: [[(row: Int, value: Double)]]) {
        precondition(positions.count == entries.count, "one list of entries a dense column")
        (m, k) = (rowCount, positions.count)
        self.positions = positions
        columns = workspace.vector(m * k)
        z = workspace.vector(m * k)
        schur = workspace.vector(k * k)
        small = workspace.vector(k)
        for (c, column) in entries.enumerated() {
            for entry in column { columns[c * m + entry.row] += entry.value }
        }
    }

    /// Relative shift of M's diagonal (see `shift`).
    static let shiftFraction = 1e-8

    /// Adds ε (Mᵢᵢ + Dᵢᵢ) to M's diagonal (entry i at `storage[diagonal[i]]`), with
    /// D = A_d Θ_d A_dᵀ: the rows whose other columns all near their bounds leave M
    /// nearly singular where A Θ Aᵀ is not, and M⁻¹ would then be meaningless. The shifted
    /// factor solves a nearby system, which `NormalRefinement` corrects to the exact one.
    func shift(_ storage: UnsafeMutableBufferPointer<Double>, diagonal: UnsafeMutableBufferPointer<Int>, theta: UnsafeBufferPointer<Double>) {
        for i in 0..<m {
            var dense = 0.0
            for c in 0..<k {
                let v = columns[c * m + i]
                dense += v * v * theta[positions[c]]
            }
            storage[diagonal[i]] += Self.shiftFraction * (storage[diagonal[i]] + dense)
        }
    }

    /// Z = M⁻¹ A_d with `solveM`, then S = Θ_d⁻¹ + A_dᵀ Z, factored.
    func factor(theta: UnsafeBufferPointer<Double>, solveM: (UnsafeMutableBufferPointer<Double>) throws(LinearAlgebraError) -> Void) throws(LinearAlgebraError) {
        for i in 0..<(m * k) { z[i] = columns[i] }
        for c in 0..<k { try solveM(UnsafeMutableBufferPointer(rebasing: z[(c * m)..<((c + 1) * m)])) }
        LinearAlgebra.gemm(transposeA: true, transposeB: false, m: k, n: k, k: m, alpha: 1, a: UnsafeBufferPointer(columns), lda: m,
                           b: UnsafeBufferPointer(z), ldb: m, beta: 0, c: schur, ldc: k)
        for c in 0..<k { schur[c * k + c] += 1 / theta[positions[c]] }
        try LinearAlgebra.choleskyFactor(schur, n: k)
    }

    /// Turns t = M⁻¹ r (in `r`) into Δy = t − Z S⁻¹ A_dᵀ t.
    func correct(_ r: UnsafeMutableBufferPointer<Double>) throws(LinearAlgebraError) {
        LinearAlgebra.gemm(transposeA: true, transposeB: false, m: k, n: 1, k: m, alpha: 1, a: UnsafeBufferPointer(columns), lda: m,
                           b: UnsafeBufferPointer(r), ldb: m, beta: 0, c: small, ldc: k)
        try LinearAlgebra.choleskySolve(factor: UnsafeBufferPointer(schur), n: k, rhs: small, nrhs: 1)
        LinearAlgebra.gemm(transposeA: false, transposeB: false, m: m, n: 1, k: k, alpha: -1, a: UnsafeBufferPointer(z), lda: m,
                           b: UnsafeBufferPointer(small), ldb: k, beta: 1, c: r, ldc: m)
    }
}
