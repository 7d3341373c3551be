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

    public var description: String { "\(file):\(line):\(column)" }
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

    public var description: String {
        "\(location): error: \(path): found \(found), expected \(expected)"
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
