/// One field of a CSV line (RFC 4180): as it is, or in double quotes (inner quotes
/// doubled) when it holds a comma, a quote or a line break — a target id or a note may.
public enum CSVField {
    public static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
