import EnergyModel

/// A coal or gas plant, dispatched without unit commitment:
///
///     m·C_t·a_t ≤ p_t ≤ C_t·a_t             (GW; m the minimum stable fraction, a availability)
///     −R·C_{t−1} − (C_{t−1} − C_t)⁺ ≤ p_t − p_{t−1} ≤ R·C_t + (C_t − C_{t−1})⁺   (ramp, t ≥ 1; R per hour)
///
/// cost = marginal cost × p_t (see `TechnologyYear.marginalCost`). Without commitment the
/// plant stays online all year, so its minimum stable output is a must-run floor.
struct ThermalAsset: DispatchAsset {
    let unit: TechnologyYear
    let thermal: Thermal
    let availability: [Double]
    private var output: ColumnBlock?

    init(_ unit: TechnologyYear, _ thermal: Thermal, availability: [Double]) {
        self.unit = unit
        self.thermal = thermal
        self.availability = availability
    }

    /// The must-run floor of hour t, GW.
    func floor(_ t: Int) -> Double { thermal.minimumStableFraction * unit.hourlyCapacity[t] * availability[t] }

    /// The available capacity of hour t, GW.
    func ceiling(_ t: Int) -> Double { unit.hourlyCapacity[t] * availability[t] }

    /// The most the output may rise and fall from hour t − 1 to t (t ≥ 1), GW:
    /// up R·C_t + max(0, C_t − C_{t−1}), down R·C_{t−1} + max(0, C_{t−1} − C_t). In the
    /// hour units are commissioned on a date they may start at any output, and units
    /// retired go whole; the units that stay ramp at R. With R·C_t alone, a plant retired
    /// on 1 July had to ramp from its must-run floor to 0 at 0 GW an hour, and no dated
    /// retirement of a plant with a floor could be dispatched.
    func ramp(_ t: Int) -> (up: Double, down: Double) {
        let (before, now) = (unit.hourlyCapacity[t - 1], unit.hourlyCapacity[t])
        return (thermal.rampRate * now + max(0, now - before), thermal.rampRate * before + max(0, before - now))
    }

    mutating func add(to lp: inout DispatchBuilder) {
        let unit = unit
        let p = lp.columns("p_\(unit.technology.id)", lower: floor, upper: ceiling, cost: { _ in unit.marginalCost })
        lp.addToBalance(p, 1)
        if thermal.rampRate < 1 {
            let ramp = lp.rows("ramp_\(unit.technology.id)", from: 1, lower: { -self.ramp($0).down }, upper: { self.ramp($0).up })
            for t in 1..<lp.hours {
                lp.add(row: ramp[t], column: p[t], 1)
                lp.add(row: ramp[t], column: p[t - 1], -1)
            }
        }
        output = p
    }

    func record(_ x: [Double], into result: inout YearDispatch) {
        let values = output?.values(in: x) ?? [Double](repeating: 0, count: result.hours)
        result.technologies.append(TechnologyHours(id: unit.technology.id, kind: unit.technology.kind, output: values))
    }
}
