import Testing
@testable import EnergyModel

/// Cases that once decoded to a wrong value or slipped through without an error.
@Suite struct RegressionTests {
    @Test func environmentalFlowInCubicMetresPerSecond() throws {
        // 10 m³/s at 25 m head and 88 %: P = 1000 · 9.81 · 25 · 10 · 0.88 W = 2.1582 MW.
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.scenario("""
            technologies:
              dam:
                kind: reservoir_hydro
                capacity: 30 MW
                inflow_energy: 113 GWh
                volume: 1.8 亿立方米
                head: 25 m
                efficiency: 88 %
                environmental_flow: 10 m³/s
            """))
        guard case let .reservoir(reservoir) = try fixture.load("s.yaml").technologies[0].parameters else {
            Issue.record("not a reservoir")
            return
        }
        expectClose(reservoir.environmentalFlow, 2.1582e-3)
    }

    /// A base year out of range is named at its value: it was named at the `years` mapping.
    @Test func aBaseYearOutOfRangeIsNamedAtItsValue() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.scenario("technologies:\n  coal: {kind: coal, capacity: 1 GW, heat_rate: 300 gce/kWh}", years: "{base: 1899, end: 2000}"))
        #expect(fixture.problems("s.yaml").first == fixture.message("s.yaml", 2, 15, "years.base", found: "1899", expected: "a base year from 1900 to 2200"))
    }

    /// A flow has a ceiling as a power has: 1e300 m³/s passed the decoder and was refused
    /// only by the inflow check, with numbers of 300 digits.
    @Test func anEnvironmentalFlowBeyondAnyRiverIsRefused() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.scenario("""
            technologies:
              dam: {kind: reservoir_hydro, capacity: 30 MW, inflow_energy: 113 GWh, volume: 1.8 亿立方米, head: 25 m, efficiency: 88 %, environmental_flow: 1e300 m³/s}
            """))
        #expect(fixture.problems("s.yaml") == [
            fixture.message("s.yaml", 9, 141, "technologies.dam.environmental_flow", found: "\"1e300 m³/s\"",
                            expected: "a power (MW) or a flow (m³/s) of at most 1 000 000 m³/s: far beyond any city's, and beyond what the dispatch can solve accurately"),
        ])
    }

    @Test func eventsOnlyDemandIsAnError() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.header(demand: "{annual_energy: [\"+100 GWh in 2021\"], peak: 2 GW}") + "technologies: {}\n")
        #expect(fixture.problems("s.yaml").contains {
            $0.contains("demand.annual_energy: found events only, expected a milestone in the base year to start from")
        })
    }

    @Test func fuelOnACapacityTargetIsAnError() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.scenario("""
            technologies: {w: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}}
            targets:
              - {id: t, kind: capacity, year: 2025, technologies: [wind], fuel: coal, at_least: 1 GW}
            """))
        #expect(fixture.problems("s.yaml").contains { $0.contains("targets[0].fuel: found fuel on a capacity target, expected fuel only on fuel targets") })
    }

    @Test func gasTargetUsesTheScenarioConversionFactor() throws {
        // With 1.0 kgce/m³ instead of the default 1.2143, 1 亿m³ is 1e5 tce.
        let fixture = try Fixture()
        let text = Fixture.scenario("""
            technologies: {}
            targets:
              - {id: gas, kind: fuel, fuel: natural_gas, year: 2025, about: 1 亿立方米, tolerance: 0.1 亿立方米}
            """).replacingOccurrences(of: "accounting: {method: calorific}", with: "accounting: {method: calorific, conversion: {natural_gas: 1 kgce/m3}}")
        try fixture.write("s.yaml", text)
        let target = try fixture.load("s.yaml").targets[0]
        expectClose(target.required, 1e5)
        #expect(target.displayUnit.symbol == "亿立方米")
        expectClose(target.displayUnit.display(target.required), 1)
    }

    @Test func fuelTrajectoriesConvertMilestonesAndEventsAlike() throws {
        // Raw coal at the default 0.7143 tce/t: 1 Mt → 714 300 tce, an event of +0.1 Mt → +71 430 tce.
        let fixture = try Fixture()
        let text = Fixture.scenario("technologies: {}").replacingOccurrences(
            of: "non_power_fuels: {coal: 1 Mtce,",
            with: "non_power_fuels: {coal: {2020: 1 Mt, events: [\"+0.1 Mt in 2022\"]},")
        try fixture.write("s.yaml", text)
        let coal = try fixture.load("s.yaml").nonPowerFuels.coal
        expectClose(coal.value(in: 2021), 714_300)
        expectClose(coal.value(in: 2022), 785_730)
    }
}
