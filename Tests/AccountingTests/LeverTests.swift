import Testing
@testable import Accounting
@testable import EnergyModel

/// The first-order levers of the example year's missed and within-tolerance targets,
/// worked by hand (ExampleYear: TEC 7 410 000 tce, NF 1 750 000 tce, k 300 tce/GWh,
/// PV full-load hours 1 000 h).
@Suite struct LeverTests {
    func levers() throws -> [String: [Lever]] {
        let scenario = try ExampleYear.scenario()
        let card = Scorecard(scenario: scenario, accounts: [YearAccount(energy: ExampleYear.energy, scenario: scenario)])
        return Dictionary(uniqueKeysWithValues: card.entries.map { ($0.target.id, $0.levers) })
    }

    func expect(_ levers: [Lever]?, _ expected: [(amount: Double, unit: String)],
                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let levers = levers ?? []
        #expect(levers.map(\.unit) == expected.map(\.unit), sourceLocation: sourceLocation)
        for (lever, want) in zip(levers, expected) {
            expectRelative(lever.amount, want.amount, sourceLocation: sourceLocation)
            #expect(lever.text.hasPrefix("first-order"), sourceLocation: sourceLocation)
        }
    }

    @Test func nonFossilShare() throws {
        let l = try levers()
        // ΔNF = 0.25·7 410 000 − 1 750 000 = 102 500 tce; ÷ 300 = 341.67 GWh; ÷ 1000 h = 0.34167 GW.
        expect(l["share_missed"], [(102_500, "tce"), (341.6666666666667, "GWh"), (0.3416666666666667, "GW")])
        // Within tolerance still gets levers to the threshold: 0.24·7 410 000 − 1 750 000 = 28 400 tce.
        expect(l["share_within"], [(28_400, "tce"), (94.66666666666667, "GWh"), (0.09466666666666668, "GW")])
    }

    @Test func fuelInTceAndInTheUnitWritten() throws {
        let l = try levers()
        // 200 000 tce = 20 万吨标准煤.
        expect(l["coal_missed"], [(200_000, "tce"), (20, "万吨标准煤")])
        expect(l["oil_missed"], [(100_000, "tce"), (10, "万吨标准煤")])
        // 85 710 tce ÷ (1e8·0.0012143 tce per 亿立方米) = 0.70584 亿立方米.
        expect(l["gas_missed"], [(85_710, "tce"), (0.7058387548381784, "亿立方米")])
    }

    @Test func reliabilityCurtailmentAndCapacity() throws {
        let l = try levers()
        // 2 GWh unserved against at most 1: serve 1 GWh. Loss-of-load hours: serve all 2 GWh (upper bound).
        expect(l["unserved_missed"], [(1, "GWh")])
        expect(l["lolh_missed"], [(2, "GWh")])
        // 200 − 5 %·3900 = 5 GWh of curtailed energy to absorb.
        expect(l["curtailment_missed"], [(5, "GWh")])
        expect(l["wind_capacity"], [(0.2, "GW")])
        expect(l["solar_added"], [(0.5, "GW")])
    }

    @Test func metTargetsHaveNoLevers() throws {
        let l = try levers()
        for id in ["share_met", "coal_met", "oil_met", "gas_met", "unserved_met", "lolh_met", "curtailment_met", "wind_2030"] {
            #expect(l[id] == [], "\(id)")
        }
    }

    @Test func noPVNoCapacityLever() throws {
        let scenario = try ExampleYear.scenario()
        var energy = ExampleYear.energy
        energy.technologies.removeAll { $0.kind == .solarCentralised || $0.kind == .solarDistributed }
        let card = Scorecard(scenario: scenario, accounts: [YearAccount(energy: energy, scenario: scenario)])
        let share = card.entries.first { $0.target.id == "share_missed" }!
        #expect(share.levers.map(\.unit) == ["tce", "GWh"])
    }
}
