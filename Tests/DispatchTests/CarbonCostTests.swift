import Testing
@testable import EconomicDispatch
@testable import EnergyModel

/// A thermal unit's marginal cost in dispatch: fuel price × heat rate + variable cost +
/// carbon price × (emissions per MWh − the allowances allocated free per MWh).
@Suite struct CarbonCostTests {
    /// 300 gce/kWh at 1 000 yuan/tce is 300 yuan/MWh of fuel; at 2.5 tCO2/tce the unit
    /// emits 0.75 tCO2/MWh, which at 100 yuan/t costs 75 yuan/MWh, less 100 yuan/t for
    /// each tonne allocated free: 0.5 t/MWh leaves 25, a benchmark above the emissions
    /// (1 t/MWh) pays the unit 25 for each MWh.
    @Test(arguments: [(nil, 375.0), ("0.5 tCO2/MWh", 325.0), ("500 kgCO2/MWh", 325.0), ("1 tCO2/MWh", 275.0)] as [(String?, Double)])
    func freeAllocationLowersTheCarbonCost(allocation: String?, yuanPerMWh: Double) throws {
        let free = allocation.map { ", free_allocation: \($0)" } ?? ""
        let scenario = try ScenarioFixture.load(ScenarioFixture.scenario("""
            technologies:
              coal: {kind: coal, capacity: 1 GW, heat_rate: 300 gce/kWh, fuel_price: 1000 yuan/tce, emission_factor: 2.5 tCO2/tce\(free)}
            """).replacingOccurrences(of: "costs: {value_of_lost_load: 20000 yuan/MWh}", with: "costs: {value_of_lost_load: 20000 yuan/MWh, carbon_price: 100 yuan/t}"))
        let coal = try #require(YearConditions(scenario: scenario, year: 2021).technologies.first)
        #expect(abs(coal.marginalCost / 1000 - yuanPerMWh) < 1e-9, "\(coal.marginalCost / 1000) yuan/MWh")
    }
}
