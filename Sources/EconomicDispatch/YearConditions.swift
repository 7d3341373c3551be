import EnergyModel

/// Everything one year's dispatch needs besides the hourly profiles: each technology's
/// capacity in service, costs and limits in that year, and the grid and cost terms.
public struct YearConditions: Sendable {
    public var year: Int
    /// In the scenario's order.
    public var technologies: [TechnologyYear]
    /// yuan per t of CO₂.
    public var carbonPrice: Double
    /// yuan/GWh.
    public var valueOfLostLoad: Double
    public var curtailmentCost: Double
    public var grid: GridYear?

    /// `aging` gives each storage technology's cohorts and cycles (see `StorageAging`);
    /// without it, a technology's nameplate energy is all usable.
    public init(scenario: Scenario, year: Int, aging: (String) -> StorageAging? = { _ in nil }) {
        self.year = year
        carbonPrice = scenario.costs.carbonPrice.value(in: year)
        valueOfLostLoad = scenario.costs.valueOfLostLoad
        curtailmentCost = scenario.costs.curtailmentCost
        grid = scenario.grid.map { GridYear($0, year: year) }
        technologies = scenario.technologies.map { [carbonPrice] in
            TechnologyYear($0, year: year, carbonPrice: carbonPrice, aging: aging($0.id))
        }
    }
}

/// One technology in one year.
public struct TechnologyYear: Sendable {
    public var technology: Technology
    /// Installed at the end of the year, GW (storage: power).
    public var capacity: Double
    /// In service hour by hour (see `ServiceCapacity`), GW, and its mean over the year.
    public var hourlyCapacity: [Double]
    public var averageCapacity: Double
    /// Cost of one more GWh sent out, yuan/GWh. Coal and gas:
    /// fuel price (yuan/tce) × heat rate (tce/GWh) + variable O&M + carbon price (yuan/t)
    /// × emission factor (t/tce) × heat rate; others: their variable cost (storage: the
    /// throughput cost per GWh discharged).
    public var marginalCost: Double
    /// Coal and gas: tce of fuel per GWh.
    public var heatRate: Double?
    /// Storage: usable energy hour by hour, GWh, after degradation (`StorageAging`).
    public var energyCapacity: [Double]?
    /// Storage: the fleet's usable share of its nameplate energy at the end of the year
    /// (1 for others), and that nameplate energy, GWh.
    public var usableFraction = 1.0
    public var nameplateEnergy: Double?

    /// Storage: usable energy averaged over the hours in service (energy above zero), GWh;
    /// nil for the others. The divisor of equivalent full cycles: a unit commissioned on
    /// 1 July that cycles once a day makes 184 cycles, not the 368 that its discharge over
    /// the whole year's average energy would count (the cycles age LFP, `StorageAging`).
    public var energyInService: Double? {
        energyCapacity.map { hours in
            var (sum, count) = (0.0, 0)
            for energy in hours where energy > 0 {
                sum += energy
                count += 1
            }
            return count > 0 ? sum / Double(count) : 0
        }
    }

    /// The mean of a series that changes only at commissioning and retirement dates: the
    /// sum of each run's value × its share of the hours, so that a year without a dated
    /// event gives its capacity exactly (summing 8 760 equal values left 1.3199999999998
    /// for 1.32 GW in annual.csv and in the full-load hours divided by it).
    static func mean(_ hourly: [Double]) -> Double {
        guard let first = hourly.first else { return 0 }
        var (total, value, start) = (0.0, first, 0)
        for (hour, capacity) in hourly.enumerated() where capacity != value {
            total += value * (Double(hour - start) / Double(hourly.count))
            (value, start) = (capacity, hour)
        }
        return start == 0 ? value : total + value * (Double(hourly.count - start) / Double(hourly.count))
    }

    /// `power` GW more, in service all year, the addition a measured lever tries (more PV,
    /// a larger battery); storage also gets `power` × `durationHours` GWh more energy, all
    /// of it usable (new cells).
    public mutating func add(_ power: Double, durationHours: Double = 0) {
        capacity += power
        hourlyCapacity = hourlyCapacity.map { $0 + power }
        averageCapacity += power
        if let energy = energyCapacity {
            energyCapacity = energy.map { $0 + power * durationHours }
            nameplateEnergy = (nameplateEnergy ?? 0) + power * durationHours
        }
    }

    init(_ technology: Technology, year: Int, carbonPrice: Double, aging: StorageAging?) {
        self.technology = technology
        capacity = technology.capacity.value(in: year)
        hourlyCapacity = ServiceCapacity.hourly(technology.capacity, year: year)
        averageCapacity = Self.mean(hourlyCapacity)
        switch technology.parameters {
        case let .thermal(thermal):
            let rate = thermal.heatRate.value(in: year)
            heatRate = rate
            // Carbon is paid on the emissions above the allowances allocated free per GWh.
            let paid = thermal.emissionFactor * rate - thermal.freeAllocation.value(in: year)
            marginalCost = thermal.fuelPrice.value(in: year) * rate + thermal.variableCost + carbonPrice * paid
        case let .bioenergy(bio):
            marginalCost = bio.variableCost
        case let .variable(renewable):
            marginalCost = renewable.variableCost
        case .reservoir:
            marginalCost = 0
        case let .storage(storage):
            marginalCost = storage.throughputCost
            let nameplate = ServiceCapacity.storageEnergy(storage, power: technology.capacity, year: year)
            energyCapacity = aging?.usableEnergy(in: year, nameplate: nameplate) ?? nameplate
            usableFraction = aging?.usableFraction(in: year) ?? 1
            nameplateEnergy = nameplate.last
        }
    }
}

/// The provincial grid link in one year.
public struct GridYear: Sendable {
    /// GW.
    public var importLimit: Double
    public var exportLimit: Double
    /// yuan/GWh.
    public var importPrice: Double
    public var exportPrice: Double
    /// Non-fossil share of imported electricity (0–1).
    public var nonFossilShare: Double

    init(_ link: GridLink, year: Int) {
        importLimit = link.importLimit.value(in: year)
        exportLimit = link.exportLimit.value(in: year)
        importPrice = link.importPrice.value(in: year)
        exportPrice = link.exportPrice.value(in: year)
        nonFossilShare = link.nonFossilShare.value(in: year)
    }
}
