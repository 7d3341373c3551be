/// One field of a CSV line (RFC 4180): as it is, or in double quotes (inner quotes
/// doubled) when it holds a comma, a quote or a line break — a target id or a note may.
public enum CSVField {
    /// Decided scalar by scalar, not by `Character`: a comma followed by a combining mark
    /// (U+0301) is one Character, and was written bare, then read as no comma at all.
    public static func quoted(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || lineEnds.contains($0.value) }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `text` cut at every `separator`, scalar by scalar, empty pieces kept: a comma or a
    /// line break followed by a combining mark (U+0301) is one Character, so `split` on
    /// Characters kept `plain,́x` as one value.
    public static func pieces(_ text: some StringProtocol, at separator: Unicode.Scalar) -> [String] {
        text.unicodeScalars.split(separator: separator, omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
    }

    /// The scalars that end a line (as `Character.isNewline` has them).
    private static let lineEnds: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]

    /// The fields of one line written with `quoted` (no line break inside a field), read
    /// scalar by scalar: nil when it is not such a line — a quote left open, or text after
    /// a closing quote.
    public static func fields(_ line: some StringProtocol) -> [String]? {
        let scalars = Array(line.unicodeScalars)
        var fields: [String] = [], index = 0
        while true {
            var field = String.UnicodeScalarView()
            if index < scalars.count, scalars[index] == "\"" {
                index += 1
                while true {
                    guard index < scalars.count else { return nil }
                    let scalar = scalars[index]
                    index += 1
                    if scalar != "\"" {
                        field.append(scalar)
                    } else if index < scalars.count, scalars[index] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        break
                    }
                }
                guard index == scalars.count || scalars[index] == "," else { return nil }
            } else {
                while index < scalars.count, scalars[index] != "," {
                    guard scalars[index] != "\"" else { return nil }
                    field.append(scalars[index])
                    index += 1
                }
            }
            fields.append(String(field))
            guard index < scalars.count else { return fields }
            index += 1
        }
    }
}
