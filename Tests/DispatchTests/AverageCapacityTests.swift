import Testing
@testable import EconomicDispatch

/// A technology's capacity averaged over the year's hours (`TechnologyYear.mean`): the
/// capacity itself when nothing is commissioned or retired on a date, where summing 8 760
/// equal values gave 1.3199999999998375 for 1.32 GW in annual.csv.
@Suite struct AverageCapacityTests {
    @Test func constantCapacityAveragesToItselfExactly() {
        for capacity in [1.32, 2.71, 0.55, 0.1 + 0.2, 0] {
            #expect(TechnologyYear.mean(Array(repeating: capacity, count: 8760)) == capacity)
            #expect(TechnologyYear.mean(Array(repeating: capacity, count: 8784)) == capacity, "a leap year")
        }
        #expect(TechnologyYear.mean([]) == 0)
    }

    /// 1 GW for the first quarter of the hours, 3 GW after: 0.25 · 1 + 0.75 · 3 = 2.5 GW;
    /// a retirement back to 1 GW for the last quarter: 0.25 + 1.5 + 0.25 = 2 GW.
    @Test func datedChangesAreWeightedByTheirHours() {
        let quarter = 8760 / 4
        #expect(TechnologyYear.mean(Array(repeating: 1, count: quarter) + Array(repeating: 3, count: 3 * quarter)) == 2.5)
        #expect(TechnologyYear.mean(Array(repeating: 1, count: quarter) + Array(repeating: 3, count: 2 * quarter) + Array(repeating: 1, count: quarter)) == 2)
    }
}
