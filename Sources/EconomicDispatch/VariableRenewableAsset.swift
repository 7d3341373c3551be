import EnergyModel

/// Wind, solar and run-of-river hydro: output follows the weather or the river and may
/// be curtailed. Every unit with the same cost per GWh sent out (variable cost −
/// curtailment cost) is one pool, with one column an hour:
///
///     0 ≤ r_t ≤ Σᵢ A_i,t     A_i,t = C_i,t·cf_i,t (wind, solar) or min(inflow_i,t, C_i,t) (run-of-river), GW
///
/// cost = (variable cost − curtailment cost) × r_t + curtailment cost × Σᵢ A_i,t; the
/// part that does not depend on r is a constant of the objective.
///
/// Units of one pool are interchangeable in the balance — same row, same cost — so the LP
/// cannot prefer one to another and any split of r_t is optimal. Pooling states the
/// split instead of leaving it to the solver: each unit sends out the same share of what
/// it offered, r_i,t = A_i,t·r_t / Σⱼ A_j,t (curtailment pro rata to availability), and
/// the LP has one column an hour instead of one per unit.
struct VariableRenewableAsset: DispatchAsset {
    let units: [TechnologyYear]
    /// A_i,t for each unit, GW.
    let available: [[Double]]
    /// Variable cost − curtailment cost, yuan/GWh (the same for every unit).
    let cost: Double
    let curtailmentCost: Double
    private var output: ColumnBlock?

    init(_ units: [TechnologyYear], available: [[Double]], cost: Double, curtailmentCost: Double) {
        precondition(!units.isEmpty && units.count == available.count, "a renewable pool needs units and their availability")
        self.units = units
        self.available = available
        self.cost = cost
        self.curtailmentCost = curtailmentCost
    }

    /// Σᵢ A_i,t, GW.
    var pooled: [Double] {
        available.dropFirst().reduce(available[0]) { sum, unit in zip(sum, unit).map { $0 + $1 } }
    }

    mutating func add(to lp: inout DispatchBuilder) {
        let (total, cost) = (pooled, cost)
        let name = "r_" + units.map(\.technology.id).joined(separator: "+")
        let r = lp.columns(name, lower: { _ in 0 }, upper: { total[$0] }, cost: { _ in cost })
        lp.addToBalance(r, 1)
        lp.addConstantCost(curtailmentCost * total.reduce(0, +))
        output = r
    }

    func record(_ x: [Double], into result: inout YearDispatch) {
        let total = pooled
        let sent = output?.values(in: x) ?? [Double](repeating: 0, count: result.hours)
        let fraction = zip(sent, total).map { $1 > 0 ? $0 / $1 : 0 }
        for (unit, offered) in zip(units, available) {
            var hours = TechnologyHours(id: unit.technology.id, kind: unit.technology.kind, output: zip(offered, fraction).map { $0 * $1 })
            hours.available = offered
            hours.curtailed = zip(offered, hours.output).map { max(0, $0 - $1) }
            result.technologies.append(hours)
        }
    }
}
