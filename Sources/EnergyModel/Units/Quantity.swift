import Foundation

/// A number with a dimension, stored in canonical units (see `Dimension`).
public struct Quantity: Hashable, Sendable {
    public var value: Double
    public var dimension: Dimension

    public init(_ value: Double, _ dimension: Dimension) {
        self.value = value
        self.dimension = dimension
    }

    /// Why a text is not a quantity.
    public enum ParseFailure: Error, Equatable, Sendable {
        /// No number at the start of the text.
        case notANumber
        /// A number with no unit after it.
        case bareNumber(Double)
        /// A unit capsim does not know.
        case unknownUnit(String)
        /// A number a double cannot hold: beyond about 10³⁰⁸ in size, or a nonzero one
        /// below about 10⁻³⁰⁸ (which would read as 0), in canonical units.
        case outOfRange
    }

    /// Parses `330 万千瓦`, `3.3 GW`, `3300MW`, `1.13 亿千瓦时`, `25.1 万吨标准煤`, `85 %`,
    /// `305.5 gce/kWh`, `-0.5 GW`, `1e3 MWh`. The number comes first, then the unit;
    /// white space between them is optional.
    public static func parse(_ text: String) -> Result<Quantity, ParseFailure> {
        let trimmed = halfWidth(text).trimmingCharacters(in: .whitespaces)
        guard let (numberText, number, rest) = splitNumberText(trimmed, finite: false) else { return .failure(.notANumber) }
        let unitText = rest.trimmingCharacters(in: .whitespaces)
        guard representable(number, numberText) else { return .failure(.outOfRange) }
        if unitText.isEmpty { return .failure(.bareNumber(number)) }
        guard let unit = UnitTable.parse(unitText) else { return .failure(.unknownUnit(unitText)) }
        let shifted = DecimalShift.powerOfTen(unit.scale).flatMap { DecimalShift.shift(text: numberText, by: $0) }
        let value = shifted ?? number * unit.scale
        guard representable(value, numberText) else { return .failure(.outOfRange) }
        return .success(Quantity(value, unit.dimension))
    }

    /// `text` with full-width forms (U+FF01–U+FF5E: `１３２`, `．`, `＋`, `％`, `ＧＷ`) and the
    /// ideographic space made their ASCII selves, as text pasted from a Chinese plan
    /// writes them (`25％左右`). The mapping is one character to one, so a unit's length
    /// is the same in both.
    public static func halfWidth(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) || $0.value == 0x3000 }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Whether `value`, read from the decimal `text`, kept it: finite, and not 0 or
    /// subnormal unless `text` is zero itself.
    static func representable(_ value: Double, _ text: String) -> Bool {
        guard value.isFinite else { return false }
        if value != 0 && value.isNormal { return true }
        let mantissa = text.prefix { $0 != "e" && $0 != "E" }
        return !mantissa.contains { ("1"..."9").contains($0) }
    }

    /// The whole of `text` as a finite decimal number, or nil: not hexadecimal, `nan` or
    /// `inf`, which `Double(_:)` would also read.
    public static func decimal(_ text: String) -> Double? {
        guard let (value, rest) = splitNumber(text), rest.isEmpty else { return nil }
        return value
    }

    /// Splits a leading decimal number (sign, digits, fraction, exponent) from the rest.
    public static func splitNumber(_ text: String) -> (Double, Substring)? {
        splitNumberText(text).map { ($0.value, $0.rest) }
    }

    /// `splitNumber` with the number's text as written (without a leading `+`); with
    /// `finite` false, a number too large for a double is returned as infinite.
    static func splitNumberText(_ text: String, finite: Bool = true) -> (text: String, value: Double, rest: Substring)? {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < scalars.count, ("0"..."9").contains(scalars[i]) { i += 1 }
            return i - start
        }
        if i < scalars.count, scalars[i] == "+" || scalars[i] == "-" { i += 1 }
        var count = digits()
        if i < scalars.count, scalars[i] == "." {
            i += 1
            count += digits()
        }
        guard count > 0 else { return nil }
        if i < scalars.count, scalars[i] == "e" || scalars[i] == "E" {
            let mark = i
            i += 1
            if i < scalars.count, scalars[i] == "+" || scalars[i] == "-" { i += 1 }
            if digits() == 0 { i = mark }
        }
        var numberText = String(String.UnicodeScalarView(scalars[0..<i]))
        if numberText.hasPrefix("+") { numberText.removeFirst() }
        guard let value = Double(numberText), value.isFinite || !finite else { return nil }
        let rest = String(String.UnicodeScalarView(scalars[i...]))
        return (numberText, value, Substring(rest))
    }
}
