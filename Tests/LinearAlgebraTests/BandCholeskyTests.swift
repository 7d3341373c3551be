import Testing
@testable import LinearAlgebra

/// The Swift band kernel (L D Lᵀ) against LAPACK's `dpbtrf`/`dpbtrs` (L Lᵀ), the reference:
/// LAPACK's factor is L·D^½. The widths cover the kernels compiled per width (kd ≤ 16,
/// one with more sub-diagonals than rows below the first) and the one for any width.
@Suite struct BandCholeskyTests {
    /// A diagonally dominant band matrix (so positive definite) with deterministic entries.
    static func band(n: Int, kd: Int) -> [Double] {
        var ab = [Double](repeating: 0, count: (kd + 1) * n)
        for j in 0..<n {
            for i in 1...max(kd, 1) where i <= kd && j + i < n { ab[(kd + 1) * j + i] = Double((j * 7 + i * 13) % 17) / 17 - 0.5 }
        }
        for j in 0..<n { ab[(kd + 1) * j] = 1 + Double(2 * kd) * 0.5 + Double(j % 5) }
        return ab
    }

    @Test(arguments: [(1, 0), (30, 0), (40, 1), (4, 6), (200, 3), (500, 12), (300, 16), (300, 17), (64, 63)])
    func matchesLAPACK(_ size: (Int, Int)) throws {
        let (n, kd) = size
        var mine = Self.band(n: n, kd: kd), reference = mine, inverse = [Double](repeating: 0, count: n)
        try mine.withUnsafeMutableBufferPointer { (p) throws(LinearAlgebraError) in
            try inverse.withUnsafeMutableBufferPointer { (q) throws(LinearAlgebraError) in try BandCholesky.factor(p, inverseDiagonal: q, n: n, kd: kd) }
        }
        try reference.withUnsafeMutableBufferPointer { (p) throws(LinearAlgebraError) in try LinearAlgebra.bandCholeskyFactor(p, n: n, kd: kd) }
        for j in 0..<n {
            let root = mine[(kd + 1) * j].squareRoot()
            #expect(abs(root - reference[(kd + 1) * j]) <= 1e-13 * reference[(kd + 1) * j])
            #expect(abs(inverse[j] * mine[(kd + 1) * j] - 1) <= 1e-15)
            for i in 1..<(kd + 1) where j + i < n {
                let k = (kd + 1) * j + i
                #expect(abs(mine[k] * root - reference[k]) <= 1e-12 * (1 + abs(reference[k])))
            }
        }
        var x = (0..<(2 * n)).map { Double($0 % 9) - 4 }, y = x
        mine.withUnsafeBufferPointer { f in
            inverse.withUnsafeBufferPointer { d in x.withUnsafeMutableBufferPointer { BandCholesky.solve(factor: f, inverseDiagonal: d, n: n, kd: kd, rhs: $0, nrhs: 2) } }
        }
        try reference.withUnsafeBufferPointer { (f) throws(LinearAlgebraError) in
            try y.withUnsafeMutableBufferPointer { (p) throws(LinearAlgebraError) in try LinearAlgebra.bandCholeskySolve(factor: f, n: n, kd: kd, rhs: p, nrhs: 2) }
        }
        for k in x.indices { #expect(abs(x[k] - y[k]) <= 1e-10 * (1 + abs(y[k]))) }
    }

    @Test func reportsTheFirstNonPositivePivot() {
        var ab: [Double] = [4, 2, 1, 0], inverse: [Double] = [0, 0]  // n = 2, kd = 1: [[4, 2], [2, 1]] is singular
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "band Cholesky", order: 2)) {
            try ab.withUnsafeMutableBufferPointer { (p) throws(LinearAlgebraError) in
                try inverse.withUnsafeMutableBufferPointer { (q) throws(LinearAlgebraError) in try BandCholesky.factor(p, inverseDiagonal: q, n: 2, kd: 1) }
            }
        }
    }
}
