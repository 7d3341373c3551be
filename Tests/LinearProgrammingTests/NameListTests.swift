import Testing
@testable import LinearProgramming

/// `NameList` spells numbered runs only when asked, and must read, change and compare
/// exactly as the list of strings it stands for.
@Suite struct NameListTests {
    /// Listed names, numbered runs (one starting past 0, as a storage level's rows do)
    /// and a single name, in that order.
    static func mixed() -> NameList {
        var names = NameList(["objective_row"])
        names.append(prefix: "balance", numbers: 0..<3)
        names.append(prefix: "soc", numbers: 1..<3)
        names.append("coalcap")
        return names
    }

    static let spelled = ["objective_row", "balance_0", "balance_1", "balance_2", "soc_1", "soc_2", "coalcap"]

    @Test func readsAsTheStringsItStandsFor() {
        let names = Self.mixed()
        #expect(names.count == 7)
        #expect(Array(names) == Self.spelled)
        #expect(names == NameList(Self.spelled))
        #expect(names != NameList(Array(Self.spelled.dropLast()) + ["coalcap2"]))
    }

    @Test func settingANameInsideARunKeepsTheOthers() {
        var names = Self.mixed()
        names[2] = "renamed"
        names[5] = "last_of_soc"
        names[0] = "first"
        var expected = Self.spelled
        (expected[2], expected[5], expected[0]) = ("renamed", "last_of_soc", "first")
        #expect(Array(names) == expected)
        names.append(prefix: "ramp", numbers: 0..<2)
        #expect(Array(names.suffix(3)) == ["coalcap", "ramp_0", "ramp_1"])
    }

    @Test func emptyRunsAddNothing() {
        var names = NameList()
        names.append(prefix: "none", numbers: 4..<4)
        #expect(names.isEmpty)
        names.append("only")
        #expect(Array(names) == ["only"])
    }
}
