import Testing
@testable import Sweeps

/// Which axes `IdleAxis` finds, on rows made by hand.
@Suite struct IdleAxisTests {
    static func row(_ values: [String], seed: UInt64 = 1, cost: Double, status: String = "met") -> PointTable.Row {
        PointTable.Row(point: 0, seed: seed, values: values, year: 2030, metrics: [0.3, cost], statuses: [status])
    }

    /// Axis 2's values give the same figures wherever axis 1 and the seed are the same;
    /// axis 1's do not.
    @Test func anAxisWithTheSameFiguresIsIdle() {
        let rows = [Self.row(["1GW", "a"], cost: 10), Self.row(["1GW", "b"], cost: 10),
                    Self.row(["2GW", "a"], cost: 12), Self.row(["2GW", "b"], cost: 12),
                    Self.row(["1GW", "a"], seed: 2, cost: 11), Self.row(["1GW", "b"], seed: 2, cost: 11)]
        #expect(IdleAxis.find(rows, axes: 2) == [1])
    }

    /// One point that differs — in a figure or in a target's status — is enough.
    @Test func oneDifferenceMakesAnAxisCount() {
        let figures = [Self.row(["1GW", "a"], cost: 10), Self.row(["1GW", "b"], cost: 10),
                       Self.row(["2GW", "a"], cost: 12), Self.row(["2GW", "b"], cost: 12.000000001)]
        #expect(IdleAxis.find(figures, axes: 2) == [])
        #expect(IdleAxis.find([Self.row(["1GW", "a"], cost: 10), Self.row(["1GW", "b"], cost: 10)], axes: 2) == [1])
        #expect(IdleAxis.find([Self.row(["1GW", "a"], cost: 10), Self.row(["1GW", "b"], cost: 10, status: "missed")], axes: 2) == [])
    }

    /// An axis whose values are never compared at the same other values and seed (a
    /// shard holding one of them) is not called idle.
    @Test func anAxisNeverComparedIsNotIdle() {
        let rows = [Self.row(["1GW", "a"], cost: 10), Self.row(["2GW", "b"], cost: 10)]
        #expect(IdleAxis.find(rows, axes: 2) == [])
    }
}
