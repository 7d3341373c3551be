import Foundation

/// Where a value was written: file, line and column (both from 1).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, or the place alone when it has no lines (line 0: a `--set`
    /// option, which `--set KEY=VALUE:1:1` made look like a file).
    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }
}

/// One problem found in a scenario, printed as
/// `FILE:LINE:COLUMN: error: key.path: found …, expected …`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    /// The key path of the value, e.g. `technologies.baoqing.capacity`, or `(file)`.
    public var path: String
    public var found: String
    public var expected: String

    public init(location: SourceLocation, path: String, found: String, expected: String) {
        self.location = location
        self.path = path
        self.found = found
        self.expected = expected
    }

    /// One line, whatever the file wrote: a control character in a value (a line break
    /// of a block scalar, a tab) is shown escaped, so that every line of a report starts
    /// with its place.
    public var description: String {
        "\(location): error: \(Self.oneLine(path)): found \(Self.oneLine(found)), expected \(Self.oneLine(expected))"
    }

    /// `text` with each control character written as an escape (`\n`, `\t`, `\u{1B}`).
    public static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            guard scalar.properties.generalCategory == .control else {
                shown.unicodeScalars.append(scalar)
                continue
            }
            let escape = switch scalar {
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            default: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
            shown += escape
        }
        return shown
    }

    /// The first control character of `text` (C0, DEL or C1), escaped as `oneLine`
    /// shows it (`\u{1B}`); nil when there is none. A text printed to a terminal must
    /// not hold one: ESC or U+009B starts a sequence that recolours, moves or rewrites
    /// what the terminal shows.
    public static func controlCharacter(in text: String) -> String? {
        text.unicodeScalars.first { $0.properties.generalCategory == .control }.map { oneLine(String($0)) }
    }

    /// A number in a message: three decimals, more below 1 so that four significant
    /// digits show (0.0013 GW, not 0.001), written out without an exponent below 10¹⁵
    /// and above 10⁻¹² in size, and with one, to four digits, beyond. A bound is
    /// shown rounded down (`roundingDown`), so that the value shown passes the check it
    /// bounds; the factor 1 + 10⁻¹² keeps a bound such as 0.3, stored a hair below,
    /// from showing as 0.2999.
    public static func number(_ value: Double, roundingDown: Bool = false) -> String {
        // Beyond 10¹⁵ or below 10⁻¹² in size (a stray exponent), written out the number
        // would run to hundreds of digits, or show as 0.
        if value.isFinite, value != 0, abs(value) >= 1e15 || abs(value) < 1e-12 {
            return String(format: "%.4g", value)
        }
        let decimals = value == 0 || !value.isFinite ? 3 : min(17, max(3, 3 - Int(log10(abs(value)).rounded(.down))))
        let scale = pow(10, Double(decimals))
        let shown = roundingDown ? (value * scale * (1 + 1e-12)).rounded(.down) / scale : value
        var text = String(format: "%.\(decimals)f", shown)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}

/// Every problem of a scenario, reported together so that one run shows them all.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
