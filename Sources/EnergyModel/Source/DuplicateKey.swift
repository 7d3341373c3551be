/// Where a key written twice in one mapping is written the second time, and the path of
/// keys above it (for a flow mapping, see `init(flowKey:line:column:in:)`). The YAML parser names only the first occurrence; the repeat is
/// the line a user has just added, and the path says which `time_zone` it is.
struct DuplicateKey {
    /// The repeat's line and column (from 1).
    var line: Int, column: Int
    /// Dotted path of the key, such as `location.time_zone`; nil inside a list.
    var path: String?

    /// Looks in `text` for `key` written again below its first occurrence at `line`,
    /// `column` (from 1), at the same indentation before the mapping ends. Nil for a flow
    /// mapping (`{a: 1, a: 2}`, found by `init(flowKey:…)`) or a key the scan cannot find
    /// as written.
    init?(key: String, line: Int, column: Int, in text: String) {
        let lines = TextLines.lines(of: text)
        guard line >= 1, line <= lines.count else { return nil }
        var found: Int?
        for index in line..<lines.count {
            let (indent, rest) = Self.split(lines[index])
            if rest.isEmpty || rest.hasPrefix("#") { continue }
            if indent < column - 1 { break }
            if indent == column - 1, Self.key(of: rest) == key {
                found = index
                break
            }
        }
        guard let found else { return nil }
        (self.line, self.column) = (found + 1, column)
        path = Self.path(of: key, line: line, column: column, lines: lines)
    }

    /// The keys of the block mappings that hold the key at `line`, outermost first; nil
    /// for a line `lines` does not have.
    static func path(of key: String, line: Int, column: Int, lines: [Substring]) -> String? {
        guard line >= 1, line <= lines.count else { return nil }
        var names = [key], indent = column - 1
        for index in stride(from: line - 2, through: 0, by: -1) where indent > 0 {
            let (spaces, rest) = split(lines[index])
            if rest.isEmpty || rest.hasPrefix("#") || spaces >= indent { continue }
            guard !rest.hasPrefix("-"), let name = self.key(of: rest) else { return nil }
            names.insert(name, at: 0)
            indent = spaces
        }
        return names.joined(separator: ".")
    }

    private static func split(_ line: Substring) -> (Int, Substring) {
        let spaces = line.prefix { $0 == " " }.count
        return (spaces, line.dropFirst(spaces))
    }

    /// The key of a `key: …` line, quotes removed; nil for anything else.
    private static func key(of rest: Substring) -> String? {
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let name = rest[..<colon].trimmingCharacters(in: .whitespaces).trimmingQuotes
        return name.isEmpty ? nil : name
    }
}

extension Diagnostic {
    /// A key written a second time in one mapping, at `location`: `names` (quoted) with
    /// where it was first written, by line, and by column too when that is the same line.
    static func repeatedKey(_ names: String, at location: SourceLocation, path: String, first: SourceLocation) -> Diagnostic {
        let firstPlace = first.line == location.line ? "line \(first.line), column \(first.column)" : "line \(first.line)"
        return Diagnostic(location: location, path: path, found: "the key \(names) a second time (first on \(firstPlace))", expected: "each key once")
    }
}

extension String {
    /// The text without the quotes around it, if it has a matching pair (a key written
    /// `"time_zone":` is the key `time_zone`).
    var trimmingQuotes: String {
        guard count >= 2, let first, first == last, first == "\"" || first == "'" else { return self }
        return String(dropFirst().dropLast())
    }
}
