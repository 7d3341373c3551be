extension DuplicateKey {
    /// The repeat of `key` in a flow mapping (`years: {base: 2020, end: 2030, base: 2025}`),
    /// whose first occurrence is at `line`, `column` (from 1, in characters as the YAML
    /// parser counts them): the next key of the same mapping, at the same depth of
    /// brackets, that is `key`. The path is the keys of the mappings that hold it, flow
    /// or block; nil inside a list. Nil when the first occurrence is not in a flow
    /// mapping, or the scan cannot find the repeat as written.
    init?(flowKey key: String, line: Int, column: Int, in text: String) {
        let scan = FlowScan(text)
        guard let first = scan.index(line: line, column: column), scan.startsFlowKey(at: first),
              let repeated = scan.nextKey(named: key, after: first) else { return nil }
        (self.line, self.column) = scan.position(of: repeated)
        path = scan.path(of: key, at: first)
    }
}

/// The characters of a YAML text, read with the few rules that find the keys of a flow
/// mapping: brackets nest, quoted text and comments hold no syntax.
private struct FlowScan {
    let characters: [Unicode.Scalar]

    init(_ text: String) { characters = Array(text.unicodeScalars) }

    /// The index of the character at `line`, `column` (from 1).
    func index(line: Int, column: Int) -> Int? {
        var (l, c) = (1, 1)
        for (i, character) in characters.enumerated() {
            if (l, c) == (line, column) { return i }
            if TextLines.endsLine(character, before: i + 1 < characters.count ? characters[i + 1] : nil) { (l, c) = (l + 1, 1) } else { c += 1 }
        }
        return nil
    }

    /// Line and column (from 1) of the character at `index`.
    func position(of index: Int) -> (Int, Int) {
        TextLines.position(of: index, in: characters)
    }

    /// Whether the key at `index` follows `{` or `,`: a key of a flow mapping.
    func startsFlowKey(at index: Int) -> Bool {
        guard let before = previousVisible(before: index) else { return false }
        return characters[before] == "{" || characters[before] == ","
    }

    /// The start of the next key named `key` in the mapping whose key starts at `index`.
    func nextKey(named key: String, after index: Int) -> Int? {
        var depth = 0, i = index, quote: Unicode.Scalar?
        while i < characters.count {
            let character = characters[i]
            if let open = quote {
                if character == "\\" && open == "\"" { i += 1 } else if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", i == 0 || characters[i - 1] == " " || characters[i - 1] == "\n" {
                while i < characters.count, characters[i] != "\n" { i += 1 }
                continue
            } else if character == "{" || character == "[" {
                depth += 1
            } else if character == "}" || character == "]" {
                if depth == 0 { return nil }
                depth -= 1
            } else if character == ",", depth == 0 {
                var start = i + 1
                while start < characters.count, characters[start] == " " || characters[start] == "\n" || characters[start] == "\r" { start += 1 }
                if name(at: start) == key { return start }
            }
            i += 1
        }
        return nil
    }

    /// The keys of the mappings that hold the key at `index`, outermost first, ending
    /// with `key`; nil inside a list or where the text is not read as expected.
    func path(of key: String, at index: Int) -> String? {
        guard let open = opener(before: index) else { return nil }
        guard characters[open] == "{" else { return nil }
        guard let colon = previousVisible(before: open), characters[colon] == ":" else {
            return previousVisible(before: open) == nil ? key : nil
        }
        var start = colon
        while start > 0, !" \n{,".unicodeScalars.contains(characters[start - 1]) { start -= 1 }
        let parent = String(String.UnicodeScalarView(characters[start..<colon])).trimmingQuotes
        guard !parent.isEmpty else { return nil }
        if startsFlowKey(at: start) { return path(of: parent, at: start).map { "\($0).\(key)" } }
        let (line, column) = position(of: start)
        let lineStart = start - (column - 1)
        guard characters[lineStart..<start].allSatisfy({ $0 == " " }) else { return nil }
        let lines = TextLines.lines(of: String(String.UnicodeScalarView(characters)))
        return DuplicateKey.path(of: parent, line: line, column: column, lines: lines).map { "\($0).\(key)" }
    }

    /// The `{` or `[` that opens the bracket holding `index`.
    private func opener(before index: Int) -> Int? {
        var depth = 0
        for i in stride(from: index - 1, through: 0, by: -1) {
            switch characters[i] {
            case "}", "]": depth += 1
            case "{", "[":
                if depth == 0 { return i }
                depth -= 1
            default: break
            }
        }
        return nil
    }

    /// The key written at `index`: up to its `:` (or the end of the entry), quotes removed.
    private func name(at index: Int) -> String {
        var end = index
        while end < characters.count, !":,}\n".unicodeScalars.contains(characters[end]) { end += 1 }
        return String(String.UnicodeScalarView(characters[index..<end])).trimmingCharacters(in: .whitespaces).trimmingQuotes
    }

    /// The last character before `index` that is not white space.
    private func previousVisible(before index: Int) -> Int? {
        var i = index - 1
        while i >= 0, characters[i] == " " || characters[i] == "\n" || characters[i] == "\r" || characters[i] == "\t" { i -= 1 }
        return i >= 0 ? i : nil
    }
}
