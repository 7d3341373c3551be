/// Finds an alias written where a mapping's key goes (`*name: …`, `{*name : …}`,
/// `? *name`), in the text, before the YAML parser reads it. The parser compares a
/// mapping's keys by hashing them expanded, so a key aliasing a list of lists of
/// aliases took it 35 s, long before the limit on values (`SourceNode.valueLimit`)
/// could act; and Yams exposes no event of its parser to look at first. The scan knows
/// the few rules that find such a key (quotes, comments, block scalars, brackets); a key
/// it misses is still refused after parsing, only slower.
enum AliasKeyScan {
    /// The line and column (from 1) of the first alias in key position, and its name.
    static func firstAliasKey(in text: String) -> (line: Int, column: Int, name: String)? {
        guard text.unicodeScalars.contains("*") else { return nil }
        var quote: Unicode.Scalar?, depth = 0, blockIndent: Int?
        for (number, line) in TextLines.lines(of: text).enumerated() {
            let characters = Array(line.unicodeScalars)
            let indent = characters.prefix { $0 == " " }.count
            if let parent = blockIndent {
                if indent == characters.count || indent > parent { continue }
                blockIndent = nil
            }
            var i = indent, tokenStart = quote == nil, explicitKey = false
            func at(_ index: Int) -> Unicode.Scalar? { index < characters.count ? characters[index] : nil }
            func spaceOrEnd(_ index: Int) -> Bool { at(index) == nil || at(index) == " " || at(index) == "\t" }
            while i < characters.count {
                let c = characters[i]
                if let open = quote {
                    // `\"` inside double quotes and `''` inside single quotes are the quote escaped.
                    if c == "\\" && open == "\"" || c == "'" && open == "'" && at(i + 1) == "'" { i += 1 } else if c == open { quote = nil }
                } else if c == "#", i == 0 || characters[i - 1] == " " || characters[i - 1] == "\t" {
                    break
                } else if c == " " || c == "\t" {
                    // White space separates tokens without starting one.
                } else if tokenStart {
                    switch c {
                    case "\"", "'": (quote, tokenStart) = (c, false)
                    case "{", "[": depth += 1
                    case "}", "]": (depth, tokenStart) = (max(0, depth - 1), false)
                    case "-" where spaceOrEnd(i + 1): break
                    case "?" where spaceOrEnd(i + 1): explicitKey = true
                    case "&", "!":
                        while !spaceOrEnd(i + 1) { i += 1 }
                    case "|" where depth == 0, ">" where depth == 0:
                        blockIndent = indent
                        i = characters.count
                    case "*":
                        var end = i + 1
                        while let n = at(end), n.properties.isAlphabetic || n.properties.numericType != nil || n == "_" || n == "-" { end += 1 }
                        var after = end
                        while at(after) == " " || at(after) == "\t" { after += 1 }
                        if explicitKey || at(after) == ":" {
                            return (number + 1, i + 1, String(String.UnicodeScalarView(characters[(i + 1)..<end])))
                        }
                        tokenStart = false
                    default: tokenStart = false
                    }
                } else if c == ":", spaceOrEnd(i + 1) || depth > 0 && ",]}".unicodeScalars.contains(at(i + 1) ?? " ") {
                    (tokenStart, explicitKey) = (true, false)
                } else if depth > 0 {
                    switch c {
                    case ",": tokenStart = true
                    case "{", "[": (depth, tokenStart) = (depth + 1, true)
                    case "}", "]": depth -= 1
                    default: break
                    }
                }
                i += 1
            }
        }
        return nil
    }
}
