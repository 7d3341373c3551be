import Foundation

/// Tick values a reader can take in at a glance: a step of 1, 2 or 5 × 10^k, and an
/// axis that starts and ends on a tick, so that no plotted value falls outside it.
public struct NiceTicks: Sendable {
    /// The ticks, lowest first; the first and last are the axis's ends.
    public var values: [Double]
    /// The distance between two ticks.
    public var step: Double
    public var format: TickFormat

    /// About `count` ticks covering `low...high` (a single value gets an axis from it
    /// upward; an empty one 0 to 1).
    public init(covering low: Double, _ high: Double, count: Int = 6, format: TickFormat = .plain) {
        var (low, high) = (min(low, high), max(low, high))
        if high - low < 1e-12 * max(abs(low), abs(high), 1) { high = low + max(abs(low), 1) }
        let (factor, exponent) = Self.step(for: (high - low) / Double(max(count - 1, 1)))
        let step = Self.decimal(factor, exponent)
        let first = (low / step + 1e-9).rounded(.down), last = (high / step - 1e-9).rounded(.up)
        values = stride(from: first, through: last, by: 1).map { Self.decimal($0 * factor, exponent) }
        self.step = step
        self.format = format
    }

    public var low: Double { values.first ?? 0 }
    public var high: Double { values.last ?? 1 }

    /// The smallest of 1, 2, 5, 10 × 10^k at least `rough`, as (1, 2, 5 or 10; k).
    static func step(for rough: Double) -> (factor: Double, exponent: Int) {
        // A span that is not finite and positive (values of ±1e308) has no nice step: one.
        guard rough.isFinite, rough > 0 else { return (1, 0) }
        let exponent = Int(log10(rough).rounded(.down))
        let normalised = rough / pow(10, Double(exponent))
        let factor: Double = normalised <= 1 + 1e-9 ? 1 : normalised <= 2 + 1e-9 ? 2 : normalised <= 5 + 1e-9 ? 5 : 10
        return (factor, exponent)
    }

    /// n × 10^k for a whole number n, as the double nearest the decimal: for k < 0 a
    /// division by the exact 10^−k (3 × 0.05 would be 0.15000000000000002, 3 ÷ 20 is 0.15).
    static func decimal(_ n: Double, _ exponent: Int) -> Double {
        exponent >= 0 ? n * pow(10, Double(exponent)) : n / pow(10, Double(-exponent))
    }

    /// A tick's label, with as many decimals as the step needs: 0.05 → `5 %` as a
    /// percentage, 2500 → `2 500` (a narrow space between thousands).
    public func label(_ value: Double) -> String {
        let (shown, shownStep) = format == .percent ? (100 * value, 100 * step) : (value, step)
        let decimals = max(0, Int((-log10(shownStep) - 1e-9).rounded(.up)))
        var text = String(format: "%.\(decimals)f", shown)
        if text.hasPrefix("-"), Double(text) == 0 { text.removeFirst() }
        if abs(shown) >= 10_000 { text = Self.grouped(text) }
        return format == .percent ? text + " %" : text
    }

    private static func grouped(_ text: String) -> String {
        let sign = text.hasPrefix("-") ? "-" : "", digits = text.drop { $0 == "-" }
        let whole = digits.prefix { $0 != "." }, rest = digits.dropFirst(whole.count)
        var groups: [Substring] = [], end = whole.endIndex
        while end > whole.startIndex {
            let start = whole.index(end, offsetBy: -3, limitedBy: whole.startIndex) ?? whole.startIndex
            groups.insert(whole[start..<end], at: 0)
            end = start
        }
        return sign + groups.joined(separator: "\u{202F}") + rest
    }
}

/// How tick values read: as they are, or a fraction as a percentage.
public enum TickFormat: Sendable {
    case plain, percent

    /// A value in full enough for a tooltip or a table: a percentage with two decimals
    /// (`31.59 %`), a whole number as it is (`2025`), otherwise up to three decimals.
    public func text(_ value: Double) -> String {
        if self == .percent { return String(format: "%.2f %%", 100 * value) }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}

/// A linear map from data values to pixels along one axis.
public struct LinearScale: Sendable {
    public var low: Double
    public var high: Double
    /// The pixels of `low` and of `high` (for a vertical axis `start` is the bottom).
    public var start: Double
    public var end: Double

    public init(_ ticks: NiceTicks, from start: Double, to end: Double) {
        self.init(low: ticks.low, high: ticks.high, from: start, to: end)
    }

    public init(low: Double, high: Double, from start: Double, to end: Double) {
        (self.low, self.high, self.start, self.end) = (low, high, start, end)
    }

    public func pixel(_ value: Double) -> Double {
        start + (value - low) / (high - low) * (end - start)
    }
}
