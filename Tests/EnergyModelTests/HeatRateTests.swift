import Testing
@testable import EnergyModel

/// Heat rates (the accounting's coal-power one and each thermal plant's) within what a
/// plant can burn: from the heat content of a kWh (122.9 gce/kWh, 100 % efficiency) to
/// 1 000 gce/kWh (12 %).
@Suite struct HeatRateTests {
    static let range = "a heat rate (gce/kWh) from 122.9 gce/kWh (the heat content of 1 kWh: 100 % efficiency) to 1 000 gce/kWh (12 % efficiency)"

    /// `s.yaml` with `accounting` and `technologies` as given.
    func fixture(accounting: String, technologies: String) throws -> Fixture {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.scenario("technologies:\n" + technologies).replacingOccurrences(of: "{method: calorific}", with: accounting))
        return fixture
    }

    /// A stray exponent in the coal-power heat rate, and plants above 100 % or below 12 %
    /// efficiency, are refused where they are written (they were accepted and gave shares
    /// and fuel use that meant nothing).
    @Test func heatRatesBeyondWhatAPlantBurnsAreRefused() throws {
        let f = try fixture(accounting: "{method: coal_equivalent, coal_power_heat_rate: {2020: 305.5e9 gce/kWh, 2025: 300 gce/kWh}}", technologies: """
              c: {kind: coal, capacity: 1 GW, heat_rate: 30.5 gce/kWh, fuel_price: 900 yuan/t}
              g: {kind: gas, capacity: 1 GW, heat_rate: {2020: 250 gce/kWh, 2025: 1001 gce/kWh}, fuel_price: 3 yuan/m³}
            """)
        #expect(f.problems("s.yaml") == [
            f.message("s.yaml", 4, 68, "accounting.coal_power_heat_rate.2020", found: "\"305.5e9 gce/kWh\"", expected: Self.range),
            f.message("s.yaml", 9, 46, "technologies.c.heat_rate", found: "\"30.5 gce/kWh\"", expected: Self.range),
            f.message("s.yaml", 10, 71, "technologies.g.heat_rate.2025", found: "\"1001 gce/kWh\"", expected: Self.range),
        ])
    }

    /// The ends of the range are allowed, in any unit of heat rate.
    @Test func theEndsOfTheRangeLoad() throws {
        let f = try fixture(accounting: "{method: coal_equivalent, coal_power_heat_rate: 0.1229 kgce/kWh}", technologies: """
              c: {kind: coal, capacity: 1 GW, heat_rate: 1000 gce/kWh, fuel_price: 900 yuan/t}
            """)
        let scenario = try f.load("s.yaml")
        expectClose(scenario.accounting.coalPowerHeatRate?.value(in: 2025) ?? 0, 122.9)
        guard case let .thermal(plant) = scenario.technologies[0].parameters else {
            Issue.record("not thermal")
            return
        }
        expectClose(plant.heatRate.value(in: 2025), 1000)
    }

    static let ignored = "no coal_power_heat_rate: it counts only under the coal-equivalent method (calorific counts every kWh at 122.9 gce), "
        + "so it would be ignored; remove it (in a variant: coal_power_heat_rate: ~; with --set: accounting.coal_power_heat_rate=~)"

    /// Under the calorific method every kWh counts at 122.9 gce, so a coal-power heat rate
    /// was silently ignored: it is refused at its key. A variant that turns a base to the
    /// calorific method is told so at the base's line, and removes the heat rate with `~`.
    @Test func coalPowerHeatRateIsRefusedUnderTheCalorificMethod() throws {
        let wind = "  w: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}"
        let f = try fixture(accounting: "{method: calorific, coal_power_heat_rate: {2020: 100 gce/kWh, 2025: 500 gce/kWh}}", technologies: wind)
        let found = "coal_power_heat_rate with method: calorific"
        #expect(f.problems("s.yaml") == [f.message("s.yaml", 4, 33, "accounting.coal_power_heat_rate", found: found, expected: Self.ignored)])
        let g = try fixture(accounting: "{method: coal_equivalent, coal_power_heat_rate: 305.5 gce/kWh}", technologies: wind)
        #expect(try g.load("s.yaml").accounting.method == .coalEquivalent)
        try g.write("v.yaml", "extends: s.yaml\naccounting: {method: calorific}\n")
        #expect(g.problems("v.yaml") == [g.message("s.yaml", 4, 39, "accounting.coal_power_heat_rate", found: found, expected: Self.ignored)])
        try g.write("w.yaml", "extends: s.yaml\naccounting: {method: calorific, coal_power_heat_rate: ~}\n")
        let variant = try g.load("w.yaml")
        #expect(variant.accounting.method == .calorific && variant.accounting.coalPowerHeatRate == nil)
        // The same with --set: `~` alone removes the key.
        let method = ScenarioOverride(path: "accounting.method", value: "calorific")
        let set = try ScenarioLoader.load(path: g.path("s.yaml"), overrides: [method, ScenarioOverride(path: "accounting.coal_power_heat_rate", value: "~")])
        #expect(set.accounting.method == .calorific && set.accounting.coalPowerHeatRate == nil)
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: g.path("s.yaml"), overrides: [method]) }
        // A required key removed is missing, as in a variant.
        do {
            _ = try ScenarioLoader.load(path: g.path("s.yaml"), overrides: [ScenarioOverride(path: "accounting.method", value: "~")])
            Issue.record("a scenario without accounting.method loaded")
        } catch {
            #expect(error.diagnostics.map(\.description).contains { $0.contains("accounting.method: found no value") }, "\(error.diagnostics)")
        }
    }
}
