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
