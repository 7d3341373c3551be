import EnergyModel

/// Pumped storage or a battery:
///
///     e_t = (1 − σ)·e_{t−1} + η_c·c_t − d_t/η_d     (e_{−1} = e₀ = initial SoC × E_0), GWh
///     SoC_min·E_t ≤ e_t ≤ SoC_max·E_t,   e_{T−1} ≥ e₀
///     0 ≤ c_t ≤ P_t,   0 ≤ d_t ≤ P_t               (GW)
///
/// E_t is the usable energy after degradation (`StorageAging`), σ the self-discharge per
/// hour. Discharge pays the throughput cost, so charging and discharging in the same hour
/// — which the losses already make pointless — never pays either.
struct StorageAsset: DispatchAsset {
    let unit: TechnologyYear
    let storage: Storage
    private var charge: ColumnBlock?, discharge: ColumnBlock?, energy: ColumnBlock?

    init(_ unit: TechnologyYear, _ storage: Storage) {
        self.unit = unit
        self.storage = storage
    }

    /// Usable energy hour by hour, GWh.
    var energyCapacity: [Double] { unit.energyCapacity ?? [] }

    /// e₀, GWh.
    var initialEnergy: Double { storage.initialStateOfCharge * (energyCapacity.first ?? 0) }

    /// Nothing to dispatch when neither power nor energy is ever in service.
    var isInService: Bool { unit.hourlyCapacity.contains { $0 > 0 } && energyCapacity.contains { $0 > 0 } }

    mutating func add(to lp: inout DispatchBuilder) {
        guard isInService else { return }
        let (unit, s, e0, capacity) = (unit, storage, initialEnergy, energyCapacity)
        let id = unit.technology.id, last = lp.hours - 1
        let c = lp.columns("charge_\(id)", lower: { _ in 0 }, upper: { unit.hourlyCapacity[$0] }, cost: { _ in 0 })
        let d = lp.columns("discharge_\(id)", lower: { _ in 0 }, upper: { unit.hourlyCapacity[$0] }, cost: { _ in unit.marginalCost })
        let e = lp.columns("energy_\(id)", lower: { $0 == last ? max(s.minimumStateOfCharge * capacity[$0], e0) : s.minimumStateOfCharge * capacity[$0] },
                           upper: { s.maximumStateOfCharge * capacity[$0] }, cost: { _ in 0 })
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
        let zero = [Double](repeating: 0, count: result.hours)
        var hours = TechnologyHours(id: unit.technology.id, kind: unit.technology.kind, output: discharge?.values(in: x) ?? zero)
        hours.charge = charge?.values(in: x) ?? zero
        hours.level = energy?.values(in: x) ?? zero
        result.technologies.append(hours)
    }
}
