import Testing
@testable import EnergyModel

/// minimum ≤ initial ≤ maximum, for a store's state of charge and a reservoir's level:
/// the problem is shown at a key that was written and is out of order (never at one left
/// at its default, which has no line), and the defaults are marked as such.
@Suite struct LevelOrderTests {
    func problems(_ technology: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (Fixture, [String]) {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.scenario("technologies:\n" + technology))
        return (fixture, fixture.problems("s.yaml", sourceLocation: sourceLocation))
    }

    static let battery = """
          b:
            kind: lfp
            capacity: 1 GW
            duration: 2 h
            round_trip_efficiency: 85 %

        """

    static let reservoir = """
          r:
            kind: reservoir_hydro
            capacity: 30 MW
            inflow_energy: 113 GWh
            reservoir_energy: 5 GWh

        """

    /// One order problem: the keys written after the unit's own, and the line, column,
    /// key and values of the message.
    struct Case: Sendable, CustomStringConvertible {
        var unit: String, keys: String, line: Int, column: Int, key: String, found: String
        var description: String { keys }
    }

    static let cases = [
        Case(unit: battery, keys: "    minimum_soc: 60 %\n    initial_soc: 50 %", line: 14, column: 18, key: "technologies.b.minimum_soc",
             found: "minimum 60 %, initial 50 %, maximum 100 % (the default)"),
        // Only maximum_soc is written, below the default initial 50 %: it is the key named,
        // at its own line (the minimum, not written, was named at the capacity's line).
        Case(unit: battery, keys: "    maximum_soc: 40 %", line: 14, column: 18, key: "technologies.b.maximum_soc",
             found: "minimum 0 % (the default), initial 50 % (the default), maximum 40 %"),
        Case(unit: reservoir, keys: "    minimum_level: 80 %\n    maximum_level: 60 %\n    initial_level: 70 %", line: 14, column: 20,
             key: "technologies.r.minimum_level", found: "minimum 80 %, initial 70 %, maximum 60 %"),
        // Initial above maximum, both written, the minimum left out: the maximum is named.
        Case(unit: reservoir, keys: "    initial_level: 60 %\n    maximum_level: 40 %", line: 15, column: 20, key: "technologies.r.maximum_level",
             found: "minimum 0 % (the default), initial 60 %, maximum 40 %"),
    ]

    @Test(arguments: cases) func outOfOrderIsShownAtAWrittenKey(_ c: Case) throws {
        let (f, p) = try problems(c.unit + c.keys)
        let order = c.unit == Self.battery ? "minimum_soc ≤ initial_soc ≤ maximum_soc" : "minimum_level ≤ initial_level ≤ maximum_level"
        #expect(p == [f.message("s.yaml", c.line, c.column, c.key, found: c.found, expected: order)])
    }

    /// A window in order loads, its values as written.
    @Test func levelsInOrderLoad() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.scenario("technologies:\n" + Self.battery + "    minimum_soc: 10 %\n    initial_soc: 10 %\n    maximum_soc: 90 %"))
        guard case let .storage(storage) = try fixture.load("s.yaml").technologies[0].parameters else {
            Issue.record("not storage")
            return
        }
        expectClose(storage.minimumStateOfCharge, 0.1)
        expectClose(storage.initialStateOfCharge, 0.1)
        expectClose(storage.maximumStateOfCharge, 0.9)
    }
}
