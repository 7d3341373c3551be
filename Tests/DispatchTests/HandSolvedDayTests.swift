import Testing
@testable import EconomicDispatch
import LinearProgramming
@testable import EnergyModel
@testable import Profiles

/// A day small enough to solve by hand: a cheap unit (100 yuan/MWh, 2 GW), a peaker
/// (300 yuan/MWh, 2 GW) and a battery (0.5 GW, 2 GWh, 90 % charging, 100 % discharging,
/// 1 yuan/MWh throughput, empty at the start). Load is 1 GW for 12 hours, then 3 GW.
///
/// By hand: the battery fills in the cheap hours (2 / 0.9 = 2.2̄ GWh bought at 100) and
/// empties in the dear ones (2 GWh, each displacing the peaker at 300). Cheap unit:
/// 12 + 2.2̄ + 24 = 38.2̄ GWh; peaker: 36 − 24 − 2 = 10 GWh. Cost (yuan):
/// 38.2̄ × 100 000 + 10 × 300 000 + 2 × 1 000 = 6 824 222.2̄. Price: 100 000 yuan/GWh in
/// the first 12 hours (the cheap unit is marginal), 300 000 after (the peaker is).
@Suite struct HandSolvedDayTests {
    static let yaml = ScenarioFixture.scenario("""
        technologies:
          cheap:
            kind: coal
            capacity: 2 GW
            heat_rate: 200 gce/kWh
            fuel_price: 500 yuan/tce
            minimum_stable_load: 0 %
            ramp_rate: 100 %/h
          peaker:
            kind: gas
            capacity: 2 GW
            heat_rate: 200 gce/kWh
            fuel_price: 1500 yuan/tce
            minimum_stable_load: 0 %
            ramp_rate: 100 %/h
          battery:
            kind: lfp
            capacity: 0.5 GW
            duration: 4 h
            charge_efficiency: 90 %
            discharge_efficiency: 100 %
            initial_soc: 0 %
            throughput_cost: 1 yuan/MWh
        """)

    static let load = [Double](repeating: 1, count: 12) + [Double](repeating: 3, count: 12)

    static func solved() throws -> YearDispatch {
        let scenario = try ScenarioFixture.load(yaml)
        let conditions = YearConditions(scenario: scenario, year: 2020)
        let model = try DispatchModel(scenario: scenario, conditions: conditions, profiles: ScenarioFixture.profiles(year: 2020, load: load))
        return try model.solve()
    }

    @Test func costAndEnergiesEqualTheHandSolution() throws {
        let dispatch = try Self.solved()
        #expect(dispatch.solver.status == "optimal")
        expectNear(dispatch.solver.objective, 6_824_222.222_222, 1e-3, "cost")
        let byID = Dictionary(uniqueKeysWithValues: dispatch.technologies.map { ($0.id, $0) })
        expectNear(byID["cheap"]!.output.reduce(0, +), 38.222_222_222, 1e-6, "cheap GWh")
        expectNear(byID["peaker"]!.output.reduce(0, +), 10, 1e-6, "peaker GWh")
        expectNear(byID["battery"]!.output.reduce(0, +), 2, 1e-6, "discharge GWh")
        expectNear(byID["battery"]!.charge!.reduce(0, +), 2 / 0.9, 1e-6, "charge GWh")
        expectNear(byID["battery"]!.level![11], 2, 1e-6, "full at the end of the cheap hours")
        for t in 0..<12 { #expect(byID["battery"]!.output[t] < 1e-6) }
        for t in 12..<24 { #expect(byID["battery"]!.charge![t] < 1e-6) }
    }

    @Test func pricesAreTheMarginalUnitsCosts() throws {
        let dispatch = try Self.solved()
        for t in 0..<12 { expectNear(dispatch.price[t], 100_000, 1e-2, "price in hour \(t)") }
        for t in 12..<24 { expectNear(dispatch.price[t], 300_000, 1e-2, "price in hour \(t)") }
    }

    @Test func balanceAndStateOfChargeClose() throws {
        let dispatch = try Self.solved()
        let battery = dispatch.technologies.first { $0.id == "battery" }!
        var previous = 0.0
        for t in 0..<dispatch.hours {
            expectNear(dispatch.balanceResidual(at: t), 0, 1e-6, "balance in hour \(t)")
            expectNear(battery.level![t], previous + 0.9 * battery.charge![t] - battery.output[t], 1e-6, "state of charge in hour \(t)")
            previous = battery.level![t]
        }
    }
}

/// Years that cannot be dispatched get a message naming the cause; load that cannot be
/// met is unserved energy, never a failure.
@Suite struct InfeasibleYearTests {
    @Test func mustRunAboveLoadNamesThePlant() throws {
        let scenario = try ScenarioFixture.load(ScenarioFixture.scenario("""
            technologies:
              big_coal:
                kind: coal
                capacity: 2 GW
                heat_rate: 300 gce/kWh
                fuel_price: 1000 yuan/tce
                minimum_stable_load: 50 %
            """))
        let profiles = ScenarioFixture.profiles(year: 2020, load: [Double](repeating: 0.5, count: 24))
        #expect {
            _ = try DispatchModel(scenario: scenario, conditions: YearConditions(scenario: scenario, year: 2020), profiles: profiles)
        } throws: { error in
            let text = (error as? ScenarioError)?.description ?? ""
            return text.contains("technologies.big_coal.minimum_stable_load") && text.contains("must-run thermal output of 1 GW")
                && text.contains("scenario.yaml:") && text.hasSuffix("expected a lower minimum_stable_load, a grid: section with an export_limit, or more storage")
        }
    }

    /// A must-run floor of 60 % of 2 GW before noon, half the plant out from noon, and a
    /// ramp of 5 %/h (0.1 GW): from 1.2 GW the output can fall only to 1.1 GW by 12:00,
    /// above the 1.0 GW available then. No dispatch exists; the message says why.
    @Test func rampIntoAnOutageNamesTheRampRate() throws {
        let scenario = try ScenarioFixture.load(ScenarioFixture.scenario("""
            technologies:
              big_coal: {kind: coal, capacity: 2 GW, heat_rate: 300 gce/kWh, fuel_price: 1000 yuan/tce, minimum_stable_load: 60 %, ramp_rate: 5 %/h}
            """))
        var profiles = ScenarioFixture.profiles(year: 2020, load: [Double](repeating: 3, count: 24))
        profiles.availabilities = [TechnologySeries(id: "big_coal", kind: .coal, values: (0..<24).map { $0 < 12 ? 1 : 0.5 })]
        #expect {
            _ = try DispatchModel(scenario: scenario, conditions: YearConditions(scenario: scenario, year: 2020), profiles: profiles)
        } throws: { error in
            (error as? ScenarioError)?.description.hasSuffix("""
                error: technologies.big_coal.ramp_rate: found in 2020, at 2020-01-01T12:00+08:00 big_coal must run between 0.6 and 1 GW \
                (its minimum stable load and availability), but from the hour before it can only reach 1.1 to 2.1 GW (down 0.1, up 0.1 GW an hour), \
                expected a plant that can ramp into its maintenance and availability changes: a higher ramp_rate or a lower minimum_stable_load
                """) == true
        }
        profiles.availabilities[0].values[12...] = [Double](repeating: 0.55, count: 12)[...]
        _ = try DispatchModel(scenario: scenario, conditions: YearConditions(scenario: scenario, year: 2020), profiles: profiles)
    }

    /// A plant with a must-run floor retired on a date: in the hour it goes, its capacity
    /// may go whole on top of the ramp (R·C_t alone was 0 GW an hour, so no dated
    /// retirement of a plant with a floor could be dispatched).
    @Test func aDatedRetirementIsDispatched() throws {
        let scenario = try ScenarioFixture.load(ScenarioFixture.scenario("""
            technologies:
              old_coal: {kind: coal, capacity: {2020: 2 GW, events: ["-2 GW on 2020-01-02"]}, heat_rate: 300 gce/kWh, fuel_price: 1000 yuan/tce,
                         minimum_stable_load: 50 %, ramp_rate: 10 %/h}
            """))
        let model = try DispatchModel(scenario: scenario, conditions: YearConditions(scenario: scenario, year: 2020),
                                      profiles: ScenarioFixture.profiles(year: 2020, load: [Double](repeating: 1, count: 48)))
        let dispatch = try model.solve()
        let coal = try #require(dispatch.technologies.first { $0.id == "old_coal" })
        expectNear(coal.output[23], 1, 1e-6, "at its floor the last hour")
        expectNear(coal.output[24...].reduce(0, +), 0, 1e-6, "gone from 2 January")
        expectNear(dispatch.unserved.reduce(0, +), 24, 1e-6, "the second day unserved, GWh")
    }

    /// A battery that must keep 90 % of 8 GWh against 10 %/h self-discharge passes its own
    /// check (2 GW of charging can hold it) but nothing generates: only the balance makes
    /// the year infeasible, and the message says where to look.
    @Test func storageTheBalanceCannotChargeGetsAHint() throws {
        let scenario = try ScenarioFixture.load(ScenarioFixture.scenario("""
            technologies:
              battery: {kind: lfp, capacity: 2 GW, duration: 4 h, round_trip_efficiency: 90 %, minimum_soc: 90 %, initial_soc: 90 %, self_discharge: 10 %/h}
            """))
        let model = try DispatchModel(scenario: scenario, conditions: YearConditions(scenario: scenario, year: 2020),
                                      profiles: ScenarioFixture.profiles(year: 2020, load: [Double](repeating: 0.5, count: 24)))
        #expect {
            _ = try model.solve()
        } throws: { error in
            guard let failure = error as? DispatchFailure else { return false }
            return failure.status == .primalInfeasible && failure.description.contains("they conflict through the hourly balance: storage that must charge")
        }
    }

    @Test func unmetLoadIsUnservedEnergy() throws {
        let scenario = try ScenarioFixture.load(ScenarioFixture.scenario("""
            technologies:
              small_coal:
                kind: coal
                capacity: 1 GW
                heat_rate: 300 gce/kWh
                fuel_price: 1000 yuan/tce
                minimum_stable_load: 0 %
            """))
        let load = [Double](repeating: 0.8, count: 20) + [Double](repeating: 1.5, count: 4)
        let model = try DispatchModel(scenario: scenario, conditions: YearConditions(scenario: scenario, year: 2020),
                                      profiles: ScenarioFixture.profiles(year: 2020, load: load))
        let dispatch = try model.solve()
        let served = dispatch.technologies[0].output
        for t in 20..<24 {
            expectNear(served[t], 1, 1e-6, "coal at full output in hour \(t)")
            expectNear(dispatch.unserved[t], 0.5, 1e-6, "unserved in hour \(t)")
            expectNear(dispatch.price[t], 20_000_000, 1, "price at the value of lost load in hour \(t)")
        }
        expectNear(dispatch.unserved.reduce(0, +), 2, 1e-6, "unserved GWh")
    }
    /// A battery whose self-discharge σ beats what charging at full power makes up: its
    /// most reachable level tends to η_c·P/σ, which must reach e₀ by the year's end.
    /// 1 GW, 2 GWh, η_c = 0.9, e₀ = 1 GWh: σ = 80 %/h can hold 1.125 GWh; 95 %/h only 0.947.
    @Test func storageThatSelfDischargeEmptiesNamesTheTechnology() throws {
        func model(selfDischarge: String) throws -> DispatchModel {
            let scenario = try ScenarioFixture.load(ScenarioFixture.scenario("""
                technologies:
                  plant: {kind: coal, capacity: 2 GW, heat_rate: 300 gce/kWh, fuel_price: 1000 yuan/tce, minimum_stable_load: 0 %}
                  leaky:
                    kind: lfp
                    capacity: 1 GW
                    duration: 2 h
                    charge_efficiency: 90 %
                    discharge_efficiency: 90 %
                    initial_soc: 50 %
                    self_discharge: \(selfDischarge)
                """))
            return try DispatchModel(scenario: scenario, conditions: YearConditions(scenario: scenario, year: 2020),
                                     profiles: ScenarioFixture.profiles(year: 2020, load: [Double](repeating: 0.5, count: 24)))
        }
        let dispatch = try model(selfDischarge: "80 %/h").solve()
        #expect(dispatch.technologies.first { $0.id == "leaky" }!.level![23] >= 1 - 1e-6, "the year's last level at least its first")
        #expect {
            _ = try model(selfDischarge: "95 %/h")
        } throws: { error in
            let text = (error as? ScenarioError)?.description ?? ""
            return text.contains("error: technologies.leaky.self_discharge: found in 2020, at 2020-01-01T23:00+08:00 leaky can hold at most 0.9474 GWh even charging at full power")
                && text.contains("below the 1 GWh it must end the year with (its starting state of charge)")
        }
    }

    /// The problems of a day's dispatch of a 10 GWh reservoir starting at 50 %, with
    /// `levels` (its other level keys), `flow` and the hourly `inflow` (GW).
    func reservoirDayProblems(levels: String, flow: String, inflow: [Double]) throws -> String {
        let scenario = try ScenarioFixture.load(ScenarioFixture.scenario("""
            technologies:
              dam: {kind: reservoir_hydro, capacity: 0.1 GW, inflow_energy: 100 GWh, reservoir_energy: 10 GWh, initial_level: 50 %, \(levels), environmental_flow: \(flow)}
            """))
        var profiles = ScenarioFixture.profiles(year: 2020, load: [Double](repeating: 0.5, count: inflow.count))
        profiles.inflows = [TechnologySeries(id: "dam", kind: .reservoirHydro, values: inflow)]
        do {
            _ = try DispatchModel(scenario: scenario, conditions: YearConditions(scenario: scenario, year: 2020), profiles: profiles)
            return ""
        } catch {
            return error.description
        }
    }

    /// 1 GWh above the minimum level at the start and an environmental flow of 0.1 GW:
    /// ten dry hours use it up, the eleventh cannot be released, though the day's inflow
    /// (0.25 GW in each of the last 12 hours) is more than the flow needs over the day.
    @Test func environmentalFlowTheInflowCannotKeepUpWithNamesTheHour() throws {
        let text = try reservoirDayProblems(levels: "minimum_level: 40 %", flow: "0.1 GW",
                                            inflow: [Double](repeating: 0, count: 12) + [Double](repeating: 0.25, count: 12))
        #expect(text.contains("error: technologies.dam.environmental_flow: found in 2020, at 2020-01-01T10:00+08:00 the reservoir holds at most 3.9 GWh "
                              + "releasing only its environmental flow of 0.1 GW (and spilling above its maximum level), below the 4 GWh of its minimum level"),
                "\(text)")
    }

    /// A flow a hair above the mean inflow is shown with the digits that tell them apart:
    /// four digits gave "0.1 GW" for both.
    @Test func aFlowJustAboveTheMeanInflowShowsTheDigitsThatDiffer() throws {
        let text = try reservoirDayProblems(levels: "minimum_level: 0 %", flow: "0.1 GW", inflow: [Double](repeating: 0.099999, count: 24))
        #expect(text.contains("an environmental flow of 0.1 GW needs 2.4 GWh a year, but the inflow is only 2.399976 GWh"), "\(text)")
        #expect(text.contains("expected an environmental flow at most the mean inflow (0.099999 GW)"), "\(text)")
        #expect(DispatchFailure(year: 2030, status: .numericalTrouble, message: "stalled").description
            .hasPrefix("capsim: the dispatch of 2030 was not solved: numerical trouble (stalled); "))
    }

    /// Water the reservoir cannot hold is spilled: levels 40–60 %; a 1 GW flood in the
    /// first six hours fills it only to 6 GWh, and a flow of 0.15 GW then draws it under
    /// 4 GWh in the 14th dry hour, though the day's inflow (6 GWh) covers the day's flow
    /// (3.6 GWh) and, uncapped, the level would never fall below 5.85 GWh.
    @Test func aFloodTheReservoirCannotHoldDoesNotCountForTheDrySpellAfterIt() throws {
        let text = try reservoirDayProblems(levels: "minimum_level: 40 %, maximum_level: 60 %", flow: "0.15 GW",
                                            inflow: [Double](repeating: 1, count: 6) + [Double](repeating: 0, count: 18))
        #expect(text.contains("found in 2020, at 2020-01-01T19:00+08:00 the reservoir holds at most 3.9 GWh"), "\(text)")
    }

    /// A reservoir station built in 2021 has no reservoir in 2020: nothing flows through
    /// it, nothing is spilled, and its environmental flow is not asked of a river that is
    /// not yet part of the system (the inflow here could not meet it).
    @Test func aReservoirBeforeItIsBuiltIsNotDispatched() throws {
        let scenario = try ScenarioFixture.load(ScenarioFixture.scenario("""
            technologies:
              plant: {kind: coal, capacity: 2 GW, heat_rate: 300 gce/kWh, fuel_price: 1000 yuan/tce, minimum_stable_load: 0 %}
              dam:
                kind: reservoir_hydro
                capacity: {2020: 0 GW, 2021: 0.1 GW}
                inflow_energy: 100 GWh
                reservoir_energy: 10 GWh
                environmental_flow: 0.1 GW
            """))
        var profiles = ScenarioFixture.profiles(year: 2020, load: [Double](repeating: 0.5, count: 24))
        profiles.inflows = [TechnologySeries(id: "dam", kind: .reservoirHydro, values: [Double](repeating: 0.05, count: 24))]
        let dispatch = try DispatchModel(scenario: scenario, conditions: YearConditions(scenario: scenario, year: 2020), profiles: profiles).solve()
        let dam = try #require(dispatch.technologies.first { $0.id == "dam" })
        #expect(dam.output.allSatisfy { $0 == 0 } && dam.spilled!.allSatisfy { $0 == 0 } && dam.available!.allSatisfy { $0 == 0 })
        #expect {
            _ = try DispatchModel(scenario: scenario, conditions: YearConditions(scenario: scenario, year: 2021), profiles: profiles)
        } throws: { error in
            (error as? ScenarioError)?.description.contains("technologies.dam.environmental_flow") == true
        }
    }
}
