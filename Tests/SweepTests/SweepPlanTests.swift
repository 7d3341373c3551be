import Foundation
import Reports
import Testing
@testable import EnergyModel
@testable import Sweeps

/// Axes, ranges, point numbering and overrides.
@Suite struct SweepPlanTests {
    @Test func rangesExpandInTheFirstValuesUnit() throws {
        let axis = try SweepAxis.parse("technologies.lfp.capacity=0.5GW...2GW:0.25GW,3 GW").get()
        #expect(axis.path == "technologies.lfp.capacity")
        #expect(axis.values == ["0.5 GW", "0.75 GW", "1 GW", "1.25 GW", "1.5 GW", "1.75 GW", "2 GW", "3 GW"])
        #expect(try SweepAxis.parse("x=500MW...1GW:250MW").get().values == ["500 MW", "750 MW", "1000 MW"])
        #expect(try SweepAxis.parse("x=0h...4h:2h").get().values == ["0 h", "2 h", "4 h"])
        // A key without a unit (weather.hydro.flood_factor, a month) takes bare numbers;
        // a range over them was refused as "a number with its unit".
        #expect(try SweepAxis.parse("x=1...2:0.5").get().values == ["1", "1.5", "2"])
        #expect(try SweepAxis.parse("x=0.1...0.3:0.1").get().values == ["0.1", "0.2", "0.3"])
        #expect(try SweepAxis.parse("x=3...5:1").get().values == ["3", "4", "5"])
    }

    @Test func badAxesAreNamed() {
        #expect(throws: SweepError.self) { try SweepAxis.parse("novalue").get() }
        #expect(throws: SweepError.self) { try SweepAxis.parse("x=2GW...1GW:0.5GW").get() }
        #expect(throws: SweepError.self) { try SweepAxis.parse("x=1GW...2h:1GW").get() }
        #expect(throws: SweepError.self) { try SweepAxis.parse("x=1GW...2GW").get() }
        #expect(throws: SweepError.self) { try SweepAxis.parse("x=1...2GW:1GW").get() }
        #expect(throws: SweepError.self) { try SweepAxis.parse("x=2...1:0.5").get() }
    }

    /// A repeated value or seed would be counted as one more point of the summary.
    @Test func repeatedValuesAndSeedsAreRefused() throws {
        #expect(throws: SweepError.self) { try SweepAxis.parse("x=1GW,1 GW").get() }
        #expect(throws: SweepError.self) { try SweepAxis.parse("x=500MW...1GW:250MW,1GW").get() }
        #expect(throws: SweepError.self) { try SweepAxis.parse("x=a,a").get() }
        #expect(try SweepAxis.parse("x=a,b,1GW,1 GWh").get().values == ["a", "b", "1GW", "1 GWh"])
        #expect(throws: SweepError.self) { try SweepFile.seeds("1,2,1") }
        #expect(try SweepFile.seeds("3,1,2") == [3, 1, 2])
        #expect(try SweepFile.seeds("1...3") == [1, 2, 3])
    }

    /// Bare numbers are the same value however written: `1...2:0.5,2.0` ran 2 twice.
    @Test func repeatedBareNumbersAreFoundByValue() throws {
        for text in ["x=1...2:0.5,2.0", "x=2,2.0", "x=2,+2", "x=3,03", "x=2,2.00"] {
            #expect(throws: SweepError.self) { try SweepAxis.parse(text).get() }
        }
        #expect(SweepAxis.firstRepeated(["1", "1.5", "2", "2.0"]) == "2.0")
        #expect(try SweepAxis.parse("x=2,2.5,3").get().values == ["2", "2.5", "3"])
    }

    /// A range ends on B: `0.1GW...0.35GW:0.1GW` ran 0.1, 0.2 and 0.3 GW without a word.
    @Test func aRangeMustEndOnItsB() throws {
        guard case let .failure(error) = SweepAxis.parse("x=0.1GW...0.35GW:0.1GW") else { Issue.record("accepted"); return }
        #expect(error.message.hasSuffix("B is not a whole number of steps from A; end it at 0.3 GW or 0.4 GW"), "\(error.message)")
        #expect(throws: SweepError.self) { try SweepAxis.parse("x=1...2.2:0.5").get() }
        #expect(try SweepAxis.parse("x=0.1GW...2GW:0.1GW").get().values.count == 20)
        #expect(try SweepAxis.parse("x=0...1:0.1").get().values == ["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"])
        // Beside 10¹¹ steps of A's size, A's own rounding outweighs 10⁻⁶ of a step.
        #expect(try SweepAxis.parse("x=123456789.001...123456789.009:0.001").get().values.count == 9)
        #expect(try SweepAxis.parse("x=17000000000.5kWh...17000000001.5kWh:0.1kWh").get().values.count == 11)
    }

    /// Values are written to 9 decimals of A's unit; a finer step was rounded into values
    /// never asked for (2e-09 GW for 1.5e-09 GW) or into false repeats.
    @Test func aStepTooFineForNineDecimalsIsRefused() throws {
        for text in ["x=0.0000000015GW...0.0000000055GW:0.000000002GW", "x=0.0000000001GW...0.0000000003GW:0.0000000001GW"] {
            guard case let .failure(error) = SweepAxis.parse(text) else { Issue.record("accepted \(text)"); continue }
            #expect(error.message.hasSuffix("its values need more than 9 decimals in A's unit; write A, B and STEP in a smaller unit"), "\(error.message)")
        }
        #expect(try SweepAxis.parse("x=1.5W...5.5W:2W").get().values == ["1.5 W", "3.5 W", "5.5 W"])
    }

    /// The product of the axes and seeds is limited: 10²⁰ points overflowed the count
    /// (a crash) and 10¹¹ ran out of memory listing them.
    @Test func gridsOfMoreThanTenMillionPointsAreRefused() throws {
        let thousand = SweepAxis(path: "a", values: (1...1000).map(String.init))
        let huge = SweepPlan(scenarioPath: "s.yaml", axes: Array(repeating: thousand, count: 5), seeds: Array(1...100_000), years: .each([2030]))
        do {
            try huge.checkSize()
            Issue.record("accepted")
        } catch {
            #expect(error.isUsage)
            #expect(error.message.hasPrefix("the grid has more than 9.2e18 points (1000 values of a × 1000 values of a × "))
        }
        let large = SweepPlan(scenarioPath: "s.yaml", axes: [thousand], seeds: Array(1...10_001), years: .each([2030]))
        #expect(throws: SweepError.self) { try large.checkSize() }
        let limit = SweepPlan(scenarioPath: "s.yaml", axes: [thousand], seeds: Array(1...10_000), years: .each([2030]))
        try limit.checkSize()
        // A sweep.json edited to such a grid is refused where it is read (a merge overflowed counting it).
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SweepManifest(plan: huge, fingerprint: "f", targets: [], shard: nil).data().write(to: URL(fileURLWithPath: folder + "/sweep.json"))
        #expect(throws: SweepError.self) { try SweepManifest.read(folder: folder) }
    }

    /// A list of seeds has the limit of a range (100 000), and a message names a long list
    /// by its start; a refusal of another sweep's folder writes seeds in runs (it printed
    /// 589 kB for 1...100000).
    @Test func longSeedListsAreLimitedAndShortened() throws {
        let list = (0...100_000).map(String.init).joined(separator: ",")
        do {
            _ = try SweepFile.seeds(list)
            Issue.record("accepted")
        } catch let error as SweepError {
            #expect(error.message == "--seeds 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,2…: 100001 seeds, expected at most 100 000")
        }
        #expect(SweepManifest.runs(Array(1...100_000)) == "1...100000")
        #expect(SweepManifest.runs([1, 2, 4, 5, 6, 9, UInt64.max - 1, UInt64.max]) == "1,2,4...6,9,18446744073709551614,18446744073709551615")
        #expect(SweepManifest.runs([]) == "")
    }

    /// A sign or a doubled separator is refused: `-1...1` ran seed 1 alone, `1...-3` and
    /// `1--3` seeds 1 to 3, and `2020...-2021` the years 2020–2021, each without a word.
    @Test(arguments: ["-1...1", "1...-3", "1--3", "1,,2", "1,2,", ",1", "1-", "-"])
    func malformedSeedsAreRefused(_ text: String) {
        #expect(throws: SweepError.self) { try SweepFile.seeds(text) }
    }

    @Test(arguments: ["2020...-2021", "-2020...2021", "2020--2021", "2020,,2021", "2020,", "2021-"])
    func malformedYearsAreRefused(_ text: String) throws {
        #expect(throws: SweepError.self) { try SweepFile.years(text) }
        #expect(try SweepFile.years(" 2020 ... 2021 ") == .range(2020...2021))
        #expect(try SweepFile.years("2020, 2030") == .each([2020, 2030]))
    }

    /// A list and a range together is named as such, not as a range out of order.
    @Test func yearsMixingAListAndARangeAreNamed() {
        do {
            _ = try SweepFile.years("2020,2020...2021")
            Issue.record("accepted")
        } catch let error as SweepError {
            #expect(error.message == "--years 2020,2020...2021: expected Y, Y1,Y2 (each year a projection of its own) or A...B (one projection), not both")
        } catch {
            Issue.record("\(error)")
        }
    }

    /// A point's seed replaces the scenario's weather seed, so an axis over it would run
    /// one projection under several names (it was accepted, and changed nothing).
    @Test func weatherSeedIsNotAnAxis() {
        #expect(Self.failure("weather.seed=1,2") == "--set weather.seed: the weather seed is not an axis: each point's seed replaces the scenario's; give the seeds with --seeds (in a sweep file, seeds:)")
    }

    /// An empty item was dropped without a word: `1GW,,2GW` gave two values.
    @Test func emptyItemsAreRefused() {
        #expect(Self.failure("x=1GW,,2GW") == "--set x: item 2 of 3 is empty (two commas together, or one at an end)")
        #expect(Self.failure("x=1GW,2GW,") == "--set x: item 3 of 3 is empty (two commas together, or one at an end)")
        #expect(Self.failure("x= ") == "--set x: no values after =")
    }

    /// A line break split the value's row of points.csv, which the sweep then refused as
    /// damaged at its end (for good); any control character would reach the HTML report.
    @Test func controlCharactersAreRefused() {
        #expect(Self.failure("description=first\nsecond") == "--set description: item 1 of 1 holds the control character \\n, expected a value on one line of printable text")
        #expect(Self.failure("x=1GW,2\u{7F}GW") == "--set x: item 2 of 2 holds the control character \\u{7F}, expected a value on one line of printable text")
    }

    /// Commas and quotes are found scalar by scalar: a comma before a combining mark is one
    /// Character, so `plain,́x` was one value and a value starting with U+0301 was written
    /// bare and read back as no field of its own.
    @Test func commasBeforeCombiningMarksSeparate() throws {
        #expect(try SweepAxis.parse("name=plain,\u{301}x").get().values == ["plain", "\u{301}x"])
        let values = ["\u{301}x", "a,\u{301}b", "x\u{600}", "say \"hi\""]
        #expect(CSVField.fields(values.map(CSVField.quoted).joined(separator: ",")) == values)
    }

    /// The finest tolerance is accepted as written (1e-8 MW was refused by rounding), and the
    /// default is no finer than it.
    @Test func theFinestToleranceIsAccepted() throws {
        let search = try SweepSearch(key: "k", between: "188.7346 MW...188.7347 MW", tolerance: "1e-8 MW", target: "t", probability: 1)
        #expect(search.written(search.tolerance) == "1e-08 MW")
        let narrow = try SweepSearch(key: "k", between: "188.734667908 MW...188.73466792 MW", tolerance: nil, target: "t", probability: 1)
        #expect(narrow.written(narrow.tolerance) == "1e-08 MW")
    }

    /// An empty key in a path was dropped when the path was laid over the scenario:
    /// `technologies..lfp_bases.capacity` and `technologies.lfp_bases.capacity.` both set
    /// `technologies.lfp_bases.capacity`, under names points.csv kept as written.
    @Test func keyPathsWithAnEmptyKeyAreRefused() throws {
        #expect(Self.failure("technologies..lfp_bases.capacity=1GW")
            == "--set technologies..lfp_bases.capacity: key 2 of 4 is empty (two dots together); expected the scenario's keys joined by single dots")
        #expect(Self.failure("technologies.lfp_bases.=1GW")
            == "--set technologies.lfp_bases.: key 3 of 3 is empty (a dot at its end); expected the scenario's keys joined by single dots")
        #expect(Self.failure(".technologies.lfp_bases.capacity=1GW")
            == "--set .technologies.lfp_bases.capacity: key 1 of 4 is empty (a dot at its start); expected the scenario's keys joined by single dots")
        let root = try ScenarioSource.load(path: Self.shaoyang)
        for path in ["technologies..lfp_bases.capacity", "technologies.lfp_bases.capacity."] {
            #expect(throws: ScenarioError.self, "\(path)") {
                try ScenarioLoader.decode(root, overriddenBy: [ScenarioOverride(path: path, value: "2 GW")], file: Self.shaoyang)
            }
        }
    }

    /// Keys overlap when one is the other or lies inside it at a dot, not when one only
    /// begins with the other's text.
    @Test func overlappingKeysAreFoundAtADot() {
        #expect(SweepAxis.overlaps("technologies.wind.capacity", "technologies.wind.capacity.2030"))
        #expect(SweepAxis.overlaps("technologies.wind.capacity.2030", "technologies.wind"))
        #expect(SweepAxis.overlaps("demand.peak", "demand.peak"))
        #expect(!SweepAxis.overlaps("technologies.wind.capacity", "technologies.wind.capacity_factor"))
        #expect(!SweepAxis.overlaps("technologies.wind", "technologies.wind_2"))
    }

    /// At most 10 000 values, as the message says: 0...9 999 GW by 1 GW is the longest range
    /// (10 001 values were accepted). A repeat at the end of the longest axis is still found.
    @Test func rangesGiveAtMostTenThousandValues() throws {
        let longest = try SweepAxis.parse("x=0GW...9999GW:1GW").get()
        #expect(longest.values.count == 10_000)
        #expect(longest.values.last == "9999 GW")
        #expect(throws: SweepError.self) { try SweepAxis.parse("x=0GW...10000GW:1GW").get() }
        #expect(throws: SweepError.self) { try SweepAxis.parse("x=1GW...2GW:0.0001GW").get() }
        #expect(SweepAxis.firstRepeated(longest.values + ["10000 GW"]) == nil)
        #expect(SweepAxis.firstRepeated(longest.values + ["9998000 MW"]) == "9998000 MW")
        // A whole number beyond what Int holds trapped in the conversion (exit 132).
        #expect(try SweepAxis.parse("x=1e19GW...1e19GW:1GW").get().values == ["1e+19 GW"])
        #expect(SweepAxis.clean(4_503_599_627_370_496) == "4503599627370496")
        // × 10⁹ overflowed: 1e300 was written "inf".
        #expect(SweepAxis.clean(1e300) == "1e+300")
    }

    /// Target ids may hold a comma or a quote (validation allows them): the header quotes
    /// them, so it has as many fields as every row.
    @Test func headerQuotesTargetIds() {
        let plan = SweepPlan(scenarioPath: "s.yaml", axes: [SweepAxis(path: "a", values: ["1"])], seeds: [1], years: .each([2030]))
        let manifest = SweepManifest(plan: plan, fingerprint: "f", targets: ["plain", "wind, 2022 \"x\""], shard: nil)
        let header = PointTable.header(manifest)
        #expect(header.hasSuffix(",target.plain,\"target.wind, 2022 \"\"x\"\"\""), "\(header)")
    }

    /// The terminal summary keeps within 100 columns: with two axes of wide values, the
    /// first target after a 77-column row ran to 105; it now goes under the row.
    @Test func summaryRowsKeepWithinOneHundredColumns() {
        let plan = SweepPlan(scenarioPath: "s.yaml", axes: [SweepAxis(path: "a", values: ["1%/h", "100%/h"]), SweepAxis(path: "b", values: ["95%"])],
                             seeds: [1], years: .each([2030]))
        let targets = ["non_fossil_share_2030", "unserved_energy_2030_and_more"]
        let manifest = SweepManifest(plan: plan, fingerprint: "f", targets: targets, shard: nil)
        let groups = ["1%/h", "100%/h"].map { value in
            SweepSummary.Group(values: [value, "95%"], year: 2030, seeds: 1,
                               metrics: [(0.4046, 0.4046, 0.4046), (0, 0, 0), (0, 0, 0)], meeting: [1, 0.5])
        }
        let lines = SweepSummary.text(groups, manifest: manifest, targetYears: Dictionary(uniqueKeysWithValues: targets.map { ($0, 2030) }))
            .split(separator: "\n")
        #expect(lines.allSatisfy { TextLayout.width(String($0)) <= 100 }, "\(lines)")
        #expect(lines.contains { $0 == "    meets: non_fossil_share_2030 100 %, unserved_energy_2030_and_more 50 %" }, "\(lines)")
    }

    @Test func pointsRunInGridOrderWithTheSeedFastest() {
        let plan = SweepPlan(scenarioPath: "s.yaml", axes: [SweepAxis(path: "a", values: ["1", "2", "3"]), SweepAxis(path: "b", values: ["x", "y"])],
                             seeds: [7, 8], years: .each([2030]))
        #expect(plan.count == 12)
        #expect(plan.point(0) == SweepPoint(index: 0, values: ["1", "x"], seed: 7))
        #expect(plan.point(1) == SweepPoint(index: 1, values: ["1", "x"], seed: 8))
        #expect(plan.point(2) == SweepPoint(index: 2, values: ["1", "y"], seed: 7))
        #expect(plan.point(11) == SweepPoint(index: 11, values: ["3", "y"], seed: 8))
        #expect(Set((0..<12).map { plan.point($0) }).count == 12)
    }

    @Test func overridesAreDecodedLikeTheFile() throws {
        let root = try ScenarioSource.load(path: Self.shaoyang)
        let scenario = try ScenarioLoader.decode(root, overriddenBy: [ScenarioOverride(path: "technologies.lfp_bases.capacity", value: "2 GW")], file: Self.shaoyang)
        #expect(scenario.technology(id: "lfp_bases")?.capacity.value(in: 2020) == 2)
        #expect(scenario.technology(id: "lfp_bases")?.capacity.value(in: 2030) == 2)
        #expect(throws: ScenarioError.self) {
            try ScenarioLoader.decode(root, overriddenBy: [ScenarioOverride(path: "technologies.lfp_bases.capacity", value: "2")], file: Self.shaoyang)
        }
        do {
            _ = try ScenarioLoader.decode(root, overriddenBy: [ScenarioOverride(path: "technologies.lfp_base.capacity", value: "2 GW")], file: Self.shaoyang)
            Issue.record("a misspelt id was accepted")
        } catch {
            #expect(error.description.contains("did you mean \"lfp_bases\""), "\(error.description)")
            #expect(error.description.hasPrefix("--set technologies.lfp_base.capacity=2 GW: error:"))
        }
    }

    /// A value a sweep file wrote is reported at its line there, named as the file names
    /// it; a `--set` value is still named as the option.
    @Test func fileValuesAreReportedWhereTheFileWroteThem() throws {
        let root = try ScenarioSource.load(path: Self.shaoyang)
        let origin = ScenarioOverride.Origin(location: SourceLocation(file: "c.yaml", line: 3, column: 45), mapping: "set")
        let axis = SweepAxis(path: "technologies.lfp_bases.capacity", values: ["1 GW", "abc"], origins: [origin, origin])
        let plan = SweepPlan(scenarioPath: Self.shaoyang, axes: [axis], seeds: [1], years: .each([2030]))
        #expect(plan.overrides(plan.point(1)) == [ScenarioOverride(path: axis.path, value: "abc", origin: origin)])
        do {
            try plan.checkValues(root: root)
            Issue.record("abc was accepted as a power")
        } catch {
            #expect("\(error.error)".hasPrefix("c.yaml:3:45: error: set: technologies.lfp_bases.capacity: found \"abc\", expected a power"), "\(error.error)")
        }
    }

    /// A fingerprint is stored in sweep.json and compared by later runs and other versions:
    /// pinned here, so that a change of the hash, the text hashed or a series' identity,
    /// which would orphan every sweep folder, shows. A series counts by its file's name,
    /// not the path it was reached by (a shard started from another folder).
    @Test func fingerprintsArePinned() throws {
        let root = try ScenarioSource.parse("name: pinned\nyears: {base: 2020, end: 2030}\n", file: "x.yaml")
        let plan = SweepPlan(scenarioPath: "x.yaml", axes: [SweepAxis(path: "a.b", values: ["1 GW", "2 GW"])], seeds: [1, 2], years: .each([2030]))
        let load = HourlySeries(file: "/one/folder/load.csv", column: "mw", values: (0..<8760).map { Double($0 % 24) })
        var moved = load
        moved.file = "../elsewhere/load.csv"
        #expect(plan.fingerprint(scenario: root) == "fdf56fed857b9c55")
        #expect(plan.fingerprint(scenario: root, series: [load]) == "b40ccfabfc4a5fc9")
        #expect(plan.fingerprint(scenario: root, series: [moved]) == plan.fingerprint(scenario: root, series: [load]))
    }

    @Test func fingerprintChangesWithTheGridAndTheScenario() throws {
        let root = try ScenarioSource.load(path: Self.shaoyang)
        let plan = SweepPlan(scenarioPath: Self.shaoyang, axes: [SweepAxis(path: "a", values: ["1"])], seeds: [1], years: .each([2030]))
        var other = plan
        other.seeds = [2]
        #expect(plan.fingerprint(scenario: root) != other.fingerprint(scenario: root))
        let changed = try ScenarioSource.parse("name: other\n", file: "x.yaml")
        #expect(plan.fingerprint(scenario: root) != plan.fingerprint(scenario: changed))
        // The values of a CSV series count, not only its file's name: one hour edited
        // changes the fingerprint, so a resumed sweep does not mix two loads.
        let load = HourlySeries(file: "load.csv", column: nil, values: [Double](repeating: 1, count: 8760))
        var edited = load
        edited.values[4000] = 1.0000001
        #expect(plan.fingerprint(scenario: root, series: [load]) != plan.fingerprint(scenario: root, series: [edited]))
        #expect(plan.fingerprint(scenario: root, series: [load]) != plan.fingerprint(scenario: root))
        // One value with a comma (a sweep file's list item) is not the two values it joins.
        var joined = plan, split = plan
        joined.axes = [SweepAxis(path: "a", values: ["x,y"])]
        split.axes = [SweepAxis(path: "a", values: ["x", "y"])]
        #expect(joined.fingerprint(scenario: root) != split.fingerprint(scenario: root))
    }

    /// Only axes that size storage let points share profiles (no series depends on storage).
    @Test func onlyStorageAxesShareProfiles() throws {
        let scenario = try ScenarioLoader.load(path: Self.shaoyang)
        func plan(_ paths: String...) -> SweepPlan {
            SweepPlan(scenarioPath: Self.shaoyang, axes: paths.map { SweepAxis(path: $0, values: ["1 GW"]) }, seeds: [1, 2], years: .each([2030]))
        }
        #expect(plan("technologies.lfp_bases.capacity", "technologies.xinshao_pumped.duration").sharesProfiles(scenario))
        #expect(!plan("technologies.lfp_bases.capacity", "technologies.wind.capacity").sharesProfiles(scenario))
        #expect(!plan("technologies.lfp_bases.kind").sharesProfiles(scenario))
        #expect(!plan("demand.peak").sharesProfiles(scenario))
        let root = try ScenarioSource.load(path: Self.shaoyang)
        #expect(plan("technologies.lfp_bases.capacity").profileCache(root: root) != nil)
        #expect(plan("technologies.wind.capacity").profileCache(root: root) == nil)
    }

    /// The message of `--set text`'s failure, nil when it parses.
    static func failure(_ text: String) -> String? {
        guard case let .failure(error) = SweepAxis.parse(text) else { return nil }
        return error.message
    }

    static let shaoyang = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios/shaoyang.yaml").path
}
