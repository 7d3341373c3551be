import Foundation
import Testing
@testable import EconomicDispatch
@testable import EnergyModel

/// Battery aging by cohort (docs/dispatch.md, "Battery aging"), worked by hand:
/// usable(y) = Σ_c ΔE_c · max(0, 1 − a·(y − c) − b·N_c(y)) / Σ_c ΔE_c.
@Suite struct StorageAgingTests {
    /// 1 GW × 2 h from 2020 with `events` (by default 1 GW more in 2022 and 1.5 GW
    /// retired in 2025); a = 2 %/yr, b = 0.01 %/cycle.
    static func aging(events: String = #""+1 GW in 2022", "-1.5 GW in 2025""#) throws -> StorageAging {
        let scenario = try ScenarioFixture.load(ScenarioFixture.scenario("""
            technologies:
              battery:
                kind: lfp
                capacity: {2020: 1 GW, events: [\(events)]}
                duration: 2 h
                round_trip_efficiency: 85 %
                calendar_degradation: 2 %/yr
                cycle_degradation: 0.01 %/cycle
            """, years: "{base: 2020, end: 2027}"))
        let battery = try #require(scenario.technology(id: "battery"))
        guard case let .storage(storage) = battery.parameters else { throw CancellationError() }
        return StorageAging(storage: storage, power: battery.capacity, baseYear: 2020, endYear: 2027)
    }

    /// Calendar fade alone: the 2020 cohort (2 GWh) and the 2022 cohort (2 GWh) by age.
    @Test func calendarFadeByCohort() throws {
        let aging = try Self.aging()
        #expect(aging.usableFraction(in: 2020) == 1)
        expectNear(aging.usableFraction(in: 2021), 0.98, 1e-15, "2021: one cohort, one year old")
        expectNear(aging.usableFraction(in: 2024), (2 * 0.92 + 2 * 0.96) / 4, 1e-15, "2024: both cohorts")
        // 2025: 3 GWh retired from the oldest first: the 2020 cohort's 2 GWh and 1 GWh of 2022's.
        expectNear(aging.usableFraction(in: 2025), 0.94, 1e-15, "2025: what is left of the 2022 cohort")
        expectNear(aging.usableFraction(in: 2027), 0.90, 1e-15, "2027")
    }

    /// A retirement in a later year does not change the years before it: 2024 keeps both
    /// cohorts whatever happens in 2025.
    @Test func aRetirementLeavesTheYearsBeforeAlone() throws {
        let aging = try Self.aging()
        let kept = try Self.aging(events: #""+1 GW in 2022""#)
        for year in 2020...2024 { #expect(aging.usableFraction(in: year) == kept.usableFraction(in: year), "\(year)") }
        #expect(aging.usableFraction(in: 2025) != kept.usableFraction(in: 2025))
    }

    /// Cycles of the years simulated age the cohorts that had come: 300 cycles in 2020 and
    /// 200 in 2022 take 3 % and 2 % (b = 0.01 %/cycle).
    @Test func cyclesAgeTheCohortsInServiceThen() throws {
        var aging = try Self.aging()
        aging.record(cycles: 300, in: 2020)
        aging.record(cycles: 200, in: 2022)
        expectNear(aging.usableFraction(in: 2021), 1 - 0.02 - 0.03, 1e-15, "2021")
        // 2023: the 2020 cohort is 3 years old with 500 cycles, the 2022 cohort 1 year old with 200.
        expectNear(aging.usableFraction(in: 2023), (2 * (1 - 0.06 - 0.05) + 2 * (1 - 0.02 - 0.02)) / 4, 1e-15, "2023")
    }

    /// Cohorts that come or go on a date change the usable energy from that hour on. The
    /// whole year's share was applied to every hour, so a 2021 battery worn to 80 % held
    /// 0.36 GWh, not 0.32, for the 364 days before a new one came on 31 December.
    /// 1 GW × 2 h from 2020 at 2 %/yr (b = 0.01 %/cycle), with 1 GW more on 2025-12-31 and
    /// 1.5 GW of the oldest retired on 2025-07-02 (day 182: hour 4 368).
    @Test func datedCohortsChangeTheUsableEnergyFromTheirHour() throws {
        let events = #""+1 GW in 2022", "+1 GW on 2025-12-31", "-1.5 GW on 2025-07-02""#
        var aging = try Self.aging(events: events)
        aging.record(cycles: 100, in: 2024)
        let scenario = try ScenarioFixture.load(ScenarioFixture.scenario("""
            technologies:
              battery: {kind: lfp, capacity: {2020: 1 GW, events: [\(events)]}, duration: 2 h, round_trip_efficiency: 85 %}
            """, years: "{base: 2020, end: 2027}"))
        let battery = try #require(scenario.technology(id: "battery"))
        let year = TechnologyYear(battery, year: 2025, carbonPrice: 0, aging: aging)
        let hourly = try #require(year.energyCapacity)
        // Until 2 July: the 2020 cohort (2 GWh, 5 years, 100 cycles: 0.89) and the 2022
        // cohort (2 GWh, 3 years, 100 cycles: 0.93).
        expectNear(hourly[0], 2 * 0.89 + 2 * 0.93, 1e-12, "1 January")
        expectNear(hourly[4367], 2 * 0.89 + 2 * 0.93, 1e-12, "1 July, 23:00")
        // From 2 July: 3 GWh retired, the 2020 cohort and 1 GWh of 2022's.
        expectNear(hourly[4368], 1 * 0.93, 1e-12, "2 July")
        // From 31 December: 2 GWh new, at full energy.
        expectNear(hourly[8735], 1 * 0.93, 1e-12, "30 December, 23:00")
        expectNear(hourly[8736], 1 * 0.93 + 2, 1e-12, "31 December")
        // The year's share is the fleet's at the end of the year: (0.93 + 2) / 3.
        expectNear(year.usableFraction, (0.93 + 2) / 3, 1e-12, "usable fraction")
        expectNear(try #require(year.nameplateEnergy), 3, 1e-12, "nameplate at the end of the year")
    }

    /// A battery commissioned on 2 July holds 2 GWh in each hour it is in service: the
    /// divisor of its cycles is 2 GWh, not the 0.99 GWh its energy averages over the year.
    @Test func energyInServiceIsTheDivisorOfCycles() throws {
        let scenario = try ScenarioFixture.load(ScenarioFixture.scenario("""
            technologies:
              battery: {kind: lfp, capacity: {2020: 0 GW, events: ["+1 GW on 2021-07-02"]}, duration: 2 h, round_trip_efficiency: 85 %}
            """))
        let battery = try #require(scenario.technology(id: "battery"))
        let year = TechnologyYear(battery, year: 2021, carbonPrice: 0, aging: nil)
        let hourly = try #require(year.energyCapacity)
        let inService = hourly.filter { $0 > 0 }.count
        #expect(inService == 8760 - 24 * 182)
        expectNear(hourly.reduce(0, +) / 8760, 2 * Double(inService) / 8760, 1e-12, "the year's average")
        expectNear(try #require(year.energyInService), 2, 1e-12, "in service")
        #expect(TechnologyYear(battery, year: 2020, carbonPrice: 0, aging: nil).energyInService == 0)
    }
}
