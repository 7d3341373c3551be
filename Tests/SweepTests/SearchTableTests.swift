import Foundation
import Testing
@testable import EnergyModel
@testable import Sweeps

/// `search.csv` is made ready before a search and written after each value it evaluates.
@Suite struct SearchTableTests {
    /// A search stopped after its first value (here by its report, as Ctrl-C would) keeps
    /// that value in search.csv: the file was written only once the search had ended.
    @Test func interruptedSearchKeepsWhatItEvaluated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-\(UUID().uuidString)/search").path
        try SweepStore.createFolder(folder)
        let search = try SweepSearch(key: "technologies.lfp_bases.capacity", between: "0GW...1GW", tolerance: nil, target: "non_fossil_share_2030", probability: 1)
        let plan = SweepPlan(scenarioPath: SweepPlanTests.shaoyang, axes: [], seeds: [1], years: .each([2030]))
        var table = try SearchTable(folder: folder, manifest: SearchManifest(search: search, plan: plan, fingerprint: "f"), restart: false)
        #expect(try String(contentsOfFile: table.path, encoding: .utf8) == "value,seeds_meeting,seeds,meets\n")
        let root = try ScenarioSource.load(path: SweepPlanTests.shaoyang)
        do {
            _ = try search.run(fixed: plan, root: root, jobs: 1) { evaluation, _ in
                try table.append(evaluation)
                throw Stopped()
            }
            Issue.record("the search went on after its report failed")
        } catch is Stopped {}
        #expect(try String(contentsOfFile: table.path, encoding: .utf8) == "value,seeds_meeting,seeds,meets\n1 GW,1,1,true\n")
    }

    /// A row whose seeds meeting exceed the seeds run ("7 of 5", an edit its own text
    /// agrees with) was taken into the bisection; it is refused at its line.
    @Test func moreSeedsMeetingThanRunIsAnEditedLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-\(UUID().uuidString)/search").path
        try SweepStore.createFolder(folder)
        let search = try SweepSearch(key: "technologies.lfp_bases.capacity", between: "0GW...1GW", tolerance: nil, target: "non_fossil_share_2030", probability: 1)
        let plan = SweepPlan(scenarioPath: SweepPlanTests.shaoyang, axes: [], seeds: [1], years: .each([2030]))
        let manifest = SearchManifest(search: search, plan: plan, fingerprint: "000000000000000f")
        _ = try SearchTable(folder: folder, manifest: manifest, restart: false)
        try "value,seeds_meeting,seeds,meets\n1 GW,7,1,true\n".write(toFile: folder + "/search.csv", atomically: true, encoding: .utf8)
        let table = try SearchTable(folder: folder, manifest: manifest, restart: false)
        #expect {
            _ = try table.recorded(0, value: 1e-3, search: search)
        } throws: { error in
            (error as? SweepError)?.message == "\(folder)/search.csv:2: 7 of 1 seed(s) meeting, found 1 GW,7,1,true (an edited line): run the search again with --restart to discard its values"
        }
    }

    /// Fixed keys in another order are one search (`capsim sweep` refuses a key inside
    /// another, whose order would matter).
    @Test func fixedKeyOrderInTheFingerprint() throws {
        let search = try SweepSearch(key: "technologies.lfp_bases.capacity", between: "0GW...1GW", tolerance: nil, target: "non_fossil_share_2030", probability: 1)
        let root = try ScenarioSource.load(path: SweepPlanTests.shaoyang)
        func fingerprint(_ keys: [(String, String)]) -> String {
            let plan = SweepPlan(scenarioPath: SweepPlanTests.shaoyang, axes: keys.map { SweepAxis(path: $0.0, values: [$0.1]) }, seeds: [1], years: .each([2030]))
            return search.fingerprint(fixed: plan, scenario: root, series: [])
        }
        let (wind, coal) = (("technologies.wind.full_load_hours", "2000 h"), ("technologies.baoqing_coal.heat_rate", "250 gce/kWh"))
        #expect(fingerprint([wind, coal]) == fingerprint([coal, wind]))
    }

    /// The search checks the key at both ends of its interval before evaluating anything.
    @Test func wrongKeyOrIntervalIsAUsageError() throws {
        let plan = SweepPlan(scenarioPath: SweepPlanTests.shaoyang, axes: [], seeds: [1], years: .each([2030]))
        let root = try ScenarioSource.load(path: SweepPlanTests.shaoyang)
        for (key, between, message) in [("technologies.nosuch.capacity", "0GW...1GW", "--minimize technologies.nosuch.capacity --between 0GW...1GW: technologies.nosuch.capacity: found no key technologies.nosuch"),
                                        ("technologies.lfp_bases.capacity", "2h...4h", "--minimize technologies.lfp_bases.capacity --between 2h...4h: technologies.lfp_bases.capacity: found \"2 h\", a time")] {
            let search = try SweepSearch(key: key, between: between, tolerance: nil, target: "non_fossil_share_2030", probability: 1)
            do {
                try search.check(fixed: plan, root: root)
                Issue.record("\(key) \(between) was accepted")
            } catch let error as SweepError {
                #expect(error.isUsage && error.message.hasPrefix(message), "\(error.message)")
            }
        }
    }

    /// With a probability below 10⁻⁹ a value that no seed met counted as meeting: the
    /// comparison gave away a fixed 10⁻⁹. No seed meeting is never enough, and the share
    /// asked for is met exactly (3 of 10 at 0.3, whose product rounds above 3).
    @Test func meetingNeedsASeedAndTheShareAskedFor() throws {
        func meets(_ probability: Double, _ meeting: Int, of seeds: Int) throws -> Bool {
            try SweepSearch(key: "technologies.lfp_bases.capacity", between: "0GW...1GW", tolerance: nil, target: "t", probability: probability)
                .evaluation(0.5, meeting: meeting, seeds: seeds).meets
        }
        #expect(try !meets(1e-9, 0, of: 1))
        #expect(try meets(1e-9, 1, of: 1))
        #expect(try meets(0.3, 3, of: 10) && !meets(0.3, 2, of: 10))
        #expect(try meets(1, 4, of: 4) && !meets(1, 3, of: 4))
    }

    /// A fingerprint is 16 hex digits, one whose hash begins with 0 too (it was written with
    /// 15); a manifest written with 15 reads as the same fingerprint.
    @Test func fingerprintsHaveSixteenDigits() throws {
        #expect(SweepPlan.padded("525995eaeb0811b") == "0525995eaeb0811b")
        #expect(SweepPlan.padded("5b87a665555bc9f0") == "5b87a665555bc9f0")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-\(UUID().uuidString)").path
        try SweepStore.createFolder(folder)
        let search = try SweepSearch(key: "technologies.lfp_bases.capacity", between: "0GW...1GW", tolerance: nil, target: "t", probability: 1)
        let plan = SweepPlan(scenarioPath: SweepPlanTests.shaoyang, axes: [], seeds: [1], years: .each([2030]))
        let path = (folder as NSString).appendingPathComponent(SweepFiles.searchManifest)
        try SearchManifest(search: search, plan: plan, fingerprint: "525995eaeb0811b").data().write(to: URL(fileURLWithPath: path))
        #expect(try SearchManifest.read(path).fingerprint == "0525995eaeb0811b")
    }

    private struct Stopped: Error {}
}
