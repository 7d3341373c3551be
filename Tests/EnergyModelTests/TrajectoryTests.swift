import Testing
@testable import EnergyModel

/// `Trajectory.value(in:)` worked by hand, and the trajectory forms a scenario may write.
@Suite struct TrajectoryTests {
    typealias Milestone = Trajectory.Milestone
    typealias Event = Trajectory.Event

    @Test func linearBetweenMilestonesFlatAfterZeroBefore() {
        let t = Trajectory(milestones: [Milestone(year: 2025, value: 2), Milestone(year: 2020, value: 1), Milestone(year: 2030, value: 4)])
        #expect(t.milestones.map(\.year) == [2020, 2025, 2030])
        #expect(t.value(in: 2019) == 0)
        #expect(t.value(in: 2020) == 1)
        expectClose(t.value(in: 2022), 1.4)  // 1 + 2/5 × (2 − 1)
        #expect(t.value(in: 2025) == 2)
        expectClose(t.value(in: 2027), 2.8)  // 2 + 2/5 × (4 − 2)
        #expect(t.value(in: 2030) == 4)
        #expect(t.value(in: 2045) == 4)
    }

    @Test func holdKeepsTheFirstMilestoneBeforeIt() {
        let t = Trajectory(milestones: [Milestone(year: 2020, value: 10310), Milestone(year: 2025, value: 13800)], beforeFirst: .hold)
        #expect(t.value(in: 2010) == 10310)
        expectClose(t.value(in: 2023), 12404)  // 10310 + 3/5 × 3490
    }

    @Test func eventsCountFromTheirYearAndKeepTheirDate() {
        let t = Trajectory(events: [
            Event(year: 2028, month: 7, day: 1, change: -0.66), Event(year: 2026, month: nil, day: nil, change: 0.03),
            Event(year: 2021, month: nil, day: nil, change: 1.32),
        ])
        #expect(t.events.map(\.year) == [2021, 2026, 2028])
        #expect(t.value(in: 2020) == 0)
        #expect(t.value(in: 2021) == 1.32)
        #expect(t.value(in: 2025) == 1.32)
        expectClose(t.value(in: 2026), 1.35)
        expectClose(t.value(in: 2028), 0.69)
        expectClose(t.value(in: 2040), 0.69)
        #expect(t.events[2] == Event(year: 2028, month: 7, day: 1, change: -0.66))
    }

    @Test func milestonesPlusEvents() {
        let t = Trajectory(
            milestones: [Milestone(year: 2020, value: 1), Milestone(year: 2030, value: 2)],
            events: [Event(year: 2024, month: nil, day: nil, change: 0.5), Event(year: 2028, month: nil, day: nil, change: -0.25)])
        expectClose(t.value(in: 2023), 1.3)
        expectClose(t.value(in: 2024), 1.9)  // 1.4 + 0.5
        expectClose(t.value(in: 2028), 2.05)  // 1.8 + 0.5 − 0.25
        expectClose(t.value(in: 2031), 2.25)  // 2 + 0.5 − 0.25
        #expect(!t.isConstant)
    }

    @Test func constant() {
        let t = Trajectory.constant(1.32)
        #expect(t.isConstant)
        #expect(t.value(in: 1900) == 1.32)
        #expect(t.value(in: 2100) == 1.32)
        #expect(Trajectory().value(in: 2025) == 0)
    }

    // MARK: Decoded from YAML

    /// A scenario whose technologies are `body` (indented two spaces under `technologies:`).
    func decode(_ body: String) throws -> (Scenario, Fixture) {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.scenario("technologies:\n" + body))
        return (try fixture.load("s.yaml"), fixture)
    }

    @Test func singleQuantity() throws {
        let (s, _) = try decode("  w: {kind: wind, capacity: 330 万千瓦, full_load_hours: 2000 h}")
        let capacity = s.technology(id: "w")!.capacity
        #expect(capacity.isConstant)
        expectClose(capacity.value(in: 2020), 3.3)
        expectClose(capacity.value(in: 2030), 3.3)
    }

    @Test func milestoneMap() throws {
        let (s, _) = try decode("  w: {kind: wind, capacity: {2025: 1.90 GW, 2020: 0.70 GW, 2030: 2710 MW}, full_load_hours: 2000 h}")
        let capacity = s.technology(id: "w")!.capacity
        #expect(capacity.milestones.map(\.year) == [2020, 2025, 2030])
        #expect(capacity.beforeFirst == .zero)
        expectClose(capacity.value(in: 2023), 1.42)  // 0.70 + 3/5 × 1.20
        expectClose(capacity.value(in: 2028), 2.386)  // 1.90 + 3/5 × 0.81
        expectClose(capacity.value(in: 2030), 2.71)
    }

    @Test func milestonesAfterTheBaseYearStartFromZero() throws {
        let (s, _) = try decode("  w: {kind: wind, capacity: {2024: 1 GW, 2026: 2 GW}, full_load_hours: 2000 h}")
        let capacity = s.technology(id: "w")!.capacity
        #expect(capacity.value(in: 2023) == 0)
        #expect(capacity.value(in: 2025) == 1.5)
    }

    @Test func listOfEvents() throws {
        let (s, _) = try decode("""
              p:
                kind: coal
                capacity: ["+1.32 GW in 2021", "+30 MW in 2026", "-0.66 GW on 2028-07-01"]
                heat_rate: 300 gce/kWh
                fuel_price: 900 yuan/t
            """)
        let capacity = s.technology(id: "p")!.capacity
        #expect(capacity.milestones.isEmpty)
        #expect(capacity.events.map(\.year) == [2021, 2026, 2028])
        #expect(capacity.events.map(\.month) == [nil, nil, 7])
        #expect(capacity.events.map(\.day) == [nil, nil, 1])
        expectClose(capacity.events[1].change, 0.03)
        #expect(capacity.events[2].change == -0.66)
        #expect(capacity.value(in: 2020) == 0)
        #expect(capacity.value(in: 2025) == 1.32)
        expectClose(capacity.value(in: 2027), 1.35)
        expectClose(capacity.value(in: 2028), 0.69)
    }

    @Test func milestonesWithEvents() throws {
        let (s, _) = try decode("""
              w:
                kind: wind
                capacity:
                  2020: 1 GW
                  2030: 2 GW
                  events: ["+0.5 GW in 2024", "-250 MW on 2028-12-31"]
                full_load_hours: 2000 h
            """)
        let capacity = s.technology(id: "w")!.capacity
        #expect(capacity.milestones == [Trajectory.Milestone(year: 2020, value: 1), Trajectory.Milestone(year: 2030, value: 2)])
        #expect(capacity.events.map(\.year) == [2024, 2028])
        #expect(capacity.events[1].month == 12 && capacity.events[1].day == 31)
        expectClose(capacity.value(in: 2023), 1.3)
        expectClose(capacity.value(in: 2024), 1.9)
        expectClose(capacity.value(in: 2028), 2.05)
    }

    @Test func valuesWithProvenance() throws {
        let (s, fixture) = try decode("""
              w:
                kind: wind
                capacity: {value: 1.32 GW, source: "plan box 1"}
                full_load_hours: 2000 h
              v:
                kind: wind
                capacity:
                  2020: {value: 0.5 GW, assumption: "a guess"}
                  2030: {value: 1.5 GW, source: "plan"}
                full_load_hours: 2000 h
              e:
                kind: wind
                capacity: [{value: "+30 MW in 2026", assumption: "timing assumed"}]
                full_load_hours: 2000 h
            """)
        #expect(s.technology(id: "w")!.capacity.isConstant)
        #expect(s.technology(id: "w")!.capacity.value(in: 2025) == 1.32)
        #expect(s.technology(id: "v")!.capacity.value(in: 2025) == 1)
        expectClose(s.technology(id: "e")!.capacity.value(in: 2026), 0.03)
        #expect(s.technology(id: "e")!.capacity.value(in: 2025) == 0)
        let file = fixture.path("s.yaml")
        let records = s.numbers.filter { $0.path.contains(".capacity") }
        #expect(records == [
            NumberRecord(location: .init(file: file, line: 11, column: 23), path: "technologies.w.capacity.value", text: "1.32 GW",
                         provenance: Provenance(kind: .source, text: "plan box 1")),
            NumberRecord(location: .init(file: file, line: 16, column: 21), path: "technologies.v.capacity.2020.value", text: "0.5 GW",
                         provenance: Provenance(kind: .assumption, text: "a guess")),
            NumberRecord(location: .init(file: file, line: 17, column: 21), path: "technologies.v.capacity.2030.value", text: "1.5 GW",
                         provenance: Provenance(kind: .source, text: "plan")),
            NumberRecord(location: .init(file: file, line: 21, column: 24), path: "technologies.e.capacity[0].value", text: "30 MW",
                         provenance: Provenance(kind: .assumption, text: "timing assumed")),
        ])
    }

    /// Rates (T₁) hold their first milestone's value before it: a wind farm of 2020 with
    /// `full_load_hours: {2025: …}` and an inflow factor first written for 2025 no longer
    /// switch the farm and the rivers off in 2020–2024 (they were zero there). Events
    /// alone are refused: a rate has no zero to start from.
    @Test func ratesHoldTheirFirstMilestone() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.scenario("""
            weather: {hydro_inflow_factor: {2025: 70 %, 2030: 90 %}}
            technologies:
              w: {kind: wind, capacity: 1 GW, full_load_hours: {2025: 2000 h, 2030: 2200 h}}
            """))
        let s = try fixture.load("s.yaml")
        guard case let .variable(wind) = s.technology(id: "w")!.parameters else { Issue.record("not a variable renewable"); return }
        let hours = try #require(wind.fullLoadHours)
        #expect(hours.beforeFirst == .hold)
        #expect([2020, 2025, 2030].map { hours.value(in: $0) } == [2000, 2000, 2200])
        expectClose(hours.value(in: 2028), 2120)
        #expect([2020, 2024, 2025].map { s.weather.hydroInflowFactor.value(in: $0) } == [0.7, 0.7, 0.7])
        try fixture.write("e.yaml", Fixture.scenario("""
            technologies:
              w: {kind: wind, capacity: 1 GW, full_load_hours: ["+100 h in 2026"]}
            """))
        #expect(fixture.problems("e.yaml") == [
            fixture.message("e.yaml", 9, 52, "technologies.w.full_load_hours", found: "events only", expected: "a value or milestones to start from"),
        ])
    }

    @Test func demandHoldsItsFirstMilestone() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.header(demand: "{annual_energy: {2018: 8 TWh, 2028: 18 TWh}, peak: 4 GW}") + "technologies: {}\n")
        let s = try fixture.load("s.yaml")
        #expect(s.demand.annualEnergy.beforeFirst == .hold)
        #expect(s.demand.annualEnergy.value(in: 2017) == 8000)
        #expect(s.demand.annualEnergy.value(in: 2020) == 10000)
        #expect(s.demand.annualEnergy.value(in: 2030) == 18000)
        #expect(s.demand.peak.value(in: 2025) == 4)
    }
}
