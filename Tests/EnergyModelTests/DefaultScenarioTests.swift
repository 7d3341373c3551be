import Foundation
import Testing
@testable import EnergyModel

/// The shipped Shaoyang scenario and its three variants, against the numbers written in
/// Scenarios/*.yaml and the plan's figures (seed/TARGETS.md), worked by hand.
@Suite struct DefaultScenarioTests {
    /// The package's Scenarios folder, found from this file's path.
    static let scenarios: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("Scenarios")
    }()

    static func path(_ name: String) -> String { scenarios.appendingPathComponent(name).path }

    static func load(_ name: String) throws -> Scenario { try ScenarioLoader.load(path: path(name)) }

    static let files = ["shaoyang.yaml", "shaoyang-dry-year.yaml", "shaoyang-high-demand.yaml", "shaoyang-pumped-delayed.yaml"]

    @Test(arguments: files) func loadsWithEveryNumberSourced(_ file: String) throws {
        let s = try Self.load(file)
        #expect(s.years == 2020...2030)
        #expect(s.technologies.count == 13)
        #expect(s.targets.count == 10)
        #expect(s.numbers.count == 145)  // every number in shaoyang.yaml; the variants replace as many as they add
        let unlabelled = s.numbers.filter { $0.provenance == nil }
        #expect(unlabelled.isEmpty, "\(unlabelled.map { "\($0.location) \($0.path)" })")
    }

    @Test func everyShippedScenarioIsCovered() throws {
        let found = try FileManager.default.contentsOfDirectory(atPath: Self.scenarios.path).filter { $0.hasSuffix(".yaml") }
        #expect(found.sorted() == Self.files.sorted())
    }

    @Test func provenanceOfOneNumber() throws {
        let s = try Self.load("shaoyang.yaml")
        let record = try #require(s.numbers.first { $0.path == "technologies.baoqing_coal.capacity.value" })
        #expect(record.location == SourceLocation(file: Self.path("shaoyang.yaml"), line: 110, column: 23))
        #expect(record.text == "1.32 GW")
        #expect(record.provenance == Provenance(kind: .source, text: "FACTS, Shaoyang: Baoqing coal power plant 2 × 660 MW (weak)"))
        // A label on a mapping covers the numbers inside it.
        let peak = try #require(s.numbers.first { $0.path == "demand.peak.2030" })
        #expect(peak.provenance?.kind == .assumption)
        #expect(peak.provenance?.text.hasPrefix("no public peak load for the city") == true)
    }

    @Test func capacities() throws {
        let s = try Self.load("shaoyang.yaml")
        func gw(_ id: String, _ year: Int) -> Double { s.technology(id: id)!.capacity.value(in: year) }
        #expect(gw("baoqing_coal", 2020) == 1.32 && gw("baoqing_coal", 2030) == 1.32)
        #expect(gw("wind", 2020) == 0.70)
        expectClose(gw("wind", 2023), 1.42)  // 0.70 + 3/5 × (1.90 − 0.70)
        #expect(gw("wind", 2025) == 1.90)
        expectClose(gw("wind", 2028), 2.386)  // 1.90 + 3/5 × (2.71 − 1.90)
        #expect(gw("wind", 2030) == 2.71)
        #expect(gw("xinshao_pumped", 2026) == 0)
        #expect(gw("xinshao_pumped", 2027) == 1.2)
        #expect(gw("xinshao_pumped", 2030) == 1.2)
        #expect(gw("quanmutang_hydro", 2024) == 0)
        expectClose(gw("quanmutang_hydro", 2025), 0.03)
        expectClose(gw("waste_to_energy", 2023), 0.045)
        expectClose(gw("waste_to_energy", 2025), 0.085)
        expectClose(gw("small_hydro", 2023), 0.906)  // 0.90 + 3/5 × 0.01
        expectClose(gw("lfp_bases", 2026), 0.69)  // 0.55 + 1/2 × 0.28
        #expect(gw("lfp_bases", 2022) == 0)
        expectClose(gw("xiaoxi_hydro", 2020), 0.135)
    }

    @Test func demandFuelsAndAccounting() throws {
        let s = try Self.load("shaoyang.yaml")
        expectClose(s.demand.annualEnergy.value(in: 2020), 10310)  // 103.1 亿千瓦时
        expectClose(s.demand.annualEnergy.value(in: 2023), 12404)  // 10310 + 3/5 × (13800 − 10310)
        expectClose(s.demand.annualEnergy.value(in: 2030), 17600)
        #expect(s.demand.peak.value(in: 2025) == 2.86)
        #expect(s.demand.shape.dayPeakHours == 10...14 && s.demand.shape.eveningPeakHours == 20...23)
        expectClose(s.demand.shape.weekendFactor, 0.92)
        expectClose(s.nonPowerFuels.naturalGas.value(in: 2025), 3.3e8 * 1.2143e-3)
        expectClose(s.nonPowerFuels.naturalGas.value(in: 2020), 1.9e8 * 1.2143e-3)
        expectClose(s.nonPowerFuels.coal.value(in: 2025), 2_350_000)
        expectClose(s.nonPowerFuels.otherNonFossil.value(in: 2030), 250_000)
        #expect(s.accounting.method == .coalEquivalent)
        expectClose(s.accounting.primaryElectricityFactor(in: 2022), 303.3)  // 305.5 − 2/5 × 5.5
        #expect(s.accounting.primaryElectricityFactor(in: 2030) == 300)
        expectClose(s.accounting.naturalGasFactor, 1.2143e-3)
        expectClose(s.accounting.rawCoalFactor, 0.7143)
        expectClose(s.location.latitude, 27.24)
        expectClose(s.location.longitude, 111.47)
        #expect(s.location.utcOffsetHours == 8)
        #expect(s.weather.seed == 2023 && s.weather.hydroInflowFactor.value(in: 2025) == 1)
    }

    @Test func technologyParameters() throws {
        let s = try Self.load("shaoyang.yaml")
        guard case let .thermal(coal) = s.technology(id: "baoqing_coal")!.parameters,
              case let .reservoir(reservoir) = s.technology(id: "quanmutang_hydro")!.parameters,
              case let .storage(lfp) = s.technology(id: "lfp_bases")!.parameters
        else {
            Issue.record("unexpected parameter kinds")
            return
        }
        expectClose(coal.fuelPrice.value(in: 2025), 900 / 0.7143)
        #expect(coal.heatRate.value(in: 2020) == 310)
        expectClose(coal.variableCost, 30_000)
        expectClose(coal.rampRate, 0.6)
        #expect(coal.availability.maintenance == Availability.Maintenance(startMonth: 4, startDay: 1, hours: 672, fraction: 0.5))
        // 1000 kg/m³ × 9.81 m/s² × 25 m × 1.8e8 m³ × 0.88 / 3.6e12 J/GWh = 10.791 GWh.
        expectClose(reservoir.storageEnergy, 10.791)
        #expect(reservoir.inflowEnergy.value(in: 2025) == 113)
        expectClose(reservoir.environmentalFlow, 0.0013)
        expectClose(lfp.chargeEfficiency, 0.85.squareRoot())
        expectClose(lfp.calendarDegradationPerYear, 0.015)
        expectClose(lfp.selfDischargePerHour, 0.001 / 24)
        expectClose(lfp.cycleDegradationPerCycle, 4e-5)
        expectClose(lfp.energyCapacity(power: s.technology(id: "lfp_bases")!.capacity, in: 2025), 1.1)
        expectClose(s.costs.valueOfLostLoad, 2e7)
        expectClose(s.costs.carbonPrice.value(in: 2025), 50 + 4.0 / 9 * 70)
    }

    @Test func targets() throws {
        let s = try Self.load("shaoyang.yaml")
        let windSolar = try #require(s.targets.first { $0.id == "wind_solar_2025" })
        expectClose(windSolar.required, 3.3)
        #expect(windSolar.technologies == ["wind", "solar_centralised", "solar_rooftop"])
        #expect(windSolar.displayUnit.symbol == "万千瓦")
        let gas = try #require(s.targets.first { $0.id == "natural_gas_2025" })
        #expect(gas.comparison == .atLeast && gas.fuel == .naturalGas)
        expectClose(gas.required, 3.35e8 * 1.2143e-3)
        expectClose(gas.tolerance, 0.2e8 * 1.2143e-3)
        expectClose(gas.displayUnit.display(gas.required), 3.35)
        let added = try #require(s.targets.first { $0.id == "additions_2021_2030" })
        #expect(added.since == 2020 && added.strive)
        expectClose(added.required, 6.2)
    }

    @Test func dryYearVariant() throws {
        let s = try Self.load("shaoyang-dry-year.yaml")
        #expect(s.name == "Shaoyang — dry hydrology")
        expectClose(s.weather.hydroInflowFactor.value(in: 2025), 0.7)
        #expect(s.weather.seed == 2023)
        #expect(s.technology(id: "wind")!.capacity.value(in: 2030) == 2.71)
    }

    @Test func highDemandVariant() throws {
        let s = try Self.load("shaoyang-high-demand.yaml")
        expectClose(s.demand.annualEnergy.value(in: 2030), 19800)
        expectClose(s.demand.annualEnergy.value(in: 2025), 14500)
        expectClose(s.demand.annualEnergy.value(in: 2020), 10310)  // the base's 2020 milestone stays
        expectClose(s.demand.annualEnergy.value(in: 2027), 16620)  // 14500 + 2/5 × 5300
        #expect(s.demand.peak.value(in: 2020) == 2.14)
        #expect(s.demand.peak.value(in: 2030) == 4.11)
        #expect(s.demand.shape.summerUplift == 0.15)
    }

    @Test func pumpedDelayedVariant() throws {
        let s = try Self.load("shaoyang-pumped-delayed.yaml")
        let xinshao = s.technology(id: "xinshao_pumped")!
        #expect(xinshao.capacity.events.count == 1)
        #expect(xinshao.capacity.value(in: 2027) == 0)
        #expect(xinshao.capacity.value(in: 2028) == 0)
        #expect(xinshao.capacity.value(in: 2029) == 1.2)
        guard case let .storage(storage) = xinshao.parameters else {
            Issue.record("xinshao is not storage")
            return
        }
        #expect(storage.durationHours == 6)
        #expect(s.technology(id: "dongkou_pumped")!.capacity.value(in: 2029) == 1.2)
        #expect(s.technology(id: "dongkou_pumped")!.capacity.value(in: 2028) == 0)
    }
}
