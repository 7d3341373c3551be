/// Decimal numbers read straight from the bytes of MPS text, correctly rounded.
///
/// Making a String for each of a large file's values and handing it to the C library cost
/// more than a third of the reading time. This handles the usual form — an optional sign,
/// digits with an optional point whose value as an integer m fits 64 bits, an optional
/// exponent after E or D (in any case) — when the value is m × 10^e with |e| ≤ 19. It
/// returns nil for anything else (more digits, larger exponents, `inf`, text that is not
/// a number), which the caller reads the slow way.
enum MPSNumber {
    private static let powersOfTen: [UInt64] = (0...19).map { power in (0..<power).reduce(1) { product, _ in product * 10 } }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ field: Range<Int>) -> Double? {
        var index = field.lowerBound
        let end = field.upperBound
        guard index < end else { return nil }
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative || bytes[index] == UInt8(ascii: "+") { index += 1 }

        var significand: UInt64 = 0, exponent = 0
        let integerStart = index
        while index < end, let digit = digit(bytes[index]) {
            guard significand <= maximumBeforeDigit else { return nil }
            significand = significand * 10 + digit
            index += 1
        }
        var sawDigit = index > integerStart
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < end, let digit = digit(bytes[index]) {
                guard significand <= maximumBeforeDigit else { return nil }
                significand = significand * 10 + digit
                exponent -= 1
                index += 1
            }
            sawDigit = sawDigit || index > fractionStart
        }
        guard sawDigit else { return nil }

        // Fortran's D exponent (`1d3`) as well as E, as HiGHS reads it: old writers wrote it.
        // Setting bit 5 makes a letter lower case.
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") || bytes[index] | 0x20 == UInt8(ascii: "d") {
            index += 1
            let negativeExponent = index < end && bytes[index] == UInt8(ascii: "-")
            if index < end, negativeExponent || bytes[index] == UInt8(ascii: "+") { index += 1 }
            let start = index
            var written = 0
            while index < end, index - start < 4, let digit = digit(bytes[index]) {
                written = written * 10 + Int(digit)
                index += 1
            }
            guard index > start else { return nil }
            exponent += negativeExponent ? -written : written
        }
        guard index == end else { return nil }

        let magnitude: Double
        if significand == 0 {
            magnitude = 0
        } else if exponent >= 0 {
            guard exponent <= 19 else { return nil }
            let (product, overflow) = significand.multipliedReportingOverflow(by: powersOfTen[exponent])
            guard !overflow else { return nil }
            magnitude = Double(product)
        } else {
            guard exponent >= -19 else { return nil }
            magnitude = quotient(significand, powersOfTen[-exponent])
        }
        return negative ? -magnitude : magnitude
    }

    /// The largest significand that another digit cannot overflow.
    private static let maximumBeforeDigit = (UInt64.max - 9) / 10

    private static func digit(_ byte: UInt8) -> UInt64? {
        let digit = byte &- UInt8(ascii: "0")
        return digit < 10 ? UInt64(digit) : nil
    }

    /// n / d correctly rounded, for n, d > 0: n is shifted left by s so that the integer
    /// quotient q has 63 or 64 bits, which with the remainder as a sticky bit is all that
    /// rounding to 53 bits needs. The result is at least 10⁻¹⁹, far from subnormal, so the
    /// power of two 2^(extra − shift) can be made from its bits and the product is exact.
    private static func quotient(_ n: UInt64, _ d: UInt64) -> Double {
        let nBits = 64 - n.leadingZeroBitCount, dBits = 64 - d.leadingZeroBitCount
        let shift = 63 + dBits - nBits
        let high = shift >= 64 ? n << (shift - 64) : n >> (64 - shift)
        let (q, r) = d.dividingFullWidth((high: high, low: n << shift))
        let extra = 64 - q.leadingZeroBitCount - 53
        var mantissa = q >> extra
        let rest = q & ((1 << extra) - 1), half: UInt64 = 1 << (extra - 1)
        if rest > half || (rest == half && (r != 0 || mantissa & 1 == 1)) { mantissa += 1 }
        return Double(mantissa) * Double(bitPattern: UInt64(1023 + extra - shift) << 52)
    }
}
