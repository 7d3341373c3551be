import Foundation
import Testing
@testable import Accounting
@testable import EconomicDispatch
@testable import EnergyModel
@testable import Simulation

/// The battery a year needs to meet a curtailment target, measured by dispatching it again
/// with its battery made larger (`Projection.storageResponse`).
@Suite struct StorageResponseTests {
    /// 4 GW of PV beside a 2 GW peak, coal free to step aside, no grid link, and a small
    /// battery of 4 h: the middle of sunny days has far more PV than load, and a larger
    /// battery can carry it into the evening. The curtailment target is `limit`.
    static func scenario(limit: String, battery: Bool = true, pv: String = "4 GW") -> String {
        let lfp = battery ? """
              battery: {kind: lfp, capacity: 0.1 GW, duration: 4 h, charge_efficiency: 95 %, discharge_efficiency: 95 %,
                        throughput_cost: 1 yuan/MWh}
            """ : ""
        return ScenarioFixture.scenario("""
            technologies:
              coal: {kind: coal, capacity: 2.5 GW, heat_rate: 300 gce/kWh, fuel_price: 1000 yuan/tce,
                     minimum_stable_load: 0 %, ramp_rate: 100 %/h}
              pv: {kind: solar_centralised, capacity: \(pv), full_load_hours: 1300 h}
            \(lfp)
            targets:
              - {id: curtailment_2020, kind: curtailment, year: 2020, at_most: \(limit)}
            """, years: "{base: 2020, end: 2020}")
    }

    /// The year's curtailed fraction dispatched again with `added` GW more battery at 4 h.
    func curtailment(_ projection: Projection, _ year: ProjectedYear, adding added: Double) throws -> Double {
        var changed = year.conditions
        let index = try #require(changed.technologies.firstIndex { $0.technology.id == "battery" })
        changed.technologies[index].add(added, durationHours: 4)
        return try projection.accountDispatchedAgain(changed).curtailmentFraction
    }

    /// The answer is bracketed as it says: the year with `meets` GW more battery curtails
    /// at most the limit, with `misses` GW more it curtails more, and the two are within 5 %
    /// of each other. The scorecard shows it after the first-order energy lever, as power
    /// and as energy at the battery's 4 h.
    @Test func theBatteryFoundMeetsAndOneSmallerMisses() throws {
        let scenario = try ScenarioFixture.load(Self.scenario(limit: "10 %"))
        let projection = Projection(scenario: scenario)
        let year = try #require(try projection.run(years: 2020...2020).first)
        let account = YearAccount(energy: year.energy, scenario: scenario)
        #expect(account.curtailmentFraction > 0.2, "the year must curtail well above the limit: \(account.curtailmentFraction)")
        let meets = { (account: YearAccount) in account.curtailmentFraction <= 0.1 }
        let response = try #require(try projection.storageResponse(conditions: year.conditions, meets: meets))
        let power = try #require(response.meets)
        #expect(response.battery == "battery" && abs(response.durationHours - 4) < 1e-12, "\(response)")
        #expect(response.misses < power && power < 4, "\(response)")
        #expect(power - response.misses <= max(0.001, 0.05 * power) + 1e-12, "\(response)")
        #expect(response.dispatches <= Projection.storageDispatchLimit)
        #expect(try curtailment(projection, year, adding: power) <= 0.1)
        #expect(try curtailment(projection, year, adding: response.misses) > 0.1)

        let card = Scorecard(scenario: scenario, accounts: [account], storage: ["curtailment_2020": response])
        let levers = try #require(card.entries.first?.levers)
        #expect(levers.map(\.unit) == ["GWh", "GW", "GWh"])
        #expect(abs(levers[1].amount - power) < 1e-12 && abs(levers[2].amount - 4 * power) < 1e-12)
        let words = String(format: "measured, the year dispatched again with a larger battery at its 4 h, new cells in service all year (%d dispatches; %.3g GW more misses)",
                           response.dispatches, response.misses)
        #expect(levers[1].text == words + ": battery power to add", "\(levers[1].text)")
        #expect(levers[2].text == "measured: that battery's energy, at 4 h")
    }

    /// No battery in the year gives no measured lever. A limit that no battery of up to
    /// 8 × the PV's capacity reaches gives the curtailment that most reached (its dispatches
    /// were made, and counted, but not said): 20 GW of PV offer some 71 GWh a day on average
    /// against a load of 27 GWh, so more than half of it is curtailed whatever is stored.
    @Test func noBatteryOrNoReachableLimit() throws {
        let none = try ScenarioFixture.load(Self.scenario(limit: "10 %", battery: false))
        let plain = Projection(scenario: none)
        let first = try #require(try plain.run(years: 2020...2020).first)
        #expect(try plain.storageResponse(conditions: first.conditions) { $0.curtailmentFraction <= 0.1 } == nil, "no battery")

        let scenario = try ScenarioFixture.load(Self.scenario(limit: "10 %", pv: "20 GW"))
        let projection = Projection(scenario: scenario)
        let year = try #require(try projection.run(years: 2020...2020).first)
        let response = try #require(try projection.storageResponse(conditions: year.conditions) { $0.curtailmentFraction <= 0.1 })
        #expect(response.meets == nil && abs(response.misses - 8 * 20) < 1e-9 && response.dispatches == 4, "\(response)")
        let reached = try #require(response.reached)
        let again = try curtailment(projection, year, adding: response.misses)
        #expect(reached > 0.5 && abs(reached - again) < 1e-12, "\(response)")
        let account = YearAccount(energy: year.energy, scenario: scenario)
        let levers = try #require(Scorecard(scenario: scenario, accounts: [account], storage: ["curtailment_2020": response]).entries.first?.levers)
        #expect(levers.last?.text == "measured, not closed by a larger battery: the curtailment with 160 GW more at its 4 h, in service all year, the most tried (4 dispatches)")
        #expect(levers.last.map { abs($0.amount - 100 * reached) < 1e-12 && $0.unit == "%" } == true)
    }
}
