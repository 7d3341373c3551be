import LinearAlgebra

/// Solves of the normal equations refined by preconditioned conjugate gradients, for LPs
/// whose dense columns `NormalEquations` eliminates apart (`DenseColumnBlock`).
///
/// That elimination goes through M⁻¹, the other columns' normal equations; late in the
/// iterations, when the columns that keep M's rows apart from the dense columns near
/// their bounds, M becomes ill-conditioned and the solve loses digits (netlib's israel,
/// with its dense columns eliminated apart, stalled at a primal infeasibility of 10⁻⁶
/// and then diverged). The factorisation stays an excellent preconditioner: with
/// K = A Θ Aᵀ + δD (the matrix the factor is of) applied exactly from A,
///
///     x ← P⁻¹ r;  res = r − K x;  then conjugate gradients on K with P⁻¹ from x,
///
/// until the largest residual is below `tolerance` of the largest right-hand side (at
/// most `maxSteps` steps). A solve already that accurate costs one product with K.
/// All vectors are allocated once.
final class NormalRefinement {
    static let tolerance = 1e-13
    static let maxSteps = 25

    private let rhs: UnsafeMutableBufferPointer<Double>, residual: UnsafeMutableBufferPointer<Double>
    private let preconditioned: UnsafeMutableBufferPointer<Double>, search: UnsafeMutableBufferPointer<Double>
    private let product: UnsafeMutableBufferPointer<Double>, columnWork: UnsafeMutableBufferPointer<Double>
    private let workspace = Workspace()

    init(rows: Int, columns: Int) {
        let w = workspace
        (rhs, residual, preconditioned, search, product) = (w.vector(rows), w.vector(rows), w.vector(rows), w.vector(rows), w.vector(rows))
        columnWork = w.vector(columns)
    }

    /// Solves K x = r (r overwritten by x) for the Θ last factored by `equations`, with A
    /// (`a`, in the normal equations' orders) and that Θ (`theta`).
    func solve(_ r: UnsafeMutableBufferPointer<Double>, equations: NormalEquations, a: ColumnBuffers,
               theta: UnsafeMutableBufferPointer<Double>, concurrently: Bool) throws(LinearAlgebraError) {
        let m = r.count
        var largest = 0.0
        for i in 0..<m {
            rhs[i] = r[i]
            largest = max(largest, abs(r[i]))
        }
        try equations.solve(r, concurrently: concurrently)
        let target = Self.tolerance * largest
        multiply(r, into: product, equations: equations, a: a, theta: theta)
        var worst = 0.0
        for i in 0..<m {
            residual[i] = rhs[i] - product[i]
            worst = max(worst, abs(residual[i]))
        }
        guard worst > target else { return }
        for i in 0..<m { preconditioned[i] = residual[i] }
        try equations.solve(preconditioned, concurrently: concurrently)
        var rz = 0.0
        for i in 0..<m {
            search[i] = preconditioned[i]
            rz += residual[i] * preconditioned[i]
        }
        for _ in 0..<Self.maxSteps {
            multiply(search, into: product, equations: equations, a: a, theta: theta)
            var curvature = 0.0
            for i in 0..<m { curvature += search[i] * product[i] }
            guard curvature > 0, rz > 0 else { return }
            let alpha = rz / curvature
            worst = 0
            for i in 0..<m {
                r[i] += alpha * search[i]
                residual[i] -= alpha * product[i]
                worst = max(worst, abs(residual[i]))
            }
            if worst <= target { return }
            for i in 0..<m { preconditioned[i] = residual[i] }
            try equations.solve(preconditioned, concurrently: concurrently)
            var next = 0.0
            for i in 0..<m { next += residual[i] * preconditioned[i] }
            let beta = next / rz
            rz = next
            for i in 0..<m { search[i] = preconditioned[i] + beta * search[i] }
        }
    }

    /// y = (A Θ Aᵀ + δD) x.
    private func multiply(_ x: UnsafeMutableBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>, equations: NormalEquations,
                          a: ColumnBuffers, theta: UnsafeMutableBufferPointer<Double>) {
        a.multiplyTransposed(x, into: columnWork)
        for j in 0..<columnWork.count { columnWork[j] *= theta[j] }
        a.multiply(columnWork, into: y)
        let added = equations.regularizationAdded
        for i in 0..<y.count { y[i] += added[i] * x[i] }
    }
}
