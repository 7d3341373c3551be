import EnergyModel

/// Wind, solar or run-of-river hydro: output follows the weather or the river and may be
/// curtailed.
///
///     0 ≤ r_t ≤ A_t     A_t = C_t·cf_t (wind, solar) or min(inflow_t, C_t) (run-of-river), GW
///
/// cost = variable cost × r_t + curtailment cost × (A_t − r_t); the part that does not
/// depend on r is a constant of the objective.
struct VariableRenewableAsset: DispatchAsset {
    let unit: TechnologyYear
    let renewable: VariableRenewable
    /// A_t, GW.
    let available: [Double]
    let curtailmentCost: Double
    private var output: ColumnBlock?

    init(_ unit: TechnologyYear, _ renewable: VariableRenewable, available: [Double], curtailmentCost: Double) {
        self.unit = unit
        self.renewable = renewable
        self.available = available
        self.curtailmentCost = curtailmentCost
    }

    mutating func add(to lp: inout DispatchBuilder) {
        let (available, cost) = (available, renewable.variableCost - curtailmentCost)
        let r = lp.columns("r_\(unit.technology.id)", lower: { _ in 0 }, upper: { available[$0] }, cost: { _ in cost })
        lp.addToBalance(r, 1)
        lp.addConstantCost(curtailmentCost * available.reduce(0, +))
        output = r
    }

    func record(_ x: [Double], into result: inout YearDispatch) {
        let values = output?.values(in: x) ?? [Double](repeating: 0, count: result.hours)
        var hours = TechnologyHours(id: unit.technology.id, kind: unit.technology.kind, output: values)
        hours.available = available
        hours.curtailed = zip(available, values).map { max(0, $0 - $1) }
        result.technologies.append(hours)
    }
}
