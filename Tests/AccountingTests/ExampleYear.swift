import Testing
@testable import Accounting
@testable import EnergyModel

/// The small hand-made year of docs/accounting.md: a scenario decoded from YAML and the
/// 2025 flows a dispatch might have produced, round numbers so that every result can be
/// worked by hand.
///
/// 2025, coal-equivalent, k = 300 tce/GWh; grid non-fossil share 40 %.
/// Non-power fuels: coal 2 000 000, oil 1 500 000, natural gas 400 000, other non-fossil
/// 100 000 tce. Coal plant 4 000 GWh burning 1 200 000 tce; gas plant 200 GWh burning 50 000 tce.
/// G_nf = wind 2 000 + PV 1 000 + rooftop 200 + river 500 + reservoir 300 + waste 500 × 60 %
///        + biomass 200 × 100 % = 4 500 GWh; G_bf = 500 × 40 % = 200 GWh.
/// Imports 3 000 GWh, exports 500 GWh of which 200 GWh non-fossil.
enum ExampleYear {
    static let yaml = """
        name: accounting example
        years: {base: 2020, end: 2030}
        location: {latitude: 27 °N, longitude: 111 °E, utc_offset: 8 h}
        accounting:
          method: coal_equivalent
          coal_power_heat_rate: {2020: 310 gce/kWh, 2025: 300 gce/kWh}
          conversion: {raw_coal: 0.7143 kgce/kg, natural_gas: 1.2143 kgce/m³, oil: 1.4286 kgce/kg}
        demand: {annual_energy: 12 TWh, peak: 2.5 GW}
        non_power_fuels:
          coal: 200 万吨标准煤
          oil: 150 万吨标准煤
          natural_gas: 40 万吨标准煤
          other_non_fossil: 10 万吨标准煤
        technologies:
          coal_plant: {kind: coal, capacity: 1 GW, heat_rate: 300 gce/kWh, fuel_price: 900 yuan/t}
          gas_plant: {kind: gas, capacity: 0.1 GW, heat_rate: 250 gce/kWh, fuel_price: 3 yuan/m³}
          wind: {kind: wind, capacity: {2020: 0.8 GW, 2025: 1 GW}, full_load_hours: 2100 h}
          pv: {kind: solar_centralised, capacity: {2020: 0.5 GW, 2025: 1 GW}, full_load_hours: 1100 h}
          rooftop: {kind: solar_distributed, capacity: 0.2 GW, full_load_hours: 1000 h}
          river: {kind: run_of_river, capacity: 0.15 GW, full_load_hours: 3333 h}
          reservoir: {kind: reservoir_hydro, capacity: 0.1 GW, reservoir_energy: 20 GWh, inflow_energy: 320 GWh}
          wte: {kind: waste_to_energy, capacity: 0.1 GW, biogenic_fraction: 60 %}
          biomass: {kind: biomass, capacity: 0.04 GW}
          pumped: {kind: pumped_storage, capacity: 0.1 GW, duration: 6 h, round_trip_efficiency: 75 %}
          battery: {kind: lfp, capacity: 0.05 GW, duration: 2 h, round_trip_efficiency: 87 %}
        grid:
          import_limit: 1 GW
          export_limit: 0.5 GW
          import_price: 450 yuan/MWh
          export_price: 300 yuan/MWh
          non_fossil_share: 40 %
        costs: {value_of_lost_load: 20000 yuan/MWh}
        targets:
          - {id: share_missed, kind: non_fossil_share, year: 2025, at_least: 25 %, tolerance: 1 %}
          - {id: wind_capacity, kind: capacity, year: 2025, technologies: wind, at_least: 1.2 GW}
          - {id: share_within, kind: non_fossil_share, year: 2025, at_least: 24 %, tolerance: 1 %}
          - {id: share_met, kind: non_fossil_share, year: 2025, at_least: 23 %}
          - {id: coal_missed, kind: fuel, fuel: coal, year: 2025, at_most: 300 万吨标准煤}
          - {id: coal_met, kind: fuel, fuel: coal, year: 2025, at_most: 450 万吨}
          - {id: oil_missed, kind: fuel, fuel: oil, year: 2025, at_most: 140 万吨标准煤}
          - {id: oil_met, kind: fuel, fuel: oil, year: 2025, at_most: 160 万吨标准煤}
          - {id: gas_missed, kind: fuel, fuel: natural_gas, year: 2025, at_most: 3 亿立方米}
          - {id: gas_met, kind: fuel, fuel: natural_gas, year: 2025, about: 3.7 亿立方米, tolerance: 0.2 亿立方米}
          - {id: unserved_missed, kind: unserved_energy, year: 2025, at_most: 1 GWh}
          - {id: unserved_met, kind: unserved_energy, year: 2025, at_most: 5 GWh}
          - {id: lolh_missed, kind: loss_of_load_hours, year: 2025, at_most: 3 h}
          - {id: lolh_met, kind: loss_of_load_hours, year: 2025, at_most: 10 h}
          - {id: curtailment_missed, kind: curtailment, year: 2025, at_most: 5 %}
          - {id: curtailment_met, kind: curtailment, year: 2025, at_most: 6 %}
          - {id: solar_added, kind: capacity_added, year: 2025, since: 2020, technologies: solar, at_least: 100 万千瓦}
          - {id: share_2030, kind: non_fossil_share, year: 2030, at_least: 28 %, tolerance: 1 %}
          - {id: wind_2030, kind: capacity, year: 2030, technologies: wind, at_least: 1 GW}

        """

    static func scenario() throws -> Scenario {
        try ScenarioLoader.load(path: try Fixture.write(yaml))
    }

    /// The year's flows, GWh (fuel in tce). Storage discharges 120 and 30 GWh; load is what
    /// was served (generation + imports − exports − storage charge) plus 2 GWh unserved, in
    /// five hours short by 0.8, 0.5, 0.3, 0.25 and 0.15 GW.
    static let energy = AnnualEnergy(
        year: 2025, load: 11_357.5, peakLoad: 2.4,
        technologies: [
            TechnologyEnergy(id: "coal_plant", kind: .coal, capacity: 1, generation: 4_000, fuel: 1_200_000),
            TechnologyEnergy(id: "gas_plant", kind: .gas, capacity: 0.1, generation: 200, fuel: 50_000),
            TechnologyEnergy(id: "wind", kind: .wind, capacity: 1, generation: 2_000, available: 2_100, curtailed: 100),
            TechnologyEnergy(id: "pv", kind: .solarCentralised, capacity: 1, generation: 1_000, available: 1_100, curtailed: 100),
            TechnologyEnergy(id: "rooftop", kind: .solarDistributed, capacity: 0.2, generation: 200, available: 200),
            TechnologyEnergy(id: "river", kind: .runOfRiver, capacity: 0.15, generation: 500, available: 500),
            TechnologyEnergy(id: "reservoir", kind: .reservoirHydro, capacity: 0.1, generation: 300, available: 320, spilled: 20),
            TechnologyEnergy(id: "wte", kind: .wasteToEnergy, capacity: 0.1, generation: 500),
            TechnologyEnergy(id: "biomass", kind: .biomass, capacity: 0.04, generation: 200),
            TechnologyEnergy(id: "pumped", kind: .pumpedStorage, capacity: 0.1, generation: 120, charge: 160, energyCapacity: 0.6),
            TechnologyEnergy(id: "battery", kind: .lfp, capacity: 0.05, generation: 30, charge: 34.5, energyCapacity: 0.1),
        ],
        imports: 3_000, exports: 500, nonFossilExports: 200, unserved: 2, lossOfLoadHours: 5, unservedHours: [0.3, 0.8, 0.15, 0.5, 0.25],
        cost: 4.2e9, averagePrice: 420_000, peakPrice: 2e7)
}

/// Checks |actual − expected| ≤ 1e-9·|expected|.
func expectRelative(_ actual: Double, _ expected: Double, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(abs(actual - expected) <= 1e-9 * abs(expected), "\(actual) ≠ \(expected)", sourceLocation: sourceLocation)
}
