import Foundation
import Testing
@testable import EconomicDispatch
@testable import EnergyModel
@testable import Profiles
@testable import Simulation

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

    /// The default scenario (with Quanmutang's environmental flow at 3 MW, as it was) with
    /// 3.34375 GW of wind in 2030, run alone: with the default
    /// primal regularisation (10⁻¹¹) its primal residual climbed from 10⁻⁹ to 3·10⁻⁷ and
    /// the year ended in numerical trouble, which aborted a sweep over wind capacity. The
    /// second start, with 10⁻¹⁰, reaches HiGHS's optimum of the exported LP
    /// (2 112.1634147261666 million yuan, HiGHS 1.16, `lp export --year 2030 --from 2030`).
    @Test func aYearTheFirstStartCannotFinishIsSolvedByTheSecond() throws {
        try expectOptimal(2030, over: """
            technologies:
              wind:
                capacity: {2020: 0.70 GW, 2025: 1.90 GW, 2030: 3.34375 GW}
              quanmutang_hydro:
                environmental_flow: 3 MW
            """, cost: 2_112_163_414.7261666)
    }

    /// The default scenario with imports capped at 0.8 GW, 1 GW of LFP and weather seed 2,
    /// 2030 run alone (a point of a sweep): with the normal equations regularised by
    /// 10⁻¹³ (1 + Mᵢᵢ), each direction left δ Mᵢᵢ Δyᵢ ≈ 10⁻¹³ · 3·10¹¹ · Δyᵢ of the
    /// pumped-storage rows' residual unsolved, the bounds' slacks closed first, and the
    /// primal residual stalled at 1.4·10⁻⁹ relative (numerical trouble at both starts).
    /// With 10⁻¹³ (1 + 10⁻³ Mᵢᵢ) it reaches HiGHS's optimum of the exported LP
    /// (2 572.366091384886 million yuan, HiGHS 1.16, `lp export --year 2030 --from 2030`).
    @Test func aYearWhoseRegularisationHeldThePrimalResidualIsSolved() throws {
        try expectOptimal(2030, over: """
            weather:
              seed: 2
            grid:
              import_limit: 0.8 GW
            technologies:
              lfp_bases:
                capacity: 1 GW
            """, cost: 2_572_366_091.384886)
    }

    /// The default scenario with Quanmutang's environmental flow at 12.8995 MW, all but
    /// 3·10⁻⁶ of its mean inflow (113 GWh / 8 760 h = 12.89954 MW), and a store of
    /// 1 000 亿立方米, 2025 run alone: the water rows less the flow rows add up to the
    /// year's inflow less its flow, 0.38 MWh, which only the flow rows' slacks and the last
    /// level move — all at their bounds — beside levels far inside theirs. The first two
    /// starts stalled with the gap at 1.6·10⁻⁶ and 2.2·10⁻⁶ (each direction missed
    /// A Δx = r_p by more than r_p); the third, with a primal regularisation of 10⁻⁷,
    /// reaches HiGHS's optimum of the exported LP (2 301.592209210544 million yuan,
    /// HiGHS 1.16 simplex, `lp export --year 2025 --from 2025`).
    @Test func aFlowThatTakesNearlyAllTheInflowIsSolvedByTheThirdStart() throws {
        let solver = try expectOptimal(2025, over: """
            technologies:
              quanmutang_hydro:
                environmental_flow: 12.8995 MW
                volume: 1000 亿立方米
            """, cost: 2_301_592_209.210544)
        #expect(solver.message.contains("; the second, with 1e-10: no progress in 30 iterations: "), "\(solver.message)")
        #expect(solver.message.contains("(a third start, with primal regularisation 1e-7, after the first: no progress in 30 iterations: "), "\(solver.message)")
    }

    /// The shipped scenario with `variant` laid over it (`extends:`), `year` run alone: its
    /// dispatch is optimal at `cost` yuan (to 1e-7 relative). Returns the solver's report.
    @discardableResult
    private func expectOptimal(_ year: Int, over variant: String, cost: Double, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> SolverReport {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios/shaoyang.yaml").path
        let scenario = try ScenarioFixture.load("extends: \(shipped)\n" + variant)
        let solved = try #require(try Projection(scenario: scenario).run(years: year...year).first, sourceLocation: sourceLocation)
        #expect(solved.dispatch.solver.status == "optimal", sourceLocation: sourceLocation)
        expectNear(solved.dispatch.solver.objective, cost, 1e-7 * cost, "cost, yuan", sourceLocation: sourceLocation)
        return solved.dispatch.solver
    }
}
