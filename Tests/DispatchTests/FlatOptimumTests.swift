import Testing
@testable import EconomicDispatch
@testable import EnergyModel
@testable import Profiles

/// A year whose optimum is a wide flat face, solved by hand.
@Suite struct FlatOptimumTests {
    /// A 10 000 GWh reservoir with 2 500 GWh of inflow behind a 30 MW station: the station
    /// runs flat out all year (262.8 GWh) and coal at 300 yuan/MWh serves the rest of the
    /// 10 TWh, so the cost is (10 000 − 262.8) GWh × 0.3 million yuan/GWh = 2 921.16 million
    /// yuan, whatever the level does in between. The level may wander over thousands of GWh
    /// at no cost; with a primal regularisation of 10⁻¹⁰ that held the dual residual above
    /// tolerance and the year ended in numerical trouble.
    @Test func aLargeReservoirBehindASmallStation() throws {
        let scenario = try ScenarioFixture.load(ScenarioFixture.scenario("""
            technologies:
              coal: {kind: coal, capacity: 2.5 GW, heat_rate: 300 gce/kWh, fuel_price: 1000 yuan/tce}
              lake: {kind: reservoir_hydro, capacity: 30 MW, inflow_energy: 2500 GWh, reservoir_energy: 10000 GWh,
                     minimum_level: 30 %, initial_level: 60 %, environmental_flow: 3 MW}
            """))
        let profiles = try ProfileGenerator(scenario: scenario).profiles(for: 2020)
        let model = try DispatchModel(scenario: scenario, conditions: YearConditions(scenario: scenario, year: 2020), profiles: profiles)
        let dispatch = try model.solve()
        #expect(dispatch.solver.status == "optimal")
        expectNear(dispatch.solver.objective, 2_921_160_000, 1e-9 * 2_921_160_000, "cost, yuan")
        let lake = try #require(dispatch.technologies.first { $0.id == "lake" })
        expectNear(lake.output.reduce(0, +), 262.8, 1e-6, "the station runs flat out, GWh")
    }
}
