import EnergyModel

/// A hydro station with a reservoir, in energy units (GWh of the power the water can make):
///
///     l_t = l_{t−1} + inflow_t − q_t − s_t       (l_{−1} = l₀, the start-of-year level)
///     L_min·E ≤ l_t ≤ L_max·E,   l_{T−1} ≥ l₀    (the year ends at least as full as it began)
///     0 ≤ q_t ≤ C_t,   s_t ≥ 0,   q_t + s_t ≥ environmental flow
///
/// q is the turbine flow (GW, to the balance), s the spill. Spill costs `spillCost`, so
/// water is spilled only when it cannot be turbined or stored.
struct ReservoirAsset: DispatchAsset {
    /// yuan/GWh: a token, far below any fuel cost.
    static let spillCost = 100.0

    let unit: TechnologyYear
    let reservoir: Reservoir
    /// GW.
    let inflow: [Double]
    private var turbine: ColumnBlock?, spill: ColumnBlock?, level: ColumnBlock?

    init(_ unit: TechnologyYear, _ reservoir: Reservoir, inflow: [Double]) {
        self.unit = unit
        self.reservoir = reservoir
        self.inflow = inflow
    }

    /// The start-of-year level, GWh.
    var initialLevel: Double { reservoir.initialLevel * reservoir.storageEnergy }

    /// Whether the station has turbines in some hour of the year. Before it is built
    /// there is no reservoir to fill or spill from: the river is not part of the
    /// system, and reporting its flow as the station's spill would describe a plant that
    /// does not exist yet.
    var isInService: Bool { unit.hourlyCapacity.contains { $0 > 0 } }

    mutating func add(to lp: inout DispatchBuilder) {
        guard isInService else { return }
        let (unit, r, inflow, start) = (unit, reservoir, inflow, initialLevel)
        let id = unit.technology.id, last = lp.hours - 1
        let q = lp.columns("q_\(id)", lower: { _ in 0 }, upper: { unit.hourlyCapacity[$0] }, cost: { _ in unit.marginalCost })
        let s = lp.columns("spill_\(id)", lower: { _ in 0 }, upper: { _ in .infinity }, cost: { _ in Self.spillCost })
        let l = lp.columns("level_\(id)", lower: { $0 == last ? max(r.minimumLevel * r.storageEnergy, start) : r.minimumLevel * r.storageEnergy },
                           upper: { _ in r.maximumLevel * r.storageEnergy }, cost: { _ in 0 })
        lp.addToBalance(q, 1)
        let water = lp.rows("water_\(id)", lower: { inflow[$0] + ($0 == 0 ? start : 0) }, upper: { inflow[$0] + ($0 == 0 ? start : 0) })
        let release = lp.rows("release_\(id)", lower: { _ in r.environmentalFlow }, upper: { _ in .infinity })
        for t in 0..<lp.hours {
            lp.add(row: water[t], column: l[t], 1)
            if t > 0 { lp.add(row: water[t], column: l[t - 1], -1) }
            lp.add(row: water[t], column: q[t], 1)
            lp.add(row: water[t], column: s[t], 1)
            lp.add(row: release[t], column: q[t], 1)
            lp.add(row: release[t], column: s[t], 1)
        }
        (turbine, spill, level) = (q, s, l)
    }

    func record(_ x: [Double], into result: inout YearDispatch) {
        let zero = [Double](repeating: 0, count: result.hours)
        var hours = TechnologyHours(id: unit.technology.id, kind: unit.technology.kind, output: turbine?.values(in: x) ?? zero)
        hours.spilled = spill?.values(in: x) ?? zero
        hours.level = level?.values(in: x) ?? zero
        hours.available = isInService ? inflow : zero
        result.technologies.append(hours)
    }
}
