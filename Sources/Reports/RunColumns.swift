import Foundation

/// The two columns that end `annual.csv` and `targets.csv`, so that a table read apart from
/// its run still says which run made it: `weather_seed`, and `set`, every `--set` of the
/// run as `KEY=VALUE` in the order given, written as a JSON array of strings on one line
/// (`["technologies.lfp_bases.capacity=2GW"]`, `[]` without one). A value may hold any
/// separator a plain list would use (`description=a; b`), so only a quoted list reads back
/// exactly what was given.
public struct RunColumns: Sendable {
    public var seed: UInt64
    public var settings: [String]

    public init(seed: UInt64, settings: [String]) {
        self.seed = seed
        self.settings = settings
    }

    static let header = "weather_seed,set"

    var fields: String { "\(seed)," + CSVField.quoted(Self.list(settings)) }

    /// `settings` as a one-line JSON array of strings.
    static func list(_ settings: [String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(settings)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
