/// What a technology is; each kind has its own parameters (`Technology.Parameters`).
public enum TechnologyKind: String, CaseIterable, Sendable {
    case coal, gas, biomass
    case wasteToEnergy = "waste_to_energy"
    case wind
    case solarCentralised = "solar_centralised"
    case solarDistributed = "solar_distributed"
    case runOfRiver = "run_of_river"
    case reservoirHydro = "reservoir_hydro"
    case pumpedStorage = "pumped_storage"
    case lfp

    public var isStorage: Bool { self == .pumpedStorage || self == .lfp }

    /// Names a target may use for several kinds at once.
    public static let groups: [String: [TechnologyKind]] = [
        "solar": [.solarCentralised, .solarDistributed],
        "hydro": [.runOfRiver, .reservoirHydro],
        "bioenergy": [.biomass, .wasteToEnergy],
        "storage": [.pumpedStorage, .lfp],
    ]
}

/// One generator or storage unit (or a fleet of alike units) of the scenario.
public struct Technology: Sendable {
    public var id: String
    public var name: String?
    public var kind: TechnologyKind
    /// Installed capacity, GW (for storage: discharge power).
    public var capacity: Trajectory
    public var parameters: Parameters

    public enum Parameters: Sendable {
        case thermal(Thermal)
        case bioenergy(Bioenergy)
        case variable(VariableRenewable)
        case reservoir(Reservoir)
        case storage(Storage)
    }
}

/// Planned and forced unavailability of a dispatchable plant.
public struct Availability: Sendable, Equatable {
    /// Fraction of the hours a unit is out unplanned; derates capacity by this fraction.
    public var forcedOutageRate: Double = 0
    /// The planned maintenance window, if any.
    public var maintenance: Maintenance?

    public struct Maintenance: Sendable, Equatable {
        /// First day of the window.
        public var startMonth: Int
        public var startDay: Int
        /// Length in hours.
        public var hours: Double
        /// Fraction of the capacity out during the window.
        public var fraction: Double
    }

    public init() {}
}

/// A coal or gas plant.
public struct Thermal: Sendable {
    /// tce of fuel per GWh of electricity (1 gce/kWh = 1 tce/GWh).
    public var heatRate: Trajectory
    /// yuan per tce of fuel (gas prices given per m³ are converted at the scenario's factor).
    public var fuelPrice: Trajectory
    /// yuan/GWh of variable operation and maintenance.
    public var variableCost: Double
    /// Lowest stable output when running, fraction of available capacity.
    public var minimumStableFraction: Double
    /// Largest change of output in one hour, fraction of capacity.
    public var rampRate: Double
    public var availability: Availability
    /// t CO2 per tce of fuel burned.
    public var emissionFactor: Double
    /// t CO2 per GWh generated that the carbon market allocates free (China's national
    /// market: a benchmark per MWh); the carbon cost in dispatch is carbon price ×
    /// (emissions per GWh − this). 0: every tonne is paid for.
    public var freeAllocation: Trajectory = .constant(0)
}

/// Biomass or waste-to-energy power.
public struct Bioenergy: Sendable {
    /// Share of the fuel's energy that is biogenic (non-fossil); the rest (plastics in
    /// waste) counts as fossil.
    public var biogenicFraction: Double
    /// yuan/GWh, fuel and variable O&M together.
    public var variableCost: Double
    public var availability: Availability
    /// Full-load hours the fuel supply allows per year; nil when not limited.
    public var fuelLimitedHours: Double?
}

/// Wind, solar or run-of-river hydro: output follows the weather or the river.
public struct VariableRenewable: Sendable {
    /// Full-load hours per year the hourly profile is scaled to (annual energy ÷ capacity).
    public var fullLoadHours: Trajectory?
    /// Measured hourly capacity factors (0–1); when given, they are used as they are.
    public var profile: HourlySeries?
    /// Panel tilt from horizontal and azimuth (180° = facing south), degrees; solar only.
    /// Unset: tilt equal to the latitude, facing the equator.
    public var tilt: Double?
    public var azimuth: Double?
    /// The turbine's power curve; wind only.
    public var powerCurve: PowerCurve?
    /// yuan/GWh.
    public var variableCost: Double
}

/// A hydro station with a reservoir.
public struct Reservoir: Sendable {
    /// Energy the full reservoir holds above its empty level, GWh.
    public var storageEnergy: Double
    /// Lowest and highest level, fractions of `storageEnergy`; start-of-year level.
    public var minimumLevel: Double
    public var maximumLevel: Double
    public var initialLevel: Double
    /// Natural inflow expressed as the energy it could generate, GWh per year.
    public var inflowEnergy: Trajectory
    /// Minimum release (turbine + spill), GW equivalent.
    public var environmentalFlow: Double
    /// Measured hourly inflow, GW equivalent.
    public var inflow: HourlySeries?
}

/// Pumped storage or a battery.
public struct Storage: Sendable {
    /// Energy capacity, GWh (or nil when given as `duration`).
    public var energy: Trajectory?
    /// Hours at full power; energy = power × duration.
    public var durationHours: Double?
    public var chargeEfficiency: Double
    public var dischargeEfficiency: Double
    /// Fraction of the stored energy lost per hour.
    public var selfDischargePerHour: Double
    public var minimumStateOfCharge: Double
    public var maximumStateOfCharge: Double
    public var initialStateOfCharge: Double
    /// Fraction of energy capacity lost per year of age.
    public var calendarDegradationPerYear: Double
    /// Fraction of energy capacity lost per equivalent full cycle.
    public var cycleDegradationPerCycle: Double
    /// yuan/GWh discharged; small, so that charging and discharging at once never pays.
    public var throughputCost: Double

    /// Energy capacity in `year` for a power trajectory, GWh (before degradation).
    public func energyCapacity(power: Trajectory, in year: Int) -> Double {
        if let energy { return energy.value(in: year) }
        return power.value(in: year) * (durationHours ?? 0)
    }
}

/// A wind turbine's output against hub-height wind speed (m/s): nothing below `cutIn`,
/// rising with the cube of the speed to full output at `rated`, full output up to
/// `cutOut`, where the turbine stops:
/// P/Prated = (v³ − v_in³) / (v_rated³ − v_in³) for v_in ≤ v < v_rated.
public struct PowerCurve: Sendable, Equatable {
    public var cutIn = 3.0
    public var rated = 12.0
    public var cutOut = 25.0

    public init() {}

    /// Output as a fraction of rated power at speed `v`, m/s.
    @inline(__always)
    public func output(at v: Double) -> Double {
        if v < cutIn || v >= cutOut { return 0 }
        if v >= rated { return 1 }
        let v3 = v * v * v, in3 = cutIn * cutIn * cutIn
        return (v3 - in3) / (rated * rated * rated - in3)
    }
}
