import EnergyModel

/// Usable energy of a storage fleet as it ages (LFP above all): each year's additions
/// form a cohort that loses `calendarDegradationPerYear` of its energy per year of age
/// and `cycleDegradationPerCycle` per equivalent full cycle the fleet has made in the
/// years already simulated since the cohort came:
///
///     usable(y) = Σ_c ΔE_c · max(0, 1 − a·(y − c) − b·N_c(y)) / Σ_c ΔE_c
///     N_c(y) = Σ { cycles of simulated year z : c ≤ z < y }
///
/// ΔE_c is the growth of the fleet's nameplate energy in year c (the base year's fleet is
/// one cohort, aged from the base year); a shrinking year removes energy from the
/// oldest cohorts first, from that year on: the years before it keep their cohorts, so a
/// retirement in 2030 does not change the usable energy of 2024. Cycles come from the
/// dispatch: discharge ÷ usable energy in service. Years not simulated (before
/// `--years`) add no cycles.
public struct StorageAging: Sendable {
    public let calendarRate: Double
    public let cycleRate: Double
    typealias Cohort = (year: Int, energy: Double)
    /// The first year of `fleets`.
    private let baseYear: Int
    /// The cohorts (year, nameplate energy, GWh), oldest first, as they stand in each
    /// year from `baseYear` on.
    private let fleets: [[Cohort]]
    /// Equivalent full cycles of each simulated year.
    private var cycles: [Int: Double] = [:]

    public init(storage: Storage, power: Trajectory, baseYear: Int, endYear: Int) {
        calendarRate = storage.calendarDegradationPerYear
        cycleRate = storage.cycleDegradationPerCycle
        self.baseYear = baseYear
        var previous = 0.0, cohorts: [Cohort] = [], fleets: [[Cohort]] = []
        for year in baseYear...max(baseYear, endYear) {
            let energy = storage.energyCapacity(power: power, in: year)
            let change = energy - previous
            if change > 0 {
                cohorts.append((year, change))
            } else if change < 0 {
                var removed = -change
                for index in cohorts.indices where removed > 0 {
                    let taken = min(removed, cohorts[index].energy)
                    cohorts[index].energy -= taken
                    removed -= taken
                }
            }
            previous = energy
            fleets.append(cohorts)
        }
        self.fleets = fleets
    }

    /// The fraction of the nameplate energy usable in `year` (1 when nothing is installed).
    public func usableFraction(in year: Int) -> Double {
        var nameplate = 0.0, usable = 0.0
        let fleet = fleets[min(max(year - baseYear, 0), fleets.count - 1)]
        for cohort in fleet where cohort.year <= year {
            let made = cycles.reduce(0) { $0 + ($1.key >= cohort.year && $1.key < year ? $1.value : 0) }
            let left = max(0, 1 - calendarRate * Double(year - cohort.year) - cycleRate * made)
            nameplate += cohort.energy
            usable += cohort.energy * left
        }
        return nameplate > 0 ? usable / nameplate : 1
    }

    /// Records the equivalent full cycles the fleet made in a simulated year.
    public mutating func record(cycles value: Double, in year: Int) {
        cycles[year] = value
    }
}
