/// 8 760 hourly values read from a CSV file (one year of hours; 29 February is not part
/// of capsim's year). Units are those of the key that names the file: GW for load,
/// a capacity factor (0–1) for wind and solar, GW for hydro inflow.
public struct HourlySeries: Hashable, Sendable {
    public static let hoursPerYear = 8760

    /// The file, as resolved against the scenario file that named it.
    public var file: String
    /// The column read (its header), or nil when the file has a single column.
    public var column: String?
    public var values: [Double]
}
