import Foundation
import Testing
@testable import CapsimCommands

/// The CLI run in-process: exit statuses, what is printed, and the JSON file.
@Suite struct CommandTests: CommandRunner {

    @Test func validateAcceptsEveryShippedScenarioWithFullProvenance() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.scenarios.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 4)
        let result = capsim(["validate", "--provenance"] + files.map(Self.path))
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.isEmpty)
        #expect(!result.out.contains("has neither"))
        #expect(result.out.split(separator: "\n").count == files.count)
        #expect(result.out.contains("(0 without provenance)"))
    }

    /// One target is "1 target", not "1 targets"; the default scenario's counts as the README shows them.
    @Test func validateCountsInTheSingularAndPlural() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("one-target.yaml")
        try """
            extends: \(Self.path("shaoyang.yaml"))
            name: one target
            targets:
              - {id: share_2025, kind: non_fossil_share, year: 2025, at_least: 25 %, assumption: "the plan's figure"}
            """.write(to: file, atomically: true, encoding: .utf8)
        let one = capsim("validate", file.path)
        #expect(one.status == 0, "\(one.err)")
        #expect(one.out.contains("13 technologies, 1 target, "), "\(one.out)")
        let many = capsim("validate", Self.path("shaoyang.yaml"))
        #expect(many.out.contains("13 technologies, 10 targets, 145 numbers (0 without provenance)"), "\(many.out)")
    }

    @Test func provenanceListsUnlabelledNumbersAndFails() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("unlabelled.yaml")
        try """
            extends: \(Self.path("shaoyang.yaml"))
            name: unlabelled
            grid:
              import_limit: 3 GW
            costs:
              value_of_lost_load: 30000 yuan/MWh
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = capsim("validate", "--provenance", file.path)
        #expect(result.status == 1)
        // On standard error, as problems are, in the file's order (they came by key path, on standard output).
        #expect(result.err == """
            \(file.path):4:17: grid.import_limit: 3 GW has neither source: nor assumption:
            \(file.path):6:23: costs.value_of_lost_load: 30000 yuan/MWh has neither source: nor assumption:
            capsim: \(file.path): 2 numbers without provenance

            """, "\(result.err)")
        // Without --provenance the same file is valid.
        #expect(capsim("validate", file.path).status == 0)
    }

    /// `validate --set` checks the file with the value laid over it, as `run` would read
    /// it: a valid value passes, and --provenance does not ask a label of it (it is the
    /// user's, not the file's); one that makes a year impossible fails at the option.
    @Test func validateChecksTheValuesSet() throws {
        let file = Self.path("shaoyang.yaml")
        let valid = capsim("validate", "--provenance", file, "--set", "technologies.lfp_bases.capacity=2GW")
        #expect(valid.status == 0, "\(valid.err)")
        #expect(valid.out.contains("(0 without provenance)"))
        let tooMuch = capsim("validate", file, "--set", "demand.annual_energy=30TWh")
        #expect(tooMuch.status == 1)
        #expect(tooMuch.err.contains("demand.peak: found a peak of 2.14 GW in 2020, expected a peak at least the average load 3.425 GW"), "\(tooMuch.err)")
        #expect(tooMuch.err.contains("the values set, which the problems above may come from: demand.annual_energy=30TWh (--set)"))
        let usage = capsim("validate", file, "--set", "weather.seed=3")
        #expect(usage.status == 2)
    }

    @Test func validateFindsWhatOnlyAYearShows() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("leaky.yaml")
        try """
            extends: \(Self.path("shaoyang.yaml"))
            name: leaky
            technologies:
              lfp_bases:
                self_discharge: 100 %/h
              quanmutang_hydro:
                environmental_flow: 12.8 MW
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = capsim("validate", file.path)
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("\(file.path):5:21: error: technologies.lfp_bases.self_discharge: found in 2023, at 2023-12-31T23:00+08:00 lfp_bases can hold at most"),
                "\(result.err)")
        // The reservoir, built in 2025, fails in years of its own: both keys are reported.
        #expect(result.err.contains("\(file.path):7:25: error: technologies.quanmutang_hydro.environmental_flow: found in 2025"), "\(result.err)")
        #expect(result.err.contains("leaky.yaml: 2 problems found"))
    }

    /// A folder or an empty name given as the scenario is named as such, not as a file
    /// that cannot be read.
    @Test func aFolderOrAnEmptyNameIsNotAScenario() throws {
        let folder = try temporaryFolder()
        let asFolder = capsim("validate", folder.path)
        #expect(asFolder.status == 1)
        #expect(asFolder.err.contains("error: (file): found a folder at \(folder.path), expected a scenario file (YAML)"), "\(asFolder.err)")
        let empty = capsim("validate", "")
        #expect(empty.status == 1)
        #expect(empty.err.contains("error: (file): found an empty file name, expected a scenario file (YAML)"), "\(empty.err)")
    }

    /// An option given twice would keep only its last value (a seed or an output dropped
    /// without a word): refused, in either spelling; `--set` repeats, and `--` ends options.
    @Test func anOptionGivenTwiceIsRefused() throws {
        let scenario = Self.path("shaoyang.yaml")
        let twice = capsim("run", scenario, "--years", "2030", "--years=2029")
        #expect(twice.status == 2)
        #expect(twice.err.contains("Error: --years is given twice: give it once (only --set repeats)"), "\(twice.err)")
        #expect(CapsimMain.repeatedOption(["sweep", "f.yaml", "--set", "a=1", "--set", "b=2", "--seeds", "1"]) == nil)
        #expect(CapsimMain.repeatedOption(["run", "--json", "a.json", "--", "--json"]) == nil)
        #expect(CapsimMain.repeatedOption(["sweep", "f.yaml", "--seeds", "1", "--out", "o", "--seeds", "2"]) == "--seeds")
    }

    /// A dry year (weather.hydro_inflow_factor) that leaves the reservoir short of its
    /// environmental flow is named beside the reservoir's key, which the error points at.
    @Test func aDryYearIsNamedWhereTheEnvironmentalFlowFails() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("dry.yaml")
        try """
            extends: \(Self.path("shaoyang.yaml"))
            name: dry
            weather:
              hydro_inflow_factor: 5 %
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = capsim("validate", file.path)
        #expect(result.status == 1)
        #expect(result.err.contains("error: technologies.quanmutang_hydro.environmental_flow: found in 2025, "), "\(result.err)")
        #expect(result.err.contains(" (with weather.hydro_inflow_factor of 5 % in 2025)"), "\(result.err)")
    }

    /// Storage retired on a date ends the year at its initial state of charge of the
    /// energy left, so the year runs; a pool that loses all its power on a date while it
    /// must hold 5 % of its energy cannot discharge it, and the message names its capacity.
    @Test func storageRetiredWithinAYear() throws {
        let folder = try temporaryFolder()
        let retired = folder.appendingPathComponent("retired.yaml"), mothballed = folder.appendingPathComponent("mothballed.yaml")
        for (file, events) in [(retired, #"["-0.5 GW on 2028-07-01"]"#), (mothballed, #"["-0.83 GW on 2028-03-01", "+0.83 GW on 2028-09-01"]"#)] {
            try """
                extends: \(Self.path("shaoyang.yaml"))
                name: storage retired within a year
                technologies:
                  lfp_bases:
                    capacity: {events: \(events)}
                """.write(to: file, atomically: true, encoding: .utf8)
        }
        let run = capsim("run", retired.path, "--years", "2028...2028")
        #expect(run.status == 0, "\(run.err)")
        let refused = capsim("validate", mothballed.path)
        #expect(refused.status == 1)
        #expect(refused.err.contains("error: technologies.lfp_bases.capacity: found in 2028, at 2028-03-01T00:00+08:00 lfp_bases holds at least"), "\(refused.err)")
    }

    @Test func invalidScenarioExitsOneWithLocatedMessages() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("bad.yaml")
        try """
            extends: \(Self.path("shaoyang.yaml"))
            name: bad
            technologies:
              wind:
                capacty: 3 GW
              baoqing_coal:
                capacity: 1.32
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = capsim("capacity", file.path)
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("\(file.path):5:5: error: technologies.wind.capacty: found the unknown key \"capacty\" (did you mean \"capacity\"?)"))
        #expect(result.err.contains("\(file.path):7:15: error: technologies.baoqing_coal.capacity: found the bare number 1.32, expected a power (kW, MW, GW, 万千瓦) with its unit"))
        #expect(result.err.contains("2 problems found"))
    }

    @Test func usageErrorsExitTwo() throws {
        // A folder no refused command may write to (it wrote to fixed /tmp paths had a check failed).
        let never = try temporaryFolder().appendingPathComponent("never").path
        defer { #expect(!FileManager.default.fileExists(atPath: never) && !FileManager.default.fileExists(atPath: never + ".mps")) }
        #expect(capsim("frobnicate").status == 2)
        #expect(capsim("capacity").status == 2)
        #expect(capsim("capacity", Self.path("shaoyang.yaml"), "--nonsense").status == 2)
        // A negative number is read as the option's value and refused as such, not as a missing value.
        let jobs = capsim("sweep", Self.path("shaoyang.yaml"), "--set", "technologies.lfp_bases.capacity=1GW", "--jobs", "-1", "--out", never)
        #expect(jobs.status == 2 && jobs.err.contains("--jobs -1: expected at least 1"), "\(jobs.err)")
        let seeds = capsim("sweep", Self.path("shaoyang.yaml"), "--set", "technologies.lfp_bases.capacity=1GW", "--seeds", "-1", "--out", never)
        #expect(seeds.status == 2 && seeds.err.contains("--seeds -1: expected seeds A...B (whole numbers from 0, A ≤ B, at most 100 000 of them) or A,B,C"),
                "\(seeds.err)")
        let seed = capsim("run", Self.path("shaoyang.yaml"), "--seed", "-1")
        #expect(seed.status == 2 && seed.err.contains("The value '-1' is invalid for '--seed <seed>': expected a whole number from 0 to 18446744073709551615"),
                "\(seed.err)")
        let file = Self.path("shaoyang.yaml"), tooLarge = "18446744073709551616"
        for large in [capsim("profiles", file, "--year", "2030", "--seed", tooLarge), capsim("lp", "export", file, "--year", "2030", "--out", never + ".mps", "--seed", tooLarge)] {
            #expect(large.status == 2 && large.err.contains("expected a whole number from 0 to 18446744073709551615"), "\(large.err)")
        }
        let help = capsim("--help")
        #expect(help.status == 0)
        #expect(help.out.contains("capacity"))
        #expect(capsim("help", "lp", "solve").status == 0)
        let unknown = capsim("help", "lp", "solv")
        #expect(unknown.status == 2 && unknown.err.contains("'solv' is not a command of 'capsim lp' (did you mean 'solve'?)"), "\(unknown.err)")
        #expect(capsim("help", "nosuch").status == 2)
        // A mistyped command is named with the one meant: it was "2 unexpected arguments".
        for (arguments, message) in [(["rnu", "city.yaml"], "Error: 'rnu' is not a command of 'capsim' (did you mean 'run'?)\n  See 'capsim --help' for its commands.\n"),
                                     (["lp", "solv", "x.mps"], "Error: 'solv' is not a command of 'capsim lp' (did you mean 'solve'?)\n  See 'capsim lp --help' for its commands.\n"),
                                     (["xyzzy"], "Error: 'xyzzy' is not a command of 'capsim'\n  See 'capsim --help' for its commands.\n")] {
            let typo = capsim(arguments)
            #expect(typo.status == 2 && typo.err == message, "\(typo.err)")
        }
        #expect(capsim("lp", "--help").status == 0)
    }

    @Test func missingFileExitsOne() {
        let result = capsim("validate", "/nonexistent/scenario.yaml")
        #expect(result.status == 1)
        #expect(result.err.contains("/nonexistent/scenario.yaml:1:1: error: (file): found no readable file"))
    }

    @Test func capacityPrintsTableAndScorecard() {
        let result = capsim("capacity", Self.path("shaoyang.yaml"))
        #expect(result.status == 0)
        let lines = result.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.hasPrefix("technology") && $0.hasSuffix("2030") && $0.contains("2020") })
        #expect(lines.contains { $0.hasPrefix("wind") && $0.contains("1.900") && $0.hasSuffix("2.710") })
        #expect(lines.contains { $0.hasPrefix("wind_solar_2025") && $0.contains("375 万千瓦") && $0.hasSuffix("met") })
        #expect(lines.contains { $0.hasPrefix("new_energy_2030 *") && $0.contains("-66.5 万千瓦") && $0.hasSuffix("MISSED") })
        for line in lines { #expect(terminalWidth(line) <= 100, "\(line)") }
        #expect(lines.contains("  non_fossil_share_2030: non_fossil_share, 2030"))
    }

    @Test func capacityJSONHasEveryTargetField() throws {
        let folder = try temporaryFolder()
        let output = folder.appendingPathComponent("capacity.json")
        let result = capsim("capacity", Self.path("shaoyang.yaml"), "--json", output.path)
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as! [String: Any]
        #expect(object["years"] as? [Int] == Array(2020...2030))
        let targets = object["targets"] as! [[String: Any]]
        #expect(targets.count == 7)
        for target in targets {
            for key in ["id", "year", "kind", "required", "value", "unit", "status", "margin"] { #expect(target[key] != nil, "\(key)") }
        }
        let wind = targets.first { $0["id"] as? String == "wind_solar_2025" }!
        #expect(wind["required"] as? Double == 330)
        #expect(abs((wind["value"] as! Double) - 375) < 1e-9)
        #expect(wind["unit"] as? String == "万千瓦")
        #expect(wind["status"] as? String == "met")
        let deferred = object["deferred_targets"] as! [[String: Any]]
        #expect(deferred.count == 3)
    }

    @Test func unwritableJSONFailsWithoutPartialOutput() {
        let result = capsim("capacity", Self.path("shaoyang.yaml"), "--json", "/nonexistent-folder/out.json")
        #expect(result.status == 1)
        #expect(result.err.contains("cannot write /nonexistent-folder/out.json"))
        #expect(result.out.isEmpty)
    }

    /// Terminal columns of a line: CJK characters take two.
    func terminalWidth(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { $0 + ((0x2E80...0x9FFF).contains($1.value) ? 2 : 1) }
    }
}
