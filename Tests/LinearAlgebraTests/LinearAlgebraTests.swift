import Testing
@testable import LinearAlgebra

/// Hand-solvable cases for each BLAS/LAPACK wrapper.
@Suite struct LinearAlgebraTests {
    @Test func singleThreadIsSet() {
        LinearAlgebra.useSingleThread()
        #expect(LinearAlgebra.threadCount == 1)
    }

    @Test func dotAndAxpy() {
        let x: [Double] = [1, 2, 3]
        var y: [Double] = [4, -5, 6]
        let d = x.withUnsafeBufferPointer { xp in y.withUnsafeBufferPointer { LinearAlgebra.dot(xp, $0) } }
        #expect(d == 12)  // 4 − 10 + 18
        x.withUnsafeBufferPointer { xp in y.withUnsafeMutableBufferPointer { LinearAlgebra.axpy(2, xp, $0) } }
        #expect(y == [6, -1, 12])
    }

    @Test func gemmMultipliesColumnMajor() {
        // A = [1 2; 3 4], B = [5 6; 7 8] (column-major storage); A·B = [19 22; 43 50].
        let a: [Double] = [1, 3, 2, 4], b: [Double] = [5, 7, 6, 8]
        var c = [Double](repeating: 1, count: 4)
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer {
                    LinearAlgebra.gemm(
                        transposeA: false, transposeB: false, m: 2, n: 2, k: 2, alpha: 1, a: ap, lda: 2,
                        b: bp, ldb: 2, beta: 0.5, c: $0, ldc: 2)
                }
            }
        }
        #expect(c == [19.5, 43.5, 22.5, 50.5])
    }

    @Test func denseCholeskySolves() throws {
        // A = [4 2; 2 3] = L·Lᵀ with L = [2 0; 1 √2]; A·x = [2, 1] has x = [0.5, 0].
        var a: [Double] = [4, 2, 2, 3]
        try a.withUnsafeMutableBufferPointer { try LinearAlgebra.choleskyFactor($0, n: 2) }
        #expect(a[0] == 2)
        #expect(a[1] == 1)
        #expect(abs(a[3] - 2.0.squareRoot()) < 1e-15)
        var rhs: [Double] = [2, 1]
        try a.withUnsafeBufferPointer { f in
            try rhs.withUnsafeMutableBufferPointer { try LinearAlgebra.choleskySolve(factor: f, n: 2, rhs: $0, nrhs: 1) }
        }
        #expect(abs(rhs[0] - 0.5) < 1e-15 && abs(rhs[1]) < 1e-15)
    }

    @Test func notPositiveDefiniteIsReported() {
        var a: [Double] = [1, 2, 2, 1]  // eigenvalues 3 and −1
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", order: 2)) {
            try a.withUnsafeMutableBufferPointer { try LinearAlgebra.choleskyFactor($0, n: 2) }
        }
    }

    @Test func bandCholeskyMatchesTridiagonalSolution() throws {
        // Tridiagonal A = tridiag(−1, 2, −1) of order 4; A·x = [1,0,0,1] has x = [1,1,1,1].
        let n = 4, kd = 1
        var ab = [Double](repeating: 0, count: (kd + 1) * n)
        for j in 0..<n {
            ab[(kd + 1) * j] = 2
            if j + 1 < n { ab[(kd + 1) * j + 1] = -1 }
        }
        try ab.withUnsafeMutableBufferPointer { try LinearAlgebra.bandCholeskyFactor($0, n: n, kd: kd) }
        var rhs: [Double] = [1, 0, 0, 1]
        try ab.withUnsafeBufferPointer { f in
            try rhs.withUnsafeMutableBufferPointer {
                try LinearAlgebra.bandCholeskySolve(factor: f, n: n, kd: kd, rhs: $0, nrhs: 1)
            }
        }
        for value in rhs { #expect(abs(value - 1) < 1e-14) }
    }
}
