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
///
/// The loops run over the kd entries of a row or column. For kd ≤ 16 each kernel is
/// compiled once per width (`Width<k>`), so that away from the band's ends they run a
/// number of times the compiler knows, and it unrolls them; the arithmetic is the same
/// for every width.
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
        guard !columns.isEmpty else { return }
        try specialised(kd: kd, Factoring(part: Part(ab, inverseDiagonal: inverseDiagonal, n: n, kd: kd, rows: columns))).get()
    }

    private struct Factoring: WidthSpecialised {
        let part: Part

        func run<W: BandWidth>(_ width: W) -> Result<Void, LinearAlgebraError> {
            let chain = Chain(part, width)
            for j in part.rows {
                do { try chain.eliminate(j) } catch { return .failure(error) }
            }
            return .success(())
        }
    }

    /// `factor` of two bands (columns `first.columns` of `first.ab`, and the same of
    /// `second`), one column of each in turn: two independent chains interleaved in one
    /// loop, so that each fills the other's waits. The arithmetic is `factor`'s, band by
    /// band; a failure names the band (0 or 1) and its column.
    public static func factor(_ first: Part, _ second: Part) throws(PartFailure) {
        precondition(first.kd == second.kd, "two parts of one band")
        try specialised(kd: first.kd, FactoringPair(first: first, second: second)).get()
    }

    private struct FactoringPair: WidthSpecialised {
        let first: Part, second: Part

        func run<W: BandWidth>(_ width: W) -> Result<Void, PartFailure> {
            let (one, two) = (Chain(first, width), Chain(second, width))
            let count = max(first.rows.count, second.rows.count)
            for k in 0..<count {
                if k < first.rows.count {
                    do { try one.eliminate(first.rows.lowerBound + k) } catch { return .failure(PartFailure(part: 0, error: error)) }
                }
                if k < second.rows.count {
                    do { try two.eliminate(second.rows.lowerBound + k) } catch { return .failure(PartFailure(part: 1, error: error)) }
                }
            }
            return .success(())
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
    private struct Chain<W: BandWidth> {
        let a: UnsafeMutablePointer<Double>, inverse: UnsafeMutablePointer<Double>, n: Int, width: W
        var kd: Int { width.kd }

        init(_ part: Part, _ width: W) {
            precondition(part.n > 0 && part.ab.count >= (part.kd + 1) * part.n && part.inverseDiagonal.count >= part.n, "band storage too small")
            precondition(part.rows.lowerBound >= 0 && part.rows.upperBound <= part.n, "columns outside the band")
            (a, inverse, n, self.width) = (part.ab.baseAddress!, part.inverseDiagonal.baseAddress!, part.n, width)
        }

        /// Column j: d_j, its multipliers, and the update of the triangle after it (kd
        /// rows deep, fewer at the band's end).
        @inline(__always)
        func eliminate(_ j: Int) throws(LinearAlgebraError) {
            let column = a + (kd &+ 1) &* j
            let pivot = column[0]
            guard pivot > 0, pivot.isFinite else { throw .notPositiveDefinite(routine: "band Cholesky", order: j + 1) }
            let scale = 1 / pivot
            inverse[j] = scale
            if n &- 1 &- j >= kd {
                update(column, scale, length: kd)
            } else {
                update(column, scale, length: n &- 1 &- j)
            }
        }

        @inline(__always)
        private func update(_ column: UnsafeMutablePointer<Double>, _ scale: Double, length: Int) {
            let width = kd &+ 1
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
        specialised(kd: kd, Forward(part: SolvePart(ab, inverseDiagonal: nil, n: n, kd: kd, x: buffer, rows: rows)))
    }

    private struct Forward: WidthSpecialised {
        let part: SolvePart

        func run<W: BandWidth>(_ width: W) {
            guard var chain = Substitution(part, width), width.kd > 0 else { return }
            var j = max(part.rows.lowerBound, 1)
            chain.previous = chain.x[j - 1]
            while j < part.rows.upperBound {
                chain.forward(j)
                j &+= 1
            }
        }
    }

    /// Lᵀ x = D⁻¹ w for `rows` of x (n entries), last row first:
    /// x_j = w_j / d_j − Σ_{i=1…kd} L_{j+i,j} x_{j+i}, the rows after `rows` already solved.
    public static func backward(factor ab: UnsafeBufferPointer<Double>, inverseDiagonal: UnsafeBufferPointer<Double>, n: Int, kd: Int,
                                x buffer: UnsafeMutableBufferPointer<Double>, rows: Range<Int>) {
        specialised(kd: kd, Backward(part: SolvePart(ab, inverseDiagonal: inverseDiagonal, n: n, kd: kd, x: buffer, rows: rows)))
    }

    private struct Backward: WidthSpecialised {
        let part: SolvePart

        func run<W: BandWidth>(_ width: W) {
            guard var chain = Substitution(part, width) else { return }
            var j = part.rows.upperBound - 1
            chain.startBackward(at: j)
            while j >= part.rows.lowerBound {
                chain.backward(j)
                j &-= 1
            }
        }
    }

    /// `forward` over two bands' rows (first.rows of first.x with first.ab, and the same
    /// of `second`), a row of each in turn: two independent chains in one loop. The
    /// arithmetic is `forward`'s, band by band.
    public static func forward(_ first: SolvePart, _ second: SolvePart) {
        precondition(first.kd == second.kd, "two parts of one band")
        specialised(kd: first.kd, ForwardPair(first: first, second: second))
    }

    private struct ForwardPair: WidthSpecialised {
        let first: SolvePart, second: SolvePart

        func run<W: BandWidth>(_ width: W) {
            guard width.kd > 0, var one = Substitution(first, width), var two = Substitution(second, width) else {
                Forward(part: first).run(width)
                Forward(part: second).run(width)
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
    }

    /// `backward` over two bands' rows, a row of each in turn.
    public static func backward(_ first: SolvePart, _ second: SolvePart) {
        precondition(first.kd == second.kd, "two parts of one band")
        specialised(kd: first.kd, BackwardPair(first: first, second: second))
    }

    private struct BackwardPair: WidthSpecialised {
        let first: SolvePart, second: SolvePart

        func run<W: BandWidth>(_ width: W) {
            guard var one = Substitution(first, width), var two = Substitution(second, width) else {
                Backward(part: first).run(width)
                Backward(part: second).run(width)
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
    private struct Substitution<W: BandWidth> {
        let a: UnsafePointer<Double>, inverse: UnsafePointer<Double>?, x: UnsafeMutablePointer<Double>, n: Int, width: W
        var kd: Int { width.kd }
        var previous = 0.0

        /// Nil when there is nothing to solve.
        init?(_ part: SolvePart, _ width: W) {
            let rows = part.rows
            precondition(rows.lowerBound >= 0 && rows.upperBound <= part.n && part.x.count >= part.n, "rows outside the band")
            guard !rows.isEmpty, rows.upperBound > 1 || part.inverseDiagonal != nil else { return nil }
            (a, inverse, x, n, self.width) = (part.ab.baseAddress!, part.inverseDiagonal?.baseAddress, part.x.baseAddress!, part.n, width)
        }

        /// Row j of L w = b (kd > 0, j ≥ 1), with kd terms (fewer in the first rows).
        @inline(__always)
        mutating func forward(_ j: Int) {
            if j >= kd { forward(j, reach: kd) } else { forward(j, reach: j) }
        }

        /// L_{j,j−i} is at a[width·(j−i) + i], so L_{j,j−i+1} is kd further on.
        @inline(__always)
        private mutating func forward(_ j: Int, reach: Int) {
            let width = kd &+ 1
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

        /// Row j of Lᵀ x = D⁻¹ w, with kd terms (fewer in the last rows).
        @inline(__always)
        mutating func backward(_ j: Int) {
            if n &- 1 &- j >= kd { backward(j, reach: kd) } else { backward(j, reach: n &- 1 &- j) }
        }

        /// L_{j+i,j} is at a[width·j + i], contiguous.
        @inline(__always)
        private mutating func backward(_ j: Int, reach: Int) {
            let inverse = inverse!
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

    /// Calls `body` with the band's width as a type: `Width<kd>` for kd ≤ 16, so that the
    /// kernel `body` runs is compiled for that width; `AnyWidth` beyond.
    private static func specialised<Body: WidthSpecialised>(kd: Int, _ body: Body) -> Body.Output {
        switch kd {
        case 0: body.run(Width<0>())
        case 1: body.run(Width<1>())
        case 2: body.run(Width<2>())
        case 3: body.run(Width<3>())
        case 4: body.run(Width<4>())
        case 5: body.run(Width<5>())
        case 6: body.run(Width<6>())
        case 7: body.run(Width<7>())
        case 8: body.run(Width<8>())
        case 9: body.run(Width<9>())
        case 10: body.run(Width<10>())
        case 11: body.run(Width<11>())
        case 12: body.run(Width<12>())
        case 13: body.run(Width<13>())
        case 14: body.run(Width<14>())
        case 15: body.run(Width<15>())
        case 16: body.run(Width<16>())
        default: body.run(AnyWidth(kd: kd))
        }
    }
}

/// A band's number of sub-diagonals, as a value or as part of a type.
private protocol BandWidth {
    var kd: Int { get }
}

/// kd known to the compiler.
private struct Width<let count: Int>: BandWidth {
    var kd: Int { count }
}

/// kd known when the program runs.
private struct AnyWidth: BandWidth {
    let kd: Int
}

/// A kernel run with the band's width as a type (`BandCholesky.specialised`).
private protocol WidthSpecialised {
    associatedtype Output
    func run<W: BandWidth>(_ width: W) -> Output
}
