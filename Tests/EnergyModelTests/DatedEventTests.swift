import Testing
@testable import EnergyModel

/// Events written `on YYYY-MM-DD` count from their day (as the dispatch counts them), so
/// a value is checked at every date within a year, not only at the end of it: a
/// retirement larger than what is installed, made good later in the year, was clamped to
/// zero in silence.
@Suite struct DatedEventTests {
    typealias Event = Trajectory.Event

    /// +0.3 GW in 2024, −0.8 GW on 1 March 2025, +0.5 GW on 1 July 2025: 2025 ends at 0,
    /// and passes through 0.3 (from 1 January), 0.3 − 0.8 = −0.5 (from 1 March) and
    /// −0.5 + 0.5 = 0 (from 1 July). 29 February counts from 1 March, day 59.
    @Test func valuesWithinAYearByHand() {
        let retire = Event(year: 2025, month: 3, day: 1, change: -0.8), build = Event(year: 2025, month: 7, day: 1, change: 0.5)
        let t = Trajectory(events: [Event(year: 2024, month: nil, day: nil, change: 0.3), retire, build])
        let values = t.valuesWithin(2025)
        #expect(values.map(\.events) == [[], [retire], [build]])
        expectClose(values[0].value, 0.3)
        expectClose(values[1].value, -0.5)
        #expect(values[2].value == 0 && t.value(in: 2025) == 0)
        #expect(t.valuesWithin(2024).map(\.events) == [[Event(year: 2024, month: nil, day: nil, change: 0.3)]])
        #expect(retire.dayOfYear == 59 && Event(year: 2024, month: 2, day: 29, change: 1).dayOfYear == 59 && build.dayOfYear == 181)
        #expect(Event(year: 2025, month: 1, day: 1, change: 1).dayOfYear == 0 && Event(year: 2025, month: 12, day: 31, change: 1).dayOfYear == 364)
    }

    func problems(_ capacity: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (Fixture, [String]) {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.scenario("technologies:\n  b: {kind: lfp, duration: 2 h, round_trip_efficiency: 85 %, capacity: \(capacity)}"))
        return (fixture, fixture.problems("s.yaml", sourceLocation: sourceLocation))
    }

    static let negative = "a power (kW, MW, GW, 万千瓦) that is not negative at every date (check its events)"

    /// The retirement that takes the capacity below zero is named at its own place, with
    /// the value and the dates it lasts between.
    @Test func aDatedRetirementBelowZeroIsRefused() throws {
        let (f, p) = try problems(#"["+0.3 GW in 2024", "-0.8 GW on 2025-03-01", "+0.5 GW on 2025-07-01"]"#)
        #expect(p == [f.message("s.yaml", 9, 92, "technologies.b.capacity[1]",
                                found: "\"-0.8 GW on 2025-03-01\", which takes it to -0.5 GW from 2025-03-01 until 2025-07-01", expected: Self.negative)])
        // An undated retirement counts from 1 January, before the dated addition.
        let (g, q) = try problems(#"["+0.3 GW in 2024", "-0.8 GW in 2025", "+0.5 GW on 2025-07-01"]"#)
        #expect(q == [g.message("s.yaml", 9, 92, "technologies.b.capacity[1]",
                                found: "\"-0.8 GW in 2025\", which takes it to -0.5 GW from the start of 2025 until 2025-07-01", expected: Self.negative)])
    }

    /// Built before it is retired, the same events load.
    @Test func anAdditionBeforeTheRetirementLoads() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.scenario(
            #"technologies:\#n  b: {kind: lfp, duration: 2 h, round_trip_efficiency: 85 %, capacity: ["+0.3 GW in 2024", "-0.8 GW on 2025-03-01", "+0.5 GW on 2025-02-01"]}"#))
        let capacity = try fixture.load("s.yaml").technologies[0].capacity
        #expect(capacity.valuesWithin(2025).map(\.value).allSatisfy { $0 >= 0 } && capacity.value(in: 2025) == 0)
    }
}
