import EnergyModel

/// Usable energy of a storage fleet as it ages (LFP above all): the energy each change of
/// the fleet adds forms a cohort of its year, which loses `calendarDegradationPerYear` of
/// its energy per year of age and `cycleDegradationPerCycle` per equivalent full cycle the
/// fleet has made in the years already simulated since the cohort came:
///
///     usable(t) = Σ_c E_c(t) · max(0, 1 − a·(y − c) − b·N_c(y))     (hour t of year y)
///     N_c(y)    = Σ { cycles of simulated year z : c ≤ z < y }
///
/// E_c(t) is what is left of cohort c at hour t. The fleet changes where its nameplate
/// energy in service does (`ServiceCapacity`): on 1 January for milestones and undated
/// events, from its hour for an event written `on YYYY-MM-DD`. A rise adds a cohort of that
/// year at full energy (age 0, no cycles yet); a fall retires energy from the oldest
/// cohorts first, from that hour on — the hours and years before keep their cohorts, so a
/// retirement in 2030 does not change 2024, and a battery retired on 2 July and another
/// commissioned on 31 December each count from their own day. The base year's fleet is
/// one cohort, aged from the base year. Cycles come from the dispatch: discharge ÷ usable
/// energy in service. Years not simulated (before `--years`) add no cycles.
public struct StorageAging: Sendable {
    public let calendarRate: Double
    public let cycleRate: Double
    typealias Cohort = (year: Int, energy: Double)
    /// The first year of `fleets`.
    private let baseYear: Int
    /// The cohorts (year, nameplate energy, GWh), oldest first, as they stand at the end of
    /// each year from `baseYear` on.
    private let fleets: [[Cohort]]
    /// Equivalent full cycles of each simulated year.
    private var cycles: [Int: Double] = [:]

    public init(storage: Storage, power: Trajectory, baseYear: Int, endYear: Int) {
        calendarRate = storage.calendarDegradationPerYear
        cycleRate = storage.cycleDegradationPerCycle
        self.baseYear = baseYear
        var cohorts: [Cohort] = [], fleets: [[Cohort]] = []
        for year in baseYear...max(baseYear, endYear) {
            Self.replay(ServiceCapacity.storageEnergy(storage, power: power, year: year), year: year, from: &cohorts) { _, _ in }
            fleets.append(cohorts)
        }
        self.fleets = fleets
    }

    /// The fraction of the nameplate energy usable in `year` (1 when nothing is installed),
    /// for the fleet as it stands at the end of the year.
    public func usableFraction(in year: Int) -> Double {
        var nameplate = 0.0, usable = 0.0
        for cohort in fleets[min(max(year - baseYear, 0), fleets.count - 1)] where cohort.year <= year {
            nameplate += cohort.energy
            usable += cohort.energy * share(of: cohort, in: year)
        }
        return nameplate > 0 ? usable / nameplate : 1
    }

    /// Usable energy hour by hour in `year`, GWh, for the nameplate energy in service hour
    /// by hour (`ServiceCapacity.storageEnergy`, the series the fleet was built from): the
    /// cohorts of the start of the year, changed hour by hour as the nameplate changes, each
    /// at its own usable share. One share for the whole year gave an old battery the
    /// condition of one commissioned on 31 December for the 364 days before it came.
    public func usableEnergy(in year: Int, nameplate: [Double]) -> [Double] {
        var cohorts = year > baseYear ? fleets[min(year - 1 - baseYear, fleets.count - 1)] : []
        var usable = [Double](repeating: 0, count: nameplate.count), current = 0.0
        Self.replay(nameplate, year: year, from: &cohorts) { hour, fleet in
            if let fleet { current = fleet.reduce(0) { $0 + $1.energy * share(of: $1, in: year) } }
            usable[hour] = current
        }
        return usable
    }

    /// What is left of a cohort's energy in `year`: 1 − a·age − b·(cycles of the simulated
    /// years since it came), at least 0. The cycles are summed year by year in order: over
    /// a dictionary, whose order changes from run to run, the last bits of the default
    /// scenario's 2028 changed with it.
    private func share(of cohort: Cohort, in year: Int) -> Double {
        var made = 0.0
        for simulated in cohort.year..<max(cohort.year, year) { made += cycles[simulated] ?? 0 }
        return max(0, 1 - calendarRate * Double(year - cohort.year) - cycleRate * made)
    }

    /// Walks `year`'s hours from the fleet `cohorts`: where the nameplate energy in service
    /// rises, a cohort of `year` is added; where it falls, energy is retired from the oldest
    /// cohorts. `each(hour, fleet)` is told every hour, with the fleet in the first hour and
    /// wherever it changed (nil elsewhere); `cohorts` ends as the fleet at the end of the year. A change within 10⁻¹² of the energy is rounding (the
    /// cohorts are differences of the same values), not a change.
    private static func replay(_ nameplate: [Double], year: Int, from cohorts: inout [Cohort], _ each: (Int, [Cohort]?) -> Void) {
        var total = cohorts.reduce(0) { $0 + $1.energy }
        for (hour, energy) in nameplate.enumerated() {
            let change = energy - total, changed = abs(change) > 1e-12 * max(energy, total)
            if changed {
                if change > 0 {
                    cohorts.append((year, change))
                } else {
                    var removed = -change
                    for index in cohorts.indices where removed > 0 {
                        let taken = min(removed, cohorts[index].energy)
                        cohorts[index].energy -= taken
                        removed -= taken
                    }
                }
                total = energy
            }
            each(hour, changed || hour == 0 ? cohorts : nil)
        }
    }

    /// Records the equivalent full cycles the fleet made in a simulated year.
    public mutating func record(cycles value: Double, in year: Int) {
        cycles[year] = value
    }
}
