/// Load not served, the supply of last resort that keeps every year feasible:
///
///     0 ≤ u_t ≤ load_t    (GW),   cost = value of lost load × u_t
struct UnservedEnergyAsset: DispatchAsset {
    let load: [Double]
    let valueOfLostLoad: Double
    private var unserved: ColumnBlock?

    init(load: [Double], valueOfLostLoad: Double) {
        self.load = load
        self.valueOfLostLoad = valueOfLostLoad
    }

    mutating func add(to lp: inout DispatchBuilder) {
        let (load, cost) = (load, valueOfLostLoad)
        let u = lp.columns("unserved", lower: { _ in 0 }, upper: { load[$0] }, cost: { _ in cost })
        lp.addToBalance(u, 1)
        unserved = u
    }

    func record(_ x: [Double], into result: inout YearDispatch) {
        if let unserved { result.unserved = unserved.values(in: x) }
    }
}
