/// One field of a CSV line (RFC 4180): as it is, or in double quotes (inner quotes
/// doubled) when it holds a comma, a quote or a line break — a target id or a note may.
public enum CSVField {
    public static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The two columns that end `annual.csv` and `targets.csv`, so that a table read apart from
/// its run still says which run made it: `weather_seed` and `set`, every `--set` of the
/// run as KEY=VALUE in the order given, separated by "; " (empty without one).
public struct RunColumns: Sendable {
    public var seed: UInt64
    public var settings: [String]

    public init(seed: UInt64, settings: [String]) {
        self.seed = seed
        self.settings = settings
    }

    static let header = "weather_seed,set"

    var fields: String { "\(seed)," + CSVField.quoted(settings.joined(separator: "; ")) }
}
