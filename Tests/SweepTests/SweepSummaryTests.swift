import Testing
@testable import Sweeps

/// The sweep's terminal table stays within 100 columns: a row's list of targets met
/// continues on lines indented to where the list starts.
@Suite struct SweepSummaryTests {
    @Test func targetListsWrapUnderTheirColumn() {
        let row = String(repeating: "x", count: 40) + "  "
        let items = ["non_fossil_share_2030 100 %", "pumped_storage_2030 100 %", "new_energy_2030 0 %", "additions_2021_2030 0 %"]
        let lines = SweepSummary.listed(items, after: row)
        #expect(lines == [row + "non_fossil_share_2030 100 %, pumped_storage_2030 100 %,",
                          String(repeating: " ", count: 42) + "new_energy_2030 0 %, additions_2021_2030 0 %"])
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(lines.joined(separator: " ").split(separator: " ").filter { $0.hasSuffix("%") || $0.hasSuffix("%,") }.count == 4)
        #expect(SweepSummary.listed([], after: "row ") == ["row "])
        #expect(SweepSummary.listed(["a 1 %", "b 2 %"], after: "row ") == ["row a 1 %, b 2 %"])
    }
}
