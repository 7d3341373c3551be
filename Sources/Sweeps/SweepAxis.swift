import EnergyModel
import Reports

/// One axis of a sweep: a scenario key and the values it takes, each a YAML value with
/// its unit (`0.5 GW`). Written `KEY=V1,V2,…` where an item may also be a range
/// `A...B:STEP` (`0.5GW...2GW:0.25GW` → 0.5, 0.75, …, 2 GW), in A's unit.
public struct SweepAxis: Sendable, Hashable {
    public var path: String
    public var values: [String]
    /// Where a sweep file wrote each value (a range's values share the range's place), so
    /// that a message about a value points there; empty for an axis given by `--set`.
    public var origins: [ScenarioOverride.Origin]

    /// The most values a range may give.
    static let rangeLimit = 10_000

    /// The scenario's weather seed, which a point's own seed (`--seeds`) replaces: an
    /// axis over it would run the same projection under several names.
    static let seedKey = "weather.seed"

    public init(path: String, values: [String], origins: [ScenarioOverride.Origin] = []) {
        self.path = path
        self.values = values
        self.origins = origins
    }

    /// The override setting the axis to its value at `position`.
    public func override(at position: Int) -> ScenarioOverride {
        ScenarioOverride(path: path, value: values[position], origin: origins.isEmpty ? nil : origins[position])
    }

    /// Parses `KEY=V1,V2,…`; the message says what is wrong, starting with `source`
    /// (`--set`, or a sweep file's `set:`).
    public static func parse(_ text: String, source: String = "--set") -> Result<SweepAxis, SweepError> {
        guard let equals = text.firstIndex(of: "="), !text[..<equals].isEmpty else {
            return .failure(SweepError("\(source) \(text): expected KEY=V1,V2,… (a scenario key, then values with units or ranges A...B:STEP)"))
        }
        let path = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        let list = text[text.index(after: equals)...]
        guard !list.allSatisfy(\.isWhitespace) else { return .failure(SweepError("\(source) \(path): no values after =")) }
        return parse(path: path, items: CSVField.pieces(list, at: ",").map { ($0, nil) }, source: source)
    }

    /// The axis of `path` over `items`, each a value or a range with where a file wrote it
    /// (nil for an option); the message says what is wrong, starting with `source`.
    static func parse(path: String, items: [(text: String, origin: ScenarioOverride.Origin?)], source: String) -> Result<SweepAxis, SweepError> {
        if let problem = pathProblem(path) { return .failure(SweepError("\(source) \(path): \(problem)")) }
        guard path != seedKey else {
            return .failure(SweepError("\(source) \(seedKey): the weather seed is not an axis: each point's seed replaces the scenario's; give the seeds with --seeds (in a sweep file, seeds:)"))
        }
        guard !items.isEmpty else { return .failure(SweepError("\(source) \(path): no values")) }
        var values: [String] = [], origins: [ScenarioOverride.Origin] = []
        for (number, item) in items.enumerated() {
            let text = item.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else {
                return .failure(SweepError("\(source) \(path): item \(number + 1) of \(items.count) is empty (two commas together, or one at an end)"))
            }
            // A line break would split the value's row of points.csv, and any control
            // character would end up in the HTML report, which XML forbids them in.
            if let shown = Diagnostic.controlCharacter(in: text) {
                return .failure(SweepError("\(source) \(path): item \(number + 1) of \(items.count) holds the control character \(shown), expected a value on one line of printable text"))
            }
            switch expand(text) {
            case let .success(expanded):
                values += expanded
                if let origin = item.origin { origins += repeatElement(origin, count: expanded.count) }
            case let .failure(error): return .failure(SweepError("\(source) \(path): \(error.message)"))
            }
        }
        if let repeated = firstRepeated(values) {
            return .failure(SweepError("\(source) \(path): the value \(repeated) twice (points of the same value would be counted as separate points)"))
        }
        return .success(SweepAxis(path: path, values: values, origins: origins))
    }

    /// What is wrong with `path` as a key path, nil when nothing is: an empty key (a dot
    /// leading, trailing or doubled) was dropped when the path was laid over the scenario,
    /// so `a..b` set `a.b` and `a.b.` set `a.b` under a name points.csv kept as written.
    public static func pathProblem(_ path: String) -> String? {
        let keys = path.split(separator: ".", omittingEmptySubsequences: false)
        guard let empty = keys.firstIndex(where: \.isEmpty) else { return nil }
        let expected = "expected the scenario's keys joined by single dots"
        guard keys.count > 1 else { return "no key; \(expected)" }
        let place = empty == 0 ? "a dot at its start" : empty == keys.count - 1 ? "a dot at its end" : "two dots together"
        return "key \(empty + 1) of \(keys.count) is empty (\(place)); \(expected)"
    }

    /// Whether one key path lies inside the other, or is the same: `a.b` and `a.b` or
    /// `a.b.c`, not `a.bc`. Two such axes set one entry of the scenario, the later one
    /// overwriting (part of) the other, while points.csv lists both values.
    public static func overlaps(_ one: String, _ other: String) -> Bool {
        one == other || one.hasPrefix(other + ".") || other.hasPrefix(one + ".")
    }

    /// Why two axes whose keys overlap are refused, in a message naming both.
    public static let overlapProblem = "one key lies inside the other, so one value would overwrite all or part of the other "
        + "while the results list both; set only one of them"

    /// The first value equal to an earlier one: the same quantity (`1GW`, `1 GW`,
    /// `1000 MW`), the same bare number (`2`, `2.0`, `+2`, `02`) or, for any other value,
    /// the same text. One set lookup a value, so a range of 10 000 values is checked in
    /// linear time.
    static func firstRepeated(_ values: [String]) -> String? {
        var quantities: Set<Quantity> = [], numbers: Set<Double> = [], texts: Set<String> = []
        return values.first { value in
            switch Quantity.parse(value) {
            case let .success(quantity): return !quantities.insert(quantity).inserted
            case let .failure(.bareNumber(number)): return !numbers.insert(number).inserted
            case .failure: return !texts.insert(value).inserted
            }
        }
    }

    /// One item: a value as written, or the values of a range `A...B:STEP`.
    static func expand(_ item: String) -> Result<[String], SweepError> {
        guard item.contains("...") else { return .success([item]) }
        let parts = item.replacingOccurrences(of: "...", with: "\u{0}").split(separator: "\u{0}").map(String.init)
        let ends = parts.count == 2 ? parts[1].split(separator: ":").map(String.init) : []
        guard parts.count == 2, ends.count == 2 else { return .failure(SweepError("the range \(item): expected A...B:STEP")) }
        let (first, last, step) = (parts[0], ends[0], ends[1])
        // A key without a unit (a flood factor, a month) takes a range of bare numbers.
        if case let .failure(.bareNumber(a)) = Quantity.parse(first), case let .failure(.bareNumber(b)) = Quantity.parse(last),
           case let .failure(.bareNumber(s)) = Quantity.parse(step) {
            return steps(from: a, to: b, by: s, scale: 1, unit: "", item).flatMap { count in values(count, from: a, by: s, unit: "", item) }
        }
        guard case let .success(a) = Quantity.parse(first), case let .success(b) = Quantity.parse(last), case let .success(s) = Quantity.parse(step),
              let (number, unit) = Quantity.splitNumber(first).map({ ($0.0, String($0.1).trimmingCharacters(in: .whitespaces)) }) else {
            return .failure(SweepError("the range \(item): A, B and STEP must each be a number with its unit, or each a bare number for a key without one"))
        }
        guard a.dimension == b.dimension, a.dimension == s.dimension else {
            return .failure(SweepError("the range \(item): A, B and STEP must be of the same kind of quantity"))
        }
        // The values in A's unit: A's number scaled by the canonical ratio.
        let perCanonical = a.value != 0 ? number / a.value : 1 / unitScale(unit)
        return steps(from: a.value, to: b.value, by: s.value, scale: perCanonical, unit: " \(unit)", item).flatMap { count in
            values(count, from: a.value * perCanonical, by: s.value * perCanonical, unit: " \(unit)", item)
        }
    }

    /// Steps from A to B: one fewer than the values. B must lie a whole number of steps
    /// from A (to 10⁻⁶ of a step): a range that stopped short of it (0.1GW...0.35GW:0.1GW
    /// ran 0.1, 0.2 and 0.3 GW) would leave out the end the user wrote.
    /// `scale` and `unit` write a value in A's unit for the message.
    private static func steps(from a: Double, to b: Double, by s: Double, scale: Double, unit: String, _ item: String) -> Result<Int, SweepError> {
        let steps = (b - a) / s
        guard s > 0, b >= a, steps + 1e-6 < Double(rangeLimit) else {
            return .failure(SweepError("the range \(item): expected A ≤ B and a STEP above 0 giving at most 10 000 values"))
        }
        // Rounding in A and B is a few units in their last place, which beside 10¹⁰ steps
        // and more outweighs 10⁻⁶ of a step.
        let whole = steps.rounded(), slack = max(1e-6, 8 * max(abs(a), abs(b)).ulp / s)
        guard abs(steps - whole) <= slack else {
            let last = a + steps.rounded(.down) * s
            return .failure(SweepError("the range \(item): B is not a whole number of steps from A; "
                + "end it at \(clean(last * scale))\(unit) or \(clean((last + s) * scale))\(unit)"))
        }
        return .success(Int(whole))
    }

    /// The `count` + 1 values A, A + STEP, … in A's unit (`unit` with its leading space, or
    /// empty for bare numbers), each written to 9 decimals. A step too fine for that
    /// (10⁻⁹ GW) is refused rather than rounded into values never asked for.
    private static func values(_ count: Int, from a: Double, by s: Double, unit: String, _ item: String) -> Result<[String], SweepError> {
        var values: [String] = []
        for k in 0...count {
            let exact = a + Double(k) * s, written = clean(exact)
            guard let read = Double(written), abs(read - exact) <= max(1e-6 * s, 8 * exact.ulp) else {
                return .failure(SweepError("the range \(item): its values need more than 9 decimals in A's unit; write A, B and STEP in a smaller unit"))
            }
            values.append(written + unit)
        }
        return .success(values)
    }

    /// How many canonical units one `unit` is (for a range starting at zero).
    private static func unitScale(_ unit: String) -> Double {
        if case let .success(one) = Quantity.parse("1 \(unit)") { return one.value }
        return 1
    }

    /// A number without the noise of repeated addition: 0.30000000000000004 → 0.3. A whole
    /// number is written without a fraction while a double holds it exactly (below 2⁵³);
    /// beyond, as Swift writes it (1e+19), which the value's own range check then refuses.
    static func clean(_ value: Double) -> String {
        // Beyond 10¹⁵ a double holds no decimals to round, and × 10⁹ would overflow to inf.
        let rounded = abs(value) < 1e15 ? (value * 1e9).rounded() / 1e9 : value
        return rounded == rounded.rounded() && abs(rounded) < 0x1p53 ? String(Int(rounded)) : "\(rounded)"
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
