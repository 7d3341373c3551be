import EnergyModel

/// Biomass or waste-to-energy power: dispatchable within its availability, and within
/// its fuel supply when that is limited.
///
///     0 ≤ p_t ≤ C_t·a_t                      (GW)
///     Σ_t p_t ≤ H·C̄                           (annual row, when fuel-limited: H full-load
///                                             hours, C̄ the year's mean capacity)
///
/// cost = variable cost × p_t.
struct BioenergyAsset: DispatchAsset {
    let unit: TechnologyYear
    let bioenergy: Bioenergy
    let availability: [Double]
    private var output: ColumnBlock?

    init(_ unit: TechnologyYear, _ bioenergy: Bioenergy, availability: [Double]) {
        self.unit = unit
        self.bioenergy = bioenergy
        self.availability = availability
    }

    mutating func add(to lp: inout DispatchBuilder) {
        let (unit, availability) = (unit, availability)
        let p = lp.columns("p_\(unit.technology.id)", lower: { _ in 0 }, upper: { unit.hourlyCapacity[$0] * availability[$0] },
                           cost: { _ in unit.marginalCost })
        lp.addToBalance(p, 1)
        if let hours = bioenergy.fuelLimitedHours {
            let row = lp.annualRow("fuel_\(unit.technology.id)", lower: -.infinity, upper: hours * unit.averageCapacity)
            for t in 0..<lp.hours { lp.add(row: row, column: p[t], 1) }
        }
        output = p
    }

    func record(_ x: [Double], into result: inout YearDispatch) {
        let values = output?.values(in: x) ?? [Double](repeating: 0, count: result.hours)
        result.technologies.append(TechnologyHours(id: unit.technology.id, kind: unit.technology.kind, output: values))
    }
}
