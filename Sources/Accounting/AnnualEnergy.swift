import EnergyModel

/// One year's electricity flows, summed from the hourly dispatch: what the accounting
/// counts. Plain numbers, so the formulas can be checked on a hand-made year.
/// Energies in GWh, powers in GW, fuels in tce, costs in yuan, prices in yuan/GWh.
public struct AnnualEnergy: Sendable, Equatable {
    public var year: Int
    /// Electricity demand met or not (Σ load_t), GWh, and its highest hour, GW.
    public var load: Double
    public var peakLoad: Double
    /// Per technology, in the scenario's order.
    public var technologies: [TechnologyEnergy]
    /// Electricity bought from and sold to the provincial grid, GWh.
    public var imports: Double
    public var exports: Double
    /// The non-fossil part of the exports: Σ_t x_t · f_t, with f_t the non-fossil share of
    /// local generation in hour t (biomass counted at its biogenic fraction), GWh.
    public var nonFossilExports: Double
    /// Load not served, GWh, and the hours in which some was not served.
    public var unserved: Double
    public var lossOfLoadHours: Double
    /// The load not served in each of those hours, GW, largest first (empty when the year
    /// was summed without its hours); what the firm-capacity levers read.
    public var unservedHours: [Double]
    /// The dispatch's cost (the LP objective), yuan.
    public var cost: Double
    /// Load-weighted average and highest hourly price (the balance row's dual), yuan/GWh.
    public var averagePrice: Double
    public var peakPrice: Double

    public init(year: Int, load: Double, peakLoad: Double, technologies: [TechnologyEnergy], imports: Double, exports: Double,
                nonFossilExports: Double, unserved: Double, lossOfLoadHours: Double, unservedHours: [Double] = [], cost: Double,
                averagePrice: Double, peakPrice: Double) {
        self.year = year
        self.load = load
        self.peakLoad = peakLoad
        self.technologies = technologies
        self.imports = imports
        self.exports = exports
        self.nonFossilExports = nonFossilExports
        self.unserved = unserved
        self.lossOfLoadHours = lossOfLoadHours
        self.unservedHours = unservedHours.sorted(by: >)
        self.cost = cost
        self.averagePrice = averagePrice
        self.peakPrice = peakPrice
    }
}

/// One technology's year.
public struct TechnologyEnergy: Sendable, Equatable {
    public var id: String
    public var kind: TechnologyKind
    /// Capacity the dispatch used, averaged over the hours of the year, GW (storage: power).
    public var capacity: Double
    /// Electricity sent out, GWh (storage: discharge).
    public var generation: Double
    /// What the weather or river offered (wind, solar, run-of-river: Σ C·cf_t; reservoir:
    /// inflow), GWh; zero for the others.
    public var available: Double
    /// Offered but not used (wind, solar, run-of-river), GWh.
    public var curtailed: Double
    /// Water released past the turbines (reservoir), GWh of the power it could have made.
    public var spilled: Double
    /// Electricity taken in (storage), GWh.
    public var charge: Double
    /// Usable energy capacity after degradation, averaged over the hours in service
    /// (storage), GWh; zero for the others.
    public var energyCapacity: Double
    /// Fuel burned (coal and gas: generation × heat rate), tce; zero for the others.
    public var fuel: Double
    /// Storage: Σ_t min(charge_t, discharge_t) over the hours both exceed 10⁻⁶ GW, GWh,
    /// and the number of those hours. Charging and discharging in one hour only loses
    /// energy, so an optimum does it only to burn energy: energy nothing else can take,
    /// or energy whose curtailment costs more than the losses.
    public var sameHour = 0.0, sameHourHours = 0.0

    public init(id: String, kind: TechnologyKind, capacity: Double, generation: Double, available: Double = 0, curtailed: Double = 0,
                spilled: Double = 0, charge: Double = 0, energyCapacity: Double = 0, fuel: Double = 0) {
        self.id = id
        self.kind = kind
        self.capacity = capacity
        self.generation = generation
        self.available = available
        self.curtailed = curtailed
        self.spilled = spilled
        self.charge = charge
        self.energyCapacity = energyCapacity
        self.fuel = fuel
    }

    /// Equivalent full cycles (storage): discharge ÷ usable energy capacity.
    public var cycles: Double { energyCapacity > 0 ? generation / energyCapacity : 0 }

    /// Full-load hours: generation ÷ capacity.
    public var fullLoadHours: Double { capacity > 0 ? generation / capacity : 0 }
}
