import Foundation
import Testing
@testable import EconomicDispatch
@testable import EnergyModel
@testable import Profiles

/// Units the LP cannot tell apart are dispatched as one pool (docs/dispatch.md, "Pools"):
/// the optimum is the unpooled one and each unit gets its share.
@Suite struct PoolTests {
    /// The hand-solved day (`HandSolvedDayTests`) with its 0.5 GW, 2 GWh battery split
    /// into two identical 0.25 GW, 1 GWh units: the same cost, the same LP size as the
    /// single battery, and each unit doing half the work.
    @Test func identicalBatteriesPoolToTheHandSolution() throws {
        let twin = ["    kind: lfp", "    capacity: 0.25 GW", "    duration: 4 h", "    charge_efficiency: 90 %", "    discharge_efficiency: 100 %",
                    "    initial_soc: 0 %", "    throughput_cost: 1 yuan/MWh"].joined(separator: "\n")
        let battery = ["  battery:", "    kind: lfp", "    capacity: 0.5 GW", "    duration: 4 h", "    charge_efficiency: 90 %",
                       "    discharge_efficiency: 100 %", "    initial_soc: 0 %", "    throughput_cost: 1 yuan/MWh"].joined(separator: "\n")
        let body = HandSolvedDayTests.yaml.replacingOccurrences(of: battery, with: "  battery_a:\n\(twin)\n  battery_b:\n\(twin)")
        #expect(body != HandSolvedDayTests.yaml, "the fixture's battery was not found to split")
        let (model, dispatch) = try solve(body, load: HandSolvedDayTests.load)
        let single = try solve(HandSolvedDayTests.yaml, load: HandSolvedDayTests.load).model
        #expect(model.program.columnCount == single.program.columnCount)
        #expect(model.program.rowCount == single.program.rowCount)
        expectNear(dispatch.solver.objective, 6_824_222.222_222, 1e-3, "cost")
        for id in ["battery_a", "battery_b"] {
            let unit = try #require(dispatch.technologies.first { $0.id == id })
            expectNear(unit.output.reduce(0, +), 1, 1e-6, "\(id) discharge GWh")
            expectNear(unit.charge!.reduce(0, +), 1 / 0.9, 1e-6, "\(id) charge GWh")
            expectNear(unit.level![11], 1, 1e-6, "\(id) full at the end of the cheap hours")
        }
        #expect(dispatch.technologies.map(\.id) == ["cheap", "peaker", "battery_a", "battery_b"])
        for t in 0..<dispatch.hours { expectNear(dispatch.balanceResidual(at: t), 0, 1e-6, "balance in hour \(t)") }
    }

    /// Batteries that differ (here in their starting charge) keep their own columns.
    @Test func differentBatteriesAreNotPooled() throws {
        let body = HandSolvedDayTests.yaml + """

              spare:
                kind: lfp
                capacity: 0.5 GW
                duration: 4 h
                charge_efficiency: 90 %
                discharge_efficiency: 100 %
                initial_soc: 50 %
                throughput_cost: 1 yuan/MWh
            """
        let pooled = try solve(body, load: HandSolvedDayTests.load).model
        let single = try solve(HandSolvedDayTests.yaml, load: HandSolvedDayTests.load).model
        #expect(pooled.program.columnCount == single.program.columnCount + 3 * 24)
        #expect(pooled.program.rowCount == single.program.rowCount + 24)
    }

    /// Wind offering 1.5 GW and solar 0.5 GW into a 1 GW load with nothing else: 1 GW is
    /// curtailed, and each sends out half of what it offered (0.75 and 0.25 GW).
    @Test func renewablesAreCurtailedProRata() throws {
        let body = """
            technologies:
              wind: {kind: wind, capacity: 2 GW, full_load_hours: 2000 h}
              solar: {kind: solar_centralised, capacity: 1 GW, full_load_hours: 1000 h}
            """
        let scenario = try ScenarioFixture.load(ScenarioFixture.scenario(body))
        var profiles = ScenarioFixture.profiles(year: 2020, load: [1, 1, 1])
        profiles.capacityFactors = [TechnologySeries(id: "wind", kind: .wind, values: [0.75, 0.75, 0.25]),
                                    TechnologySeries(id: "solar", kind: .solarCentralised, values: [0.5, 0, 0.5])]
        let model = try DispatchModel(scenario: scenario, conditions: YearConditions(scenario: scenario, year: 2020), profiles: profiles)
        #expect(model.program.columnCount == 2 * profiles.load.count, "one pooled renewable column an hour, and unserved energy")
        let dispatch = try model.solve()
        let wind = try #require(dispatch.technologies.first { $0.id == "wind" })
        let solar = try #require(dispatch.technologies.first { $0.id == "solar" })
        let expected: [(wind: Double, solar: Double)] = [(0.75, 0.25), (1, 0), (0.5, 0.5)]
        for (t, pair) in expected.enumerated() {
            expectNear(wind.output[t], pair.wind, 1e-6, "wind in hour \(t)")
            expectNear(solar.output[t], pair.solar, 1e-6, "solar in hour \(t)")
            expectNear(wind.curtailed![t] + solar.curtailed![t], [1, 0.5, 0][t], 1e-6, "curtailed in hour \(t)")
        }
    }

    private func solve(_ yaml: String, load: [Double]) throws -> (model: DispatchModel, dispatch: YearDispatch) {
        let scenario = try ScenarioFixture.load(yaml)
        let model = try DispatchModel(scenario: scenario, conditions: YearConditions(scenario: scenario, year: 2020),
                                      profiles: ScenarioFixture.profiles(year: 2020, load: load))
        return (model, try model.solve())
    }
}
