/// A target of the plan, as data: what is counted, in which year, and the threshold.
public struct Target: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        /// Non-fossil share of total energy consumption.
        case nonFossilShare = "non_fossil_share"
        /// Installed capacity of a set of technologies at the end of the year.
        case capacity
        /// Capacity added (sum of yearly increases) from the end of `since` to the end of the year.
        case capacityAdded = "capacity_added"
        /// Consumption of one fuel, power and non-power use together.
        case fuel
        /// Load not served, energy per year.
        case unservedEnergy = "unserved_energy"
        /// Hours with load not served.
        case lossOfLoadHours = "loss_of_load_hours"
        /// Curtailed share of wind, solar and run-of-river energy.
        case curtailment

        /// Whether the scenario alone decides the target (no dispatch needed).
        public var isCapacityType: Bool { self == .capacity || self == .capacityAdded }
    }

    public enum Comparison: String, Sendable {
        /// value ≥ required is met; within `tolerance` below it, "within tolerance".
        case atLeast = "at_least"
        /// value ≤ required is met; within `tolerance` above it, "within tolerance".
        case atMost = "at_most"
        /// |value − required| ≤ tolerance is met.
        case about
    }

    public enum Fuel: String, CaseIterable, Sendable {
        case coal, oil
        case naturalGas = "natural_gas"
    }

    public var id: String
    public var kind: Kind
    public var year: Int
    public var comparison: Comparison
    /// The threshold, in canonical units of the kind: fraction, GW, GWh, h; fuels in tce
    /// (converted at the scenario's `accounting.conversion` factors).
    public var required: Double
    /// How far on the wrong side still counts as "within tolerance" (same units).
    public var tolerance: Double
    /// The unit the target was written in, for display (e.g. "GW", "%", "m³").
    public var displayUnit: DisplayUnit
    /// 力争 ("strive for"): the plan's softer wording.
    public var strive: Bool
    public var note: String?
    /// The technology ids counted (capacity kinds).
    public var technologies: [String]
    /// The selectors as written (kinds, groups or ids), for display.
    public var selectors: [String]
    /// First year of an additions target: additions are counted after its end.
    public var since: Int?
    public var fuel: Fuel?
    public var location: SourceLocation
}

/// A unit for showing a target's numbers: its symbol and how many canonical units it is.
public struct DisplayUnit: Hashable, Sendable {
    public var symbol: String
    public var scale: Double

    public init(_ symbol: String, _ scale: Double) {
        self.symbol = symbol
        self.scale = scale
    }

    /// `canonical` in this unit; by a decimal shift when the scale is a power of ten, so
    /// that 0.28 shows as 28 %, not 28.000000000000004 (`DecimalShift`). Any other scale
    /// (raw coal's tce per 万吨) is divided and rounded to 15 significant digits, so that
    /// a threshold written as 400 万吨 shows as 400, not 399.99999999999994.
    public func display(_ canonical: Double) -> Double {
        guard let power = DecimalShift.powerOfTen(scale) else {
            let value = canonical / scale
            return Double(String(format: "%.15g", value)) ?? value
        }
        return DecimalShift.shift(canonical, by: -power)
    }

    public static let percent = DisplayUnit("%", 0.01)
    public static let hour = DisplayUnit("h", 1)
    public static let tce = DisplayUnit("tce", 1)
    public static let tonne = DisplayUnit("t", 1)
}
