import Foundation

/// Multiplication by a power of ten done on the decimal text, rounded once: `70 %` is the
/// double nearest 0.7 and `330 万千瓦` the one nearest 3.3 GW, where 70 × 0.01 gives
/// 0.7000000000000001 and 330 × 0.01 gives 3.3000000000000003 (0.01 has no exact double).
/// Shown back in its unit, 0.28 is 28, not 28.000000000000004. Most unit factors are
/// powers of ten (%, 万, 亿, k, M, gce → tce); the others (J, s, day, °S) are multiplied.
public enum DecimalShift {
    /// log₁₀ of `scale` when it is a power of ten (to within rounding, as a product such
    /// as 10⁻⁶ × 10⁴ leaves it), else nil.
    public static func powerOfTen(_ scale: Double) -> Int? {
        guard scale > 0, scale.isFinite else { return nil }
        let exponent = log10(scale).rounded()
        guard abs(scale / pow(10, exponent) - 1) < 1e-12, abs(exponent) < 300 else { return nil }
        return Int(exponent)
    }

    /// The decimal number `text` (digits, an optional sign, point and exponent) × 10^shift,
    /// or nil when `text` is not such a number or the result is not finite.
    public static func shift(text: String, by shift: Int) -> Double? {
        let parts = text.split(whereSeparator: { $0 == "e" || $0 == "E" }).map(String.init)
        guard (1...2).contains(parts.count), let written = parts.count == 2 ? Int(parts[1]) : 0 else { return nil }
        let (exponent, overflow) = written.addingReportingOverflow(shift)
        guard !overflow, let value = Double("\(parts[0])e\(exponent)"), value.isFinite else { return nil }
        return value
    }

    /// `value` × 10^shift, rounded once: `value`'s shortest decimal text shifted. Values
    /// that are not finite are multiplied.
    public static func shift(_ value: Double, by shift: Int) -> Double {
        guard value.isFinite, let shifted = Self.shift(text: "\(value)", by: shift) else { return value * pow(10, Double(shift)) }
        return shifted
    }
}
