/// A checked scenario: everything capsim needs to project a city's energy system from
/// `baseYear` to `endYear`. All quantities are in canonical units: GW, GWh, h, tce, t,
/// m³, yuan, and fractions (0–1); prices in yuan per GWh, per tce, per m³ or per t.
public struct Scenario: Sendable {
    public var name: String
    /// The scenario file as given on the command line.
    public var file: String
    public var description: String?
    public var location: Location
    public var baseYear: Int
    public var endYear: Int
    public var weather: Weather
    public var demand: Demand
    public var nonPowerFuels: NonPowerFuels
    /// Generators and storage, in the order the file lists them.
    public var technologies: [Technology]
    public var grid: GridLink?
    public var costs: Costs
    public var accounting: AccountingRules
    public var targets: [Target]
    /// Every number written in the file, with its provenance (for `validate --provenance`).
    public var numbers: [NumberRecord]
    /// Where each key that holds no number was written (a CSV series), for messages
    /// about it (`location(ofKey:)`).
    public var keyLocations: [String: SourceLocation] = [:]

    public var years: ClosedRange<Int> { baseYear...endYear }

    public func technology(id: String) -> Technology? { technologies.first { $0.id == id } }

    /// Every hourly series read from a CSV file: the load's, then each technology's
    /// profile or inflow, in the order of the file.
    public var hourlySeries: [HourlySeries] {
        var series = demand.hourly.map { [$0] } ?? []
        for technology in technologies {
            switch technology.parameters {
            case let .variable(renewable): series += renewable.profile.map { [$0] } ?? []
            case let .reservoir(reservoir): series += reservoir.inflow.map { [$0] } ?? []
            default: break
            }
        }
        return series
    }

    /// Where a key was written, from the first number recorded at or under it
    /// (for messages about values that are valid alone but not together).
    public func location(ofKey path: String) -> SourceLocation? {
        keyLocations[path] ?? numbers.first { $0.path == path || $0.path.hasPrefix(path + ".") }?.location
    }
}

public struct Location: Sendable {
    public var name: String?
    /// Degrees north (negative south).
    public var latitude: Double
    /// Degrees east (negative west).
    public var longitude: Double
    /// Hours ahead of UTC (China Standard Time: 8). capsim's clock has no daylight saving.
    public var utcOffsetHours: Double
    public var timeZone: String?
}

/// What drives the generated hourly series (see `Profiles`): one seed and the
/// statistics of the city's sun, wind and rivers.
public struct Weather: Sendable {
    /// Seed of every generated series: the same seed gives the same weather.
    public var seed: UInt64
    /// Multiplies every hydro station's inflow in a year (a dry year: below 100 %).
    public var hydroInflowFactor: Trajectory
    public var solar = SolarClimate()
    public var wind = WindClimate()
    public var hydro = HydroClimate()

    public init(seed: UInt64, hydroInflowFactor: Trajectory) {
        self.seed = seed
        self.hydroInflowFactor = hydroInflowFactor
    }
}

/// The daily cloudiness process that turns clear-sky irradiance into all-sky irradiance.
public struct SolarClimate: Sendable, Equatable {
    /// Mean ratio of a day's irradiance to the clear sky's (0–1); Hunan is cloudy.
    public var meanClearness = 0.55
    /// Standard deviation of the daily clearness.
    public var variability = 0.22
    /// Correlation of one day's clearness with the next (day-to-day persistence).
    public var persistence = 0.6

    public init() {}
}

/// Hub-height wind statistics.
public struct WindClimate: Sendable, Equatable {
    /// Mean hub-height wind speed, m/s.
    public var meanSpeed = 6.5
    /// Weibull shape parameter k of the hourly speeds (2 is the Rayleigh case).
    public var weibullShape = 2.0
    /// Correlation of one hour's speed with the next (before the Weibull transform).
    public var persistence = 0.975
    /// Relative amplitude of the seasonal cycle and the month it peaks in (1–12).
    public var seasonalAmplitude = 0.15
    public var windiestMonth = 3
    /// Relative amplitude of the daily cycle and the local hour it peaks at (0–23).
    public var diurnalAmplitude = 0.10
    public var windiestHour = 15

    public init() {}
}

/// River flow statistics shared by the city's hydro stations.
public struct HydroClimate: Sendable, Equatable {
    /// Months of the flood season (April to July by default).
    public var floodSeason: ClosedRange<Int> = 4...7
    /// Mean inflow of a flood-season month relative to the other months.
    public var floodFactor = 2.5
    /// Standard deviation of the logarithm of daily inflow around its seasonal mean.
    public var variability = 0.35
    /// Correlation of one day's inflow anomaly with the next.
    public var persistence = 0.9

    public init() {}
}

public struct Demand: Sendable {
    /// Electricity use of the whole society (全社会用电量), GWh per year.
    public var annualEnergy: Trajectory
    /// Highest hourly load, GW.
    public var peak: Trajectory
    public var shape: LoadShape
    /// A reference year's hourly load, rescaled to each year's energy and peak.
    public var hourly: HourlySeries?
}

/// The synthetic load shape's parameters (Hunan's pattern by default).
public struct LoadShape: Sendable, Equatable {
    /// Extra load at the height of summer (the turn of July and August), relative to a
    /// spring or autumn day; about half of it at the start of July and end of August.
    public var summerUplift: Double = 0.15
    /// Extra load in mid-January, on the same terms.
    public var winterUplift: Double = 0.08
    /// Weekend load relative to weekdays.
    public var weekendFactor: Double = 0.92
    /// Local hours of the daytime peak (10:00 to 14:00) and evening peak (20:00 to 23:00).
    public var dayPeakHours: ClosedRange<Int> = 10...14
    public var eveningPeakHours: ClosedRange<Int> = 20...23

    public init() {}
}

/// Fuel used outside power generation, in tce per year.
public struct NonPowerFuels: Sendable {
    public var coal: Trajectory
    public var oil: Trajectory
    public var naturalGas: Trajectory
    /// Non-fossil energy used directly (solar heat, biomass heat, geothermal…).
    public var otherNonFossil: Trajectory
}

/// Exchange with the provincial grid.
public struct GridLink: Sendable {
    /// GW.
    public var importLimit: Trajectory
    public var exportLimit: Trajectory
    /// yuan/GWh.
    public var importPrice: Trajectory
    public var exportPrice: Trajectory
    /// Non-fossil share of the electricity imported (0–1).
    public var nonFossilShare: Trajectory
}

public struct Costs: Sendable {
    /// yuan per t of CO2.
    public var carbonPrice: Trajectory
    /// yuan/GWh of load not served.
    public var valueOfLostLoad: Double
    /// yuan/GWh of wind, solar or run-of-river energy not used.
    public var curtailmentCost: Double
}
