import Accounting
import Testing
@testable import Reports

/// Terminal text: display widths and wrapping within the 100 columns of the run summary.
@Suite struct TextLayoutTests {
    /// A lever line of 109 columns (a missed curtailment target's) wraps at a space into
    /// lines of at most 100, the continuation indented under the text.
    @Test func leverLinesWrapWithinTheWidth() {
        let text = "first-order: curtailed wind, solar and run-of-river energy to absorb (storage, load or export): 4.7 GWh"
        let lines = TextLayout.wrap(text, width: 100, first: "    → ", rest: "      ")
        #expect(lines == ["    → first-order: curtailed wind, solar and run-of-river energy to absorb (storage, load or",
                          "      export): 4.7 GWh"])
        #expect(lines.allSatisfy { TextLayout.width($0) <= 100 })
        #expect(TextLayout.wrap("short: 1 GW", width: 100, first: "    → ", rest: "      ") == ["    → short: 1 GW"])
        // Wide characters count two columns: 万千瓦 is six.
        #expect(TextLayout.wrap("a 万千瓦 b", width: 9, first: "", rest: "") == ["a 万千瓦", "b"])
        #expect(TextLayout.wrap("a 万千瓦 b", width: 10, first: "", rest: "") == ["a 万千瓦 b"])
        // A number keeps its unit on its line ("0.0148" ended one line and "GW" began the next).
        #expect(TextLayout.wrap("misses (6 dispatches; 0.0148 GW more)", width: 28, first: "", rest: "")
            == ["misses (6 dispatches;", "0.0148 GW more)"])
    }

    /// A lever's amount keeps three decimals below 100, as the margin beside it does:
    /// 0.6292 亿立方米 was printed 0.6, 5 % off. It is rounded up, so that the number
    /// shown, applied, closes the target (0.0729 GW, rounded to nearest from 0.072923, left
    /// 1.001 GWh unserved against at most 1); a share reached (%) is rounded to nearest.
    @Test func leverAmounts() {
        #expect(TargetText.lever(Lever(text: "cut", amount: 0.6292, unit: "亿立方米")) == "cut: 0.63 亿立方米")
        #expect(TargetText.lever(Lever(text: "serve", amount: 0.664, unit: "GWh")) == "serve: 0.664 GWh")
        #expect(TargetText.lever(Lever(text: "cut", amount: 75_504.12, unit: "tce")) == "cut: 75504.2 tce")
        #expect(TargetText.lever(Lever(text: "add", amount: 0.665, unit: "GW")) == "add: 0.665 GW")
        #expect(TargetText.lever(Lever(text: "add", amount: 0.072923, unit: "GW")) == "add: 0.073 GW")
        #expect(TargetText.lever(Lever(text: "add", amount: 0.3 - 0.0498, unit: "GW")) == "add: 0.251 GW")
        #expect(TargetText.lever(Lever(text: "add", amount: 0.30000100000000003 - 0.3, unit: "GW")) == "add: 0.000001 GW")
        #expect(TargetText.lever(Lever(text: "reached", amount: 35.7319, unit: "%")) == "reached: 35.732 %")
        // 10⁻⁹ of a large amount is more than a step: 419 999 000 m³ was shown 419998999.6.
        #expect(TargetText.lever(Lever(text: "cut", amount: 419_999_000, unit: "m³")) == "cut: 419999000 m³")
        #expect(TargetText.lever(Lever(text: "cut", amount: 120_000_000, unit: "m³")) == "cut: 120000000 m³")
    }

    /// A cell wider than its column keeps a space before the next (an id of 30 characters
    /// ran into its year: `capacity_of_everything_under_the_sun_20302030`).
    @Test func wideCellsDoNotRunTogether() {
        #expect(TextLayout.columns(["capacity_of_everything_2030", "2030", "met"], [26, 6, 4]) == "capacity_of_everything_2030 2030  met ")
        #expect(TextLayout.columns(["id", "2030"], [4, 6]) == "id  2030  ")
        #expect(TextLayout.columns(["万千瓦万千瓦万千瓦万千瓦万千瓦", "x"], [30, 2]) == "万千瓦万千瓦万千瓦万千瓦万千瓦 x ")
    }

    /// A column one long cell needs is widened in every row, so the columns after it stay
    /// straight (a threshold with its tolerance pushed its own row's value, margin and
    /// status out of line with the rows above and below).
    @Test func columnsWidenForTheirLongestCell() {
        let rows = [["a", "≥ 330 ± 12.5 万千瓦", "met"], ["bb", "≥ 1", "missed"]]
        let widths = TextLayout.fitted([4, 8, 4], to: rows)
        #expect(widths == [4, 20, 7])
        let lines = rows.map { TextLayout.columns($0, widths) }
        #expect(lines == ["a   ≥ 330 ± 12.5 万千瓦 met    ", "bb  ≥ 1                 missed "])
        #expect(Set(lines.map(TextLayout.width)) == [31])
        #expect(TextLayout.fitted([4, 8], to: []) == [4, 8])
    }

    /// A name that fills its column goes on a line of its own, the row's other cells under
    /// their columns on the next, so a long target id does not push the row past 100
    /// columns; the other columns are fitted without it.
    @Test func longNamesTakeALineOfTheirOwn() {
        let rows = [["short", "2030", "met"], ["a_target_id_longer_than_its_column", "2030", "MISSED"]]
        let widths = TextLayout.fitted([8, 6, 4], to: rows)
        #expect(widths == [8, 6, 7])
        #expect(TextLayout.row(rows[0], widths) == ["short   2030  met    "])
        #expect(TextLayout.row(rows[1], widths) == ["a_target_id_longer_than_its_column", "        2030  MISSED "])
    }

    /// A threshold the scenario wrote keeps its digits when three decimals would show 0.
    @Test func smallThresholdsAreNotRoundedAway() {
        #expect(TargetText.written(0.000001) == "0.000001")
        #expect(TargetText.written(0.0001) == "0.0001")
        #expect(TargetText.written(0.00049) == "0.00049")
        #expect(TargetText.written(330) == "330")
        #expect(TargetText.written(0.115) == "0.115")
        #expect(TargetText.written(0) == "0")
        // Ten significant digits and more are kept (they were cut to nine).
        #expect(TargetText.written(375.0000001) == "375.0000001")
        #expect(TargetText.written(1.234567891) == "1.234567891")
        #expect(TargetText.written(374.9999999 * 1e4 / 1e4) == "374.9999999")
    }

    /// A threshold reads as it was written, whatever its decimals (0.0026 TW read 0.003 TW),
    /// through the rounding of its unit's conversion; a value or margin keeps three
    /// significant digits below 0.1 (0.00271 TW read 0.003 TW) and three decimals above.
    @Test func thresholdsReadAsWrittenAndValuesKeepTheirDigits() {
        #expect(TargetText.written(2.6 / 1000) == "0.0026")
        #expect(TargetText.written(0.1234567) == "0.1234567")
        #expect(TargetText.written(1234.5678) == "1234.5678")
        #expect(TargetText.written(-0.0026) == "-0.0026")
        #expect(TargetText.counted(2.71 / 1000) == "0.00271")
        #expect(TargetText.counted(0.00011000000000000003) == "0.00011")
        #expect(TargetText.counted(-0.000001) == "-0.000001")
        // Small numbers written out, as the scenario writes them, never as 5e-05.
        #expect(TargetText.written(0.00005) == "0.00005" && TargetText.written(0.00000123) == "0.00000123")
        #expect(TargetText.counted(0.00003) == "0.00003" && TargetText.counted(-0.0000123456) == "-0.0000123")
        #expect(TargetText.counted(1e-20) == "1e-20", "beyond 17 decimals, the exponent form")
        #expect(TargetText.counted(44.3123) == "44.312")
        #expect(TargetText.counted(0.5) == "0.5")
        #expect(TargetText.counted(0) == "0")
    }

    /// The sweep table's list of targets met: items joined by commas, continued under
    /// where the list starts, each broken line ending with its comma within 100 columns.
    @Test func listsWrapAfterTheirCommas() {
        let row = String(repeating: "x", count: 40) + "  ", indent = String(repeating: " ", count: 42)
        let items = ["non_fossil_share_2030 100 %", "pumped_storage_2030 100 %", "new_energy_2030 0 %", "additions_2021_2030 0 %"]
        let lines = TextLayout.wrap(items, separator: ", ", width: 100, first: row, rest: indent)
        #expect(lines == [row + "non_fossil_share_2030 100 %, pumped_storage_2030 100 %,", indent + "new_energy_2030 0 %, additions_2021_2030 0 %"])
        #expect(lines.allSatisfy { TextLayout.width($0) <= 100 })
        #expect(TextLayout.wrap([], separator: ", ", width: 100, first: "row ", rest: "") == ["row "])
        #expect(TextLayout.wrap(["a 1 %", "b 2 %"], separator: ", ", width: 100, first: "row ", rest: "") == ["row a 1 %, b 2 %"])
        // The comma that ends a broken line counts: `a, bc,` fills 6 columns, so `d` starts the next.
        #expect(TextLayout.wrap(["a", "b"], separator: ", ", width: 6, first: "", rest: "") == ["a, b"])
        #expect(TextLayout.wrap(["a", "bc", "d"], separator: ", ", width: 6, first: "", rest: "") == ["a, bc,", "d"])
    }
}
