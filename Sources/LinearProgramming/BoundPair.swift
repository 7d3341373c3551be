/// A column's (lower, upper) bound pair of slacks, duals or their steps, worked on at once.
/// The helpers compile to packed compares and blends: a branch per lane, which the mix of
/// bound types in a dispatch LP makes hard to predict, cost more than the arithmetic.
typealias Pair = SIMD2<Double>

extension SIMD2 where Scalar == Double {
    /// (−∞, +∞): the bounds of a column without either.
    static var missingBounds: Self { Self(-.infinity, .infinity) }
    /// (+1, −1): the signs of the lower and upper bound's terms (r_l = l + s_l − x, r_u = u − s_u − x).
    static var signs: Self { Self(1, -1) }

    /// Lane by lane, the larger of the two (`other`'s lane when it is larger; a NaN in
    /// `other` is passed over, as `Swift.max` does).
    @inline(__always)
    func maximum(_ other: Self) -> Self { replacing(with: other, where: self .< other) }

    /// For bounds: 1 in a lane whose bound is finite, 0 where it is missing (±∞), by
    /// arithmetic — 0·b + 1 is 1 or NaN, and a NaN fails the comparison — so that the
    /// compiler, which turns a select between two constants feeding a division into a
    /// branch around it, sees none.
    @inline(__always)
    var presence: Self {
        let one = self * 0 + 1
        return Self(repeating: 0).replacing(with: one, where: one .> 0)
    }

    /// Lane by lane |v|.
    @inline(__always)
    var magnitude: Self { maximum(-self) }
}
