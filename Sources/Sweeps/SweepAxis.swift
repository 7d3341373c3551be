import EnergyModel

/// One axis of a sweep: a scenario key and the values it takes, each a YAML value with
/// its unit (`0.5 GW`). Written `KEY=V1,V2,…` where an item may also be a range
/// `A...B:STEP` (`0.5GW...2GW:0.25GW` → 0.5, 0.75, …, 2 GW), in A's unit.
public struct SweepAxis: Sendable, Hashable {
    public var path: String
    public var values: [String]

    public init(path: String, values: [String]) {
        self.path = path
        self.values = values
    }

    /// Parses `KEY=V1,V2,…`; the message says what is wrong, starting with `source`
    /// (`--set`, or a sweep file's `set:`).
    public static func parse(_ text: String, source: String = "--set") -> Result<SweepAxis, SweepError> {
        guard let equals = text.firstIndex(of: "="), !text[..<equals].isEmpty else {
            return .failure(SweepError("\(source) \(text): expected KEY=V1,V2,… (a scenario key, then values with units or ranges A...B:STEP)"))
        }
        let path = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        var values: [String] = []
        for item in text[text.index(after: equals)...].split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            switch expand(item) {
            case let .success(expanded): values += expanded
            case let .failure(error): return .failure(SweepError("\(source) \(path): \(error.message)"))
            }
        }
        guard !values.isEmpty else { return .failure(SweepError("\(source) \(path): no values after =")) }
        if let repeated = firstRepeated(values) {
            return .failure(SweepError("\(source) \(path): the value \(repeated) twice (points of the same value would be counted as separate points)"))
        }
        return .success(SweepAxis(path: path, values: values))
    }

    /// The first value equal to an earlier one: the same quantity (`1GW`, `1 GW`,
    /// `1000 MW`) or, for a value that is not a quantity, the same text.
    static func firstRepeated(_ values: [String]) -> String? {
        var seen: [Quantity] = [], texts: Set<String> = []
        for value in values {
            if case let .success(quantity) = Quantity.parse(value) {
                if seen.contains(where: { $0.dimension == quantity.dimension && $0.value == quantity.value }) { return value }
                seen.append(quantity)
            } else if !texts.insert(value).inserted {
                return value
            }
        }
        return nil
    }

    /// One item: a value as written, or the values of a range `A...B:STEP`.
    static func expand(_ item: String) -> Result<[String], SweepError> {
        guard item.contains("...") else { return item.isEmpty ? .failure(SweepError("an empty value")) : .success([item]) }
        let parts = item.replacingOccurrences(of: "...", with: "\u{0}").split(separator: "\u{0}").map(String.init)
        let ends = parts.count == 2 ? parts[1].split(separator: ":").map(String.init) : []
        guard parts.count == 2, ends.count == 2 else { return .failure(SweepError("the range \(item): expected A...B:STEP")) }
        let (first, last, step) = (parts[0], ends[0], ends[1])
        guard case let .success(a) = Quantity.parse(first), case let .success(b) = Quantity.parse(last), case let .success(s) = Quantity.parse(step),
              let (number, unit) = Quantity.splitNumber(first).map({ ($0.0, String($0.1).trimmingCharacters(in: .whitespaces)) }) else {
            return .failure(SweepError("the range \(item): A, B and STEP must each be a number with its unit"))
        }
        guard a.dimension == b.dimension, a.dimension == s.dimension else {
            return .failure(SweepError("the range \(item): A, B and STEP must be of the same kind of quantity"))
        }
        guard s.value > 0, b.value >= a.value, (b.value - a.value) / s.value <= 10_000 else {
            return .failure(SweepError("the range \(item): expected A ≤ B and a STEP above 0 giving at most 10 000 values"))
        }
        // The values in A's unit: A's number scaled by the canonical ratio.
        let perCanonical = a.value != 0 ? number / a.value : 1 / unitScale(unit)
        let count = Int(((b.value - a.value) / s.value + 1e-9).rounded(.down))
        return .success((0...count).map { k in "\(Self.clean((a.value + Double(k) * s.value) * perCanonical)) \(unit)" })
    }

    /// How many canonical units one `unit` is (for a range starting at zero).
    private static func unitScale(_ unit: String) -> Double {
        if case let .success(one) = Quantity.parse("1 \(unit)") { return one.value }
        return 1
    }

    /// A number without the noise of repeated addition: 0.30000000000000004 → 0.3.
    static func clean(_ value: Double) -> String {
        let rounded = (value * 1e9).rounded() / 1e9
        return rounded == rounded.rounded() ? String(Int(rounded)) : "\(rounded)"
    }
}

/// A sweep that cannot run as asked; the message names the option or key.
public struct SweepError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// A command-line option is wrong (exit status 2), rather than a file (1).
    public var isUsage = false

    public init(_ message: String) {
        self.message = message
    }

    /// A wrong command-line option.
    public static func usage(_ message: String) -> SweepError {
        var error = SweepError(message)
        error.isUsage = true
        return error
    }

    /// `body`'s result; a `SweepError` it throws counts as a wrong option (the option's
    /// text was parsed, not a file's).
    public static func option<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SweepError {
            throw usage(error.message)
        }
    }

    public var description: String { message }
}
