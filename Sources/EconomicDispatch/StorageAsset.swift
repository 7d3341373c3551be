import EnergyModel

/// Pumped storage or a battery — or k identical units of one, dispatched as one:
///
///     e_t = (1 − σ)·e_{t−1} + η_c·c_t − d_t/η_d     (e_{−1} = e₀ = k·initial SoC × E_0), GWh
///     k·SoC_min·E_t ≤ e_t ≤ k·SoC_max·E_t,   e_{T−1} ≥ k·SoC₀·E_{T−1} (= e₀ unless E changes within the year)
///     0 ≤ c_t ≤ k·P_t,   0 ≤ d_t ≤ k·P_t               (GW)
///
/// E_t is a unit's usable energy after degradation (`StorageAging`), σ the self-discharge
/// per hour. Discharge pays the throughput cost, so charging and discharging in the same
/// hour — which the losses already make pointless — never pays either.
///
/// Units with the same `Shape` in a year (say three 1.2 GW pumped-storage stations of the
/// same duration and efficiency, all in service) are pooled: every constraint above is
/// linear and scales with k, so the pool's optimum split evenly is an optimum of the
/// units dispatched one by one, at the same cost, with three columns and one row an hour
/// instead of 3k and k. Each unit is reported with 1/k of the pool's flows and level.
struct StorageAsset: DispatchAsset {
    let units: [TechnologyYear]
    let storage: Storage
    private var charge: ColumnBlock?, discharge: ColumnBlock?, energy: ColumnBlock?

    /// What the LP sees of a unit in a year: units whose shapes are equal pool exactly.
    struct Shape: Hashable {
        let power: [Double], energy: [Double]
        let chargeEfficiency, dischargeEfficiency, selfDischarge: Double
        let minimum, maximum, initial, marginalCost: Double

        init(_ unit: TechnologyYear, _ storage: Storage) {
            (power, energy) = (unit.hourlyCapacity, unit.energyCapacity ?? [])
            (chargeEfficiency, dischargeEfficiency, selfDischarge) = (storage.chargeEfficiency, storage.dischargeEfficiency, storage.selfDischargePerHour)
            (minimum, maximum, initial, marginalCost) = (storage.minimumStateOfCharge, storage.maximumStateOfCharge, storage.initialStateOfCharge, unit.marginalCost)
        }

        /// The scalars and the first hour of power and energy, not all 8 760 hours of both
        /// at each lookup of a pool (about 1 ms a year); equal shapes still compare every hour.
        func hash(into hasher: inout Hasher) {
            for value in [chargeEfficiency, dischargeEfficiency, selfDischarge, minimum, maximum, initial, marginalCost] { hasher.combine(value) }
            hasher.combine(power.first)
            hasher.combine(energy.first)
        }
    }

    /// `units` must all have the same `Shape`; `storage` is their parameters.
    init(_ units: [TechnologyYear], _ storage: Storage) {
        precondition(!units.isEmpty, "a storage pool needs a unit")
        self.units = units
        self.storage = storage
    }

    /// Units in the pool.
    var multiplicity: Double { Double(units.count) }

    /// The pool's power in service hour by hour, GW.
    func power(_ t: Int) -> Double { multiplicity * units[0].hourlyCapacity[t] }

    /// One unit's usable energy hour by hour, GWh.
    var energyCapacity: [Double] { units[0].energyCapacity ?? [] }

    /// e₀ of the pool, GWh.
    var initialEnergy: Double { multiplicity * storage.initialStateOfCharge * (energyCapacity.first ?? 0) }

    /// The least the pool must hold at the end of a year of `hours`: the starting state
    /// of charge of the energy it has then, k·SoC₀·E_{T−1} — e₀ when its energy has not
    /// changed, less when units retire within the year (e₀ would make that infeasible),
    /// more when units come into service.
    func finalEnergy(hours: Int) -> Double { multiplicity * storage.initialStateOfCharge * energyCapacity[hours - 1] }

    /// Nothing to dispatch when neither power nor energy is ever in service.
    var isInService: Bool { units[0].hourlyCapacity.contains { $0 > 0 } && energyCapacity.contains { $0 > 0 } }

    mutating func add(to lp: inout DispatchBuilder) {
        guard isInService else { return }
        let (s, e0, capacity, k) = (storage, initialEnergy, energyCapacity, multiplicity)
        let id = units.map(\.technology.id).joined(separator: "+"), last = lp.hours - 1
        let cost = units[0].marginalCost, power = { self.power($0) }
        let c = lp.columns("charge_\(id)", lower: { _ in 0 }, upper: power, cost: { _ in 0 })
        let d = lp.columns("discharge_\(id)", lower: { _ in 0 }, upper: power, cost: { _ in cost })
        let end = finalEnergy(hours: lp.hours)
        let e = lp.columns("energy_\(id)", lower: { $0 == last ? max(k * s.minimumStateOfCharge * capacity[$0], end) : k * s.minimumStateOfCharge * capacity[$0] },
                           upper: { k * s.maximumStateOfCharge * capacity[$0] }, cost: { _ in 0 })
        lp.addToBalance(d, 1)
        lp.addToBalance(c, -1)
        let keep = 1 - s.selfDischargePerHour
        let balance = lp.rows("soc_\(id)", lower: { $0 == 0 ? keep * e0 : 0 }, upper: { $0 == 0 ? keep * e0 : 0 })
        for t in 0..<lp.hours {
            lp.add(row: balance[t], column: e[t], 1)
            if t > 0 { lp.add(row: balance[t], column: e[t - 1], -keep) }
            lp.add(row: balance[t], column: c[t], -s.chargeEfficiency)
            lp.add(row: balance[t], column: d[t], 1 / s.dischargeEfficiency)
        }
        (charge, discharge, energy) = (c, d, e)
    }

    func record(_ x: [Double], into result: inout YearDispatch) {
        let zero = [Double](repeating: 0, count: result.hours), share = 1 / multiplicity
        func perUnit(_ block: ColumnBlock?) -> [Double] { block?.values(in: x).map { $0 * share } ?? zero }
        let (output, charged, level) = (perUnit(discharge), perUnit(charge), perUnit(energy))
        for unit in units {
            var hours = TechnologyHours(id: unit.technology.id, kind: unit.technology.kind, output: output)
            hours.charge = charged
            hours.level = level
            result.technologies.append(hours)
        }
    }
}
