/// One field of a CSV line (RFC 4180): as it is, or in double quotes (inner quotes
/// doubled) when it holds a comma, a quote or a line break — a target id or a note may.
public enum CSVField {
    public static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The fields of one line written with `quoted` (no line break inside a field): nil
    /// when it is not such a line — a quote left open, or text after a closing quote.
    public static func fields(_ line: some StringProtocol) -> [String]? {
        var fields: [String] = [], field = "", index = line.startIndex
        while true {
            field = ""
            if index < line.endIndex, line[index] == "\"" {
                index = line.index(after: index)
                while true {
                    guard index < line.endIndex else { return nil }
                    let character = line[index]
                    index = line.index(after: index)
                    if character != "\"" {
                        field.append(character)
                    } else if index < line.endIndex, line[index] == "\"" {
                        field.append("\"")
                        index = line.index(after: index)
                    } else {
                        break
                    }
                }
                guard index == line.endIndex || line[index] == "," else { return nil }
            } else {
                while index < line.endIndex, line[index] != "," {
                    guard line[index] != "\"" else { return nil }
                    field.append(line[index])
                    index = line.index(after: index)
                }
            }
            fields.append(field)
            guard index < line.endIndex else { return fields }
            index = line.index(after: index)
        }
    }
}
