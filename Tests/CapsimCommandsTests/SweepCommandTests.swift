import Foundation
import Sweeps
import Testing
@testable import CapsimCommands
import Reports

/// `capsim sweep` on a small city (coal, wind, a battery; one year): points equal separate
/// runs, an interrupted sweep resumes to the same rows, shards merge to the whole, and the
/// search finds a threshold known by hand.
@Suite struct SweepCommandTests: CommandRunner {
    /// `coal` and `battery` capacities and wind full-load hours are placeholders.
    static func scenario(coal: String = "0.15 GW", battery: String = "0.05 GW", windHours: String = "2000 h", wind: String = "0.2 GW") -> String {
        Self.smallCity + """
        technologies:
          coal:
            kind: coal
            capacity: \(coal)
            heat_rate: 300 gce/kWh
            fuel_price: 1000 yuan/tce
          wind:
            kind: wind
            capacity: \(wind)
            full_load_hours: \(windHours)
          battery:
            kind: lfp
            capacity: \(battery)
            duration: 2 h
            round_trip_efficiency: 85 %
        targets:
          - {id: share_2021, kind: non_fossil_share, year: 2021, at_least: 10 %}
          - {id: reliable_2021, kind: unserved_energy, year: 2021, at_most: 0 GWh}

        """
    }

    func folder(with text: String = Self.scenario()) throws -> (URL, String) {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("city.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (folder, file.path)
    }

    func rows(_ folder: String) throws -> [Substring] {
        try String(contentsOfFile: folder + "/points.csv", encoding: .utf8).split(separator: "\n")
    }

    @Test func pointsEqualSeparateRuns() throws {
        let (folder, file) = try folder()
        let out = folder.appendingPathComponent("out").path
        let result = capsim("sweep", file, "--set", "technologies.battery.capacity=0GW...0.1GW:0.05GW", "--set",
                            "technologies.wind.full_load_hours=1800 h,2200 h", "--seeds", "1...2", "--years", "2021", "--out", out, "--jobs", "2")
        #expect(result.status == 0, "\(result.err)")
        let table = try rows(out)
        #expect(table.count == 1 + 12)
        let header = table[0].split(separator: ",").map(String.init)
        let share = header.firstIndex(of: "non_fossil_share")!, cost = header.firstIndex(of: "cost_yuan")!
        for line in table.dropFirst() {
            let fields = line.split(separator: ",").map(String.init)
            let variant = Self.scenario(battery: fields[2], windHours: fields[3])
            let (runFolder, runFile) = try self.folder(with: variant)
            let json = runFolder.appendingPathComponent("run.json").path
            #expect(capsim("run", runFile, "--years", "2021", "--seed", fields[1], "--json", json).status == 0)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
            let year = try #require((document["years"] as? [[String: Any]])?.first)
            // Equal up to the last digit JSON's number text may round.
            let runShare = try #require(year["non_fossil_share"] as? Double), runCost = try #require(year["cost_yuan"] as? Double)
            #expect(abs(runShare - Double(fields[share])!) <= 1e-14, "point \(fields[0])")
            #expect(abs(runCost - Double(fields[cost])!) <= 1e-12 * runCost, "point \(fields[0])")
        }
    }

    /// A sweep cut short — its last row half written, its last point missing from
    /// points.jsonl — and run again ends with the rows of an uninterrupted sweep, none twice.
    @Test func interruptedSweepResumesToTheSameRows() throws {
        let (folder, file) = try folder()
        let whole = folder.appendingPathComponent("whole").path, cut = folder.appendingPathComponent("cut").path
        let arguments = [file, "--set", "technologies.battery.capacity=0GW...0.1GW:0.05GW", "--seeds", "1...2", "--years", "2021"]
        #expect(capsim(["sweep"] + arguments + ["--out", whole]).status == 0)
        #expect(capsim(["sweep"] + arguments + ["--out", cut]).status == 0)
        let csv = try String(contentsOfFile: cut + "/points.csv", encoding: .utf8)
        try String(csv.dropLast(40)).write(toFile: cut + "/points.csv", atomically: true, encoding: .utf8)
        let json = try String(contentsOfFile: cut + "/points.jsonl", encoding: .utf8).split(separator: "\n")
        try (json.dropLast(2).joined(separator: "\n") + "\n").write(toFile: cut + "/points.jsonl", atomically: true, encoding: .utf8)
        let resumed = capsim(["sweep"] + arguments + ["--out", cut])
        #expect(resumed.status == 0, "\(resumed.err)")
        let a = try rows(whole), b = try rows(cut)
        #expect(Set(a) == Set(b))
        #expect(b.count == Set(b).count, "no row twice")
        #expect(try String(contentsOfFile: cut + "/points.jsonl", encoding: .utf8).split(separator: "\n").count == 6)
    }

    /// An axis that sets a wind milestone after the year simulated changes no result, and
    /// the summary says so under the table; the battery axis beside it does change them.
    /// (The scenario runs to 2030, whose years after 2021 use the milestone.)
    @Test func anAxisThatChangesNoResultIsNoted() throws {
        let text = Self.scenario(wind: "{2020: 0.2 GW, 2021: 0.2 GW, 2030: 0.5 GW}").replacingOccurrences(of: "end: 2021", with: "end: 2030")
        let (folder, file) = try folder(with: text)
        let result = capsim("sweep", file, "--set", "technologies.battery.capacity=0GW,0.05GW", "--set", "technologies.wind.capacity.2030=0.5GW,0.6GW",
                            "--seeds", "1...2", "--years", "2021", "--out", folder.appendingPathComponent("out").path)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("note: axis 2 (technologies.wind.capacity.2030) changed no result: each of its 2 values gave the same"), "\(result.out)")
        #expect(!result.out.contains("note: axis 1"), "\(result.out)")
    }

    @Test func shardsMergeToTheWholeSweep() throws {
        let (folder, file) = try folder()
        let arguments = [file, "--set", "technologies.battery.capacity=0GW...0.1GW:0.05GW", "--seeds", "1...2", "--years", "2021"]
        let whole = folder.appendingPathComponent("whole").path
        #expect(capsim(["sweep"] + arguments + ["--out", whole]).status == 0)
        var parts: [String] = []
        for shard in 1...3 {
            let part = folder.appendingPathComponent("part\(shard)").path
            #expect(capsim(["sweep"] + arguments + ["--out", part, "--shard", "\(shard)/3"]).status == 0)
            parts.append(part)
        }
        let merged = folder.appendingPathComponent("merged").path
        let result = capsim(["sweep", "merge"] + parts + ["--out", merged])
        #expect(result.status == 0, "\(result.err)")
        #expect(Set(try rows(merged)) == Set(try rows(whole)))
        #expect(try String(contentsOfFile: merged + "/summary.csv", encoding: .utf8) == String(contentsOfFile: whole + "/summary.csv", encoding: .utf8))
        // A shard of no points (the fourth of four, of three points) has both files, empty.
        let empty = folder.appendingPathComponent("empty").path
        #expect(capsim(["sweep", file, "--set", "technologies.battery.capacity=0GW...0.1GW:0.05GW", "--years", "2021", "--out", empty, "--shard", "4/4"]).status == 0)
        #expect(try rows(empty).count == 1 && String(contentsOfFile: empty + "/points.jsonl", encoding: .utf8) == "")
        // Without the third shard the merge says so, and exits 1, after writing the rest.
        let partial = folder.appendingPathComponent("partial").path
        let missing = capsim(["sweep", "merge"] + parts.dropLast() + ["--out", partial])
        #expect(missing.status == 1)
        #expect(missing.err.contains("2 of 6 points are in none of the folders"), "\(missing.err)")
        #expect(try rows(partial).dropFirst().count == 4, "the header and four points")
        // A shard still being written is refused, not merged half done; a merge refused on
        // a shard, or naming a folder that does not exist, makes no --out folder.
        let refusedOut = folder.appendingPathComponent("refused").path
        try FolderLock.hold(parts[1]) {
            let busy = capsim(["sweep", "merge"] + parts + ["--out", refusedOut])
            #expect(busy.status == 1)
            #expect(busy.err == "capsim: \(parts[1]) is in use by another sweep, search or merge (it holds \(parts[1])/.lock): wait for it to end before merging it\n")
        }
        let absent = capsim(["sweep", "merge", parts[0], folder.appendingPathComponent("nowhere").path, "--out", refusedOut])
        #expect(absent.status == 1 && absent.err.contains("nowhere: found no folder of sweep results"), "\(absent.err)")
        #expect(!FileManager.default.fileExists(atPath: refusedOut))
    }

    /// A merge's outputs are checked against the inputs of the sweep it merges, as the
    /// sweep's own are: `--html` over the scenario had replaced it with the report, and
    /// `--out --restart` over a folder whose points.csv is a series an axis reads had
    /// replaced the series.
    @Test func aMergeNeverReplacesTheSweepsInputs() throws {
        let (folder, file) = try folder()
        let shard = folder.appendingPathComponent("shard").path
        #expect(capsim("sweep", file, "--set", "technologies.battery.capacity=0GW,0.05GW", "--years", "2021", "--out", shard).status == 0)
        let scenario = try String(contentsOfFile: file, encoding: .utf8)
        let overScenario = capsim("sweep", "merge", shard, "--out", folder.appendingPathComponent("merged").path, "--html", file)
        #expect(overScenario.status == 2)
        #expect(overScenario.err.contains("--html \(file) would replace the scenario \(file)"), "\(overScenario.err)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == scenario)

        let series = folder.appendingPathComponent("points.csv")
        let column = "wind_cf\n" + String(repeating: "0.2\n", count: 8760)
        try column.write(to: series, atomically: true, encoding: .utf8)
        let reading = folder.appendingPathComponent("reading").path
        #expect(capsim("sweep", file, "--set", "technologies.wind.profile_csv=points.csv", "--years", "2021", "--out", reading).status == 0)
        for extra in [[], ["--restart"]] {
            let over = capsim(["sweep", "merge", reading, "--out", folder.path] + extra)
            #expect(over.status == 2)
            #expect(over.err.contains("points.csv of --out \(folder.path) would replace \(series.path), a series the scenario reads"), "\(over.err)")
        }
        #expect(try String(contentsOf: series, encoding: .utf8) == column)
    }

    /// summary.csv's `meets.ID` is the fraction of seeds whose status in points.csv is met
    /// or within tolerance, and empty for a target of a year the sweep did not simulate
    /// (it was 0, which read as "never met").
    @Test func summaryCountsOnlySimulatedTargets() throws {
        let (folder, file) = try folder()
        let out = folder.appendingPathComponent("out").path
        let result = capsim("sweep", file, "--set", "technologies.battery.capacity=0GW,0.1GW", "--set", "technologies.wind.capacity=0GW,0.6GW",
                            "--seeds", "1...2", "--years", "2020", "--out", out)
        #expect(result.status == 0, "\(result.err)")
        #expect(!result.out.contains("share_2021"), "\(result.out)")
        let summary = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let header = summary[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let column = try #require(header.firstIndex(of: "meets.share_2021"))
        #expect(summary.count == 1 + 4 + 1, "header, four combinations, the final newline")
        for line in summary.dropFirst().dropLast() {
            #expect(line.split(separator: ",", omittingEmptySubsequences: false)[column] == "", "\(line)")
        }
        // Simulated, it is the fraction met: the same wind (0.6 GW) meets 10 % at every seed, none meets it without wind.
        let simulated = folder.appendingPathComponent("simulated").path
        #expect(capsim("sweep", file, "--set", "technologies.battery.capacity=0GW,0.1GW", "--set", "technologies.wind.capacity=0GW,0.6GW",
                       "--seeds", "1...2", "--years", "2021", "--out", simulated).status == 0)
        let rows = try String(contentsOfFile: simulated + "/summary.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        let meets = rows.map { Double($0.split(separator: ",", omittingEmptySubsequences: false)[column]) }
        let wind = rows.map { $0.split(separator: ",")[1] }
        #expect(meets == wind.map { $0 == "0.6GW" ? 1.0 : 0.0 }, "\(rows)")
    }

    /// A target's fraction is on the rows of its own year: in a sweep of 2020 and 2021 the
    /// 2021 targets' fractions were on the 2020 rows too (a point's statuses are the same
    /// on each of its years' rows), which read as 2020 meeting them.
    @Test func summaryPutsATargetOnItsOwnYear() throws {
        let (folder, file) = try folder()
        let out = folder.appendingPathComponent("out").path
        let result = capsim("sweep", file, "--set", "technologies.wind.capacity=0GW,0.6GW", "--seeds", "1...2", "--years", "2020...2021", "--out", out)
        #expect(result.status == 0, "\(result.err)")
        let summary = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let year = try #require(summary[0].firstIndex(of: "year")), share = try #require(summary[0].firstIndex(of: "meets.share_2021"))
        let rows = summary.dropFirst().map { ($0[0], $0[year], $0[share]) }
        #expect(rows.map(\.0) == ["0GW", "0GW", "0.6GW", "0.6GW"] && rows.map(\.1) == ["2020", "2021", "2020", "2021"], "\(rows)")
        #expect(rows.map(\.2) == ["", "0.0", "", "1.0"], "\(rows)")
    }

    @Test func changedGridIsRefusedUnlessRestarted() throws {
        let (folder, file) = try folder()
        let out = folder.appendingPathComponent("out").path
        #expect(capsim("sweep", file, "--set", "technologies.battery.capacity=0GW,0.1GW", "--years", "2021", "--out", out).status == 0)
        let changed = capsim("sweep", file, "--set", "technologies.battery.capacity=0GW,0.2GW", "--years", "2021", "--out", out)
        #expect(changed.status == 1)
        #expect(changed.err.contains("the scenario or the grid changed (the axes: technologies.battery.capacity=0GW,0.1GW in \(out), "
            + "technologies.battery.capacity=0GW,0.2GW now)"), "\(changed.err)")
        #expect(capsim("sweep", file, "--set", "technologies.battery.capacity=0GW,0.2GW", "--years", "2021", "--out", out, "--restart").status == 0)
        #expect(try rows(out).contains { $0.contains(",0.2GW,") })
        // Results whose sweep.json is broken cannot be told apart from another sweep's.
        try Data("{".utf8).write(to: URL(fileURLWithPath: out).appendingPathComponent("sweep.json"))
        let broken = capsim("sweep", file, "--set", "technologies.battery.capacity=0GW,0.2GW", "--years", "2021", "--out", out)
        #expect(broken.status == 1)
        #expect(broken.err.contains("sweep.json cannot be read"), "\(broken.err)")
        #expect(capsim("sweep", file, "--set", "technologies.battery.capacity=0GW,0.2GW", "--years", "2021", "--out", out, "--restart").status == 0)
    }

    @Test func badValuesAndFoldersAreNamedNotCrashes() throws {
        let (folder, file) = try folder()
        let out = folder.appendingPathComponent("out").path
        let bad = capsim("sweep", file, "--set", "technologies.battery.capacity=abc", "--years", "2021", "--out", out)
        #expect(bad.status == 1)
        #expect(bad.err.contains("--set technologies.battery.capacity=abc: error:"))
        let typo = capsim("sweep", file, "--set", "technologies.batery.capacity=1GW", "--years", "2021", "--out", out)
        #expect(typo.status == 1)
        #expect(typo.err.contains("did you mean \"battery\""))
        let unwritable = capsim("sweep", file, "--set", "technologies.battery.capacity=1GW", "--years", "2021", "--out", "/proc/capsim-no-such-folder")
        #expect(unwritable.status == 1)
        // The system's reason, not Foundation's whole error (`Error Domain=NSCocoaErrorDomain …`).
        #expect(unwritable.err == "capsim: cannot create the folder /proc/capsim-no-such-folder: No such file or directory\n", "\(unwritable.err)")
        #expect(capsim("sweep", file, "--set", "technologies.battery.capacity=1GW", "--jobs", "0", "--out", out).status == 2)
        let twice = capsim("sweep", file, "--set", "technologies.battery.capacity=1GW", "--set", "technologies.battery.capacity=2GW", "--years", "2021", "--out", out)
        #expect(twice.status == 2, "a wrong option is a usage error")
        #expect(twice.err.contains("--set technologies.battery.capacity: given twice"), "\(twice.err)")
        // `1//2` was run as shard 1/2 and recorded as written, so `--shard 1/2` was refused as another shard.
        for (options, message) in [(["--shard", "4/3"], "--shard 4/3: expected i/n"), (["--shard", "1//2"], "--shard 1//2: expected i/n"),
                                   (["--shard", "01/2"], "--shard 01/2: expected i/n"), (["--seeds", "1,1"], "--seeds 1,1: the seed 1 twice"),
                                   (["--years", "2031"], "--years 2031: outside the scenario's years 2020–2021"),
                                   (["--years", "2021,2021"], "--years 2021,2021: the year 2021 twice"),
                                   (["--meets", "share_2021"], "--meets is an option of the search"),
                                   (["--probability", "0.5"], "--probability is an option of the search")] {
            let wrong = capsim(["sweep", file, "--set", "technologies.battery.capacity=1GW", "--out", out] + options)
            #expect(wrong.status == 2 && wrong.err.contains(message), "\(options): \(wrong.status) \(wrong.err)")
        }
        let year = capsim("sweep", file, "--set", "technologies.battery.capacity=1GW", "--years", "2021", "--report-year", "2022",
                          "--html", folder.appendingPathComponent("r.html").path, "--out", folder.appendingPathComponent("never").path)
        #expect(year.status == 2 && year.err.contains("--report-year 2022: not a year of the sweep"), "\(year.err)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("never").path), "refused before any point ran")
        let inside = folder.appendingPathComponent("new").path
        let report = capsim("sweep", file, "--set", "technologies.battery.capacity=1GW", "--years", "2021", "--html", inside + "/report.html", "--out", inside)
        #expect(report.status == 0 && FileManager.default.fileExists(atPath: inside + "/report.html"), "an --html inside a new --out: \(report.err)")
        let searched = capsim("sweep", file, "--minimize", "technologies.battery.capacity", "--between", "0GW...1GW", "--meets", "share_2021",
                              "--set", "technologies.battery.capacity=1GW", "--years", "2021")
        #expect(searched.status == 2)
        #expect(searched.err.contains("the key is also set"), "\(searched.err)")
        // A sweep file's mistakes are the file's (exit 1), named as its keys, not as options.
        let study = folder.appendingPathComponent("study.yaml").path
        for (body, message) in [("set:\n  technologies.battery.capacity: [1GW, 1 GW]\nyears: 2021\n", ":3:3: the sweep file's set: technologies.battery.capacity: the value 1 GW twice"),
                                ("seeds: 1,1\nyears: 2021\n", ":2:8: the sweep file's seeds: 1,1: the seed 1 twice"),
                                ("seeds: 1\nyears: 2030\n", ":3:8: the sweep file's years: 2030: outside the scenario's years 2020–2021"),
                                ("seeds: [1, {two: 2}]\n", ":2:12: the sweep file's seeds: expected a scalar or a list of scalars, found a mapping"),
                                ("seed: 1\n", ":2:1: unknown key \"seed\" (did you mean \"seeds\"?); a sweep file has scenario, set, seeds and years")] {
            try ("scenario: city.yaml\n" + body).write(toFile: study, atomically: true, encoding: .utf8)
            let wrong = capsim("sweep", study, "--out", out)
            #expect(wrong.status == 1 && wrong.err.contains(study + message), "\(wrong.status) \(wrong.err)")
        }
        // A grid too large from the file alone is the file's mistake (exit 1), not an option's.
        try "scenario: city.yaml\nset:\n  technologies.battery.capacity: 0GW...9.999GW:0.001GW\n  technologies.battery.duration: 1h...1001h:1h\nseeds: 1...2\n"
            .write(toFile: study, atomically: true, encoding: .utf8)
        let large = capsim("sweep", study, "--out", out)
        #expect(large.status == 1 && large.err.contains("the grid has 20020000 points (10000 values of technologies.battery.capacity × 1001 values"), "\(large.err)")
        #expect(capsim("sweep", study, "--seeds", "1...3", "--out", out).status == 2)
        // A misspelt scenario: made the file a scenario, reported as missing its sections.
        for (text, message) in [("scenari: city.yaml\nset:\n  technologies.battery.capacity: 1GW\n", ":1:1: unknown key \"scenari\" (did you mean \"scenario\"?)"),
                                ("scenaro: city.yaml\nyears: 2021\n", ":1:1: unknown key \"scenaro\" (did you mean \"scenario\"?)"),
                                ("set:\n  technologies.battery.capacity: 1GW\n", ":1:1: expected scenario: the scenario file the sweep runs"),
                                ("scenario: [city.yaml]\n", ":1:11: expected scenario: the scenario file the sweep runs")] {
            try text.write(toFile: study, atomically: true, encoding: .utf8)
            let wrong = capsim("sweep", study, "--out", out)
            #expect(wrong.status == 1 && wrong.err.contains(study + message), "\(wrong.status) \(wrong.err)")
        }
        let otherYear = capsim("sweep", file, "--minimize", "technologies.battery.capacity", "--between", "0GW...1GW", "--meets", "share_2021",
                               "--years", "2020")
        #expect(otherYear.status == 2 && otherYear.err.contains("a target of 2021, a year the search does not project"), "\(otherYear.err)")
    }

    /// The progress line is rewritten in place, so it must fit the terminal: at 40 columns
    /// the 53 of the full line wrapped, and each rewrite left a row behind.
    @Test func theProgressLineFitsTheTerminal() {
        let full = "capsim: 2/9 points, 2.02 points/s, about 3 s left", short = "capsim: 2/9 points"
        #expect(Progress.fitted(full, short: short, room: 79) == full)
        #expect(Progress.fitted(full, short: short, room: 39) == short)
        #expect(Progress.fitted(full, short: short, room: 9) == "capsim: 2")
        #expect(Progress.fitted(full, short: short, room: 0) == "")
    }

    /// A `--set` of a key the sweep file sets takes that axis's place: it went to the end,
    /// renumbering the points, and a folder begun without it was refused as another sweep.
    @Test func aSetReplacingAFileAxisKeepsItsPlace() throws {
        let (folder, _) = try folder()
        let study = folder.appendingPathComponent("study.yaml").path
        try "scenario: city.yaml\nset:\n  technologies.battery.capacity: [0.05GW, 0.1GW]\n  technologies.battery.duration: [2h, 4h]\nyears: 2021\n"
            .write(toFile: study, atomically: true, encoding: .utf8)
        // The last of a thousand shards runs none of these four points, so only sweep.json is written.
        func manifest(_ name: String, _ options: [String]) throws -> String {
            let out = folder.appendingPathComponent(name).path
            let result = capsim(["sweep", study, "--shard", "1000/1000", "--out", out] + options)
            #expect(result.status == 0, "\(result.err)")
            return try String(contentsOfFile: out + "/sweep.json", encoding: .utf8)
        }
        // The same values as the file's: the same sweep. Other values: the axis is replaced where it stood.
        #expect(try manifest("plain", []) == manifest("same", ["--set", "technologies.battery.capacity=0.05GW,0.1GW"]))
        let replaced = try manifest("replaced", ["--set", "technologies.battery.capacity=0.05GW,0.2GW"])
        let capacity = try #require(replaced.range(of: "technologies.battery.capacity")), duration = try #require(replaced.range(of: "technologies.battery.duration"))
        #expect(capacity.lowerBound < duration.lowerBound)
        #expect(replaced.contains("\"0.2GW\"") && !replaced.contains("\"0.1GW\""), "\(replaced)")
    }

    /// `weather.seed` as an axis changed nothing (each point's seed replaces it), so its
    /// "points" were one projection counted several times.
    @Test func weatherSeedIsNotAnAxis() throws {
        let (folder, file) = try folder()
        let option = capsim("sweep", file, "--set", "weather.seed=1,2", "--years", "2021", "--out", folder.appendingPathComponent("out").path)
        #expect(option.status == 2 && option.err.contains("--set weather.seed: the weather seed is not an axis") && option.err.contains("--seeds"), "\(option.err)")
        let study = folder.appendingPathComponent("study.yaml").path
        try "scenario: city.yaml\nset:\n  weather.seed: [1, 2]\nyears: 2021\n".write(toFile: study, atomically: true, encoding: .utf8)
        let inFile = capsim("sweep", study, "--out", folder.appendingPathComponent("out").path)
        #expect(inFile.status == 1 && inFile.err.contains(study + ":3:3: the sweep file's set: weather.seed: the weather seed is not an axis"), "\(inFile.err)")
    }

    /// The years projected are decided before values are laid over the scenario: an axis
    /// of `years.end` projected the file's years for every point, silently.
    @Test func yearsAreNotAnAxis() throws {
        let (folder, file) = try folder()
        let option = capsim("sweep", file, "--set", "years.end=2022,2023", "--out", folder.appendingPathComponent("out").path)
        #expect(option.status == 2 && option.err == "capsim: --set years.end: a sweep cannot vary the scenario's years; "
            + "choose the years projected with --years (or the sweep file's years:)\n", "\(option.err)")
    }

    /// A CSV series an axis names decides the results as the file's own series do: once
    /// it is edited, the folder's points are another sweep's (they were kept).
    @Test func aSeriesAnAxisReadsIsInTheFingerprint() throws {
        let (folder, file) = try folder()
        let csv = folder.appendingPathComponent("wind.csv")
        func write(_ level: Double) throws {
            try ((0..<8760).map { "\(level + 0.1 * sin(Double($0) / 24 * 2 * .pi))" }.joined(separator: "\n") + "\n").write(to: csv, atomically: true, encoding: .utf8)
        }
        try write(0.3)
        let out = folder.appendingPathComponent("out").path
        let sweep = ["sweep", file, "--set", "technologies.wind.profile_csv=wind.csv", "--years", "2021", "--out", out]
        #expect(capsim(sweep).status == 0)
        #expect(capsim(sweep).status == 0, "the same sweep again")
        // The same sweep through another path to the scenario (a shard started from another
        // folder): the series' path differs, its name and values do not.
        let other = capsim(["sweep", folder.path + "/./city.yaml"] + sweep.dropFirst(2))
        #expect(other.status == 0, "\(other.err)")
        try write(0.35)
        let edited = capsim(sweep)
        #expect(edited.status == 1 && edited.err.contains("holds another sweep"), "\(edited.err)")
        let over = capsim(["sweep", file, "--set", "technologies.wind.profile_csv=wind.csv", "--years", "2021", "--out", folder.path + "/report", "--html", csv.path])
        #expect(over.status != 0 && over.err.contains("a series the scenario reads"), "\(over.err)")
    }

    /// A bad value in a sweep file's `set:` is reported at its line there, not as a
    /// `--set` option the user never gave.
    @Test func sweepFileValuesAreNamedAtTheirLine() throws {
        let (folder, _) = try folder()
        let study = folder.appendingPathComponent("study.yaml").path
        try "scenario: city.yaml\nset:\n  technologies.battery.capacity: [1GW, abc]\nyears: 2021\n".write(toFile: study, atomically: true, encoding: .utf8)
        let result = capsim("sweep", study, "--out", folder.appendingPathComponent("out").path)
        #expect(result.status == 1)
        #expect(result.err.contains(study + ":3:40: error: set: technologies.battery.capacity: found \"abc\", expected a power"), "\(result.err)")
        #expect(!result.err.contains("--set"), "\(result.err)")
    }

    /// An empty item of `--set` (`1GW,,2GW`) was dropped without a word.
    /// Axis values with quotes and commas (an item of a sweep file's list is one value,
    /// commas and all) are quoted in points.csv and summary.csv and read back whole: a
    /// rerun resumes instead of refusing its own rows, and Python's csv module would read
    /// the same fields.
    @Test func quotedAxisValuesRoundTrip() throws {
        let (folder, _) = try folder()
        let study = folder.appendingPathComponent("study.yaml").path, out = folder.appendingPathComponent("out").path
        try "scenario: city.yaml\nset:\n  technologies.coal.name: ['\"Q\" plant', 'x,y']\nyears: 2021\n".write(toFile: study, atomically: true, encoding: .utf8)
        let first = capsim("sweep", study, "--out", out, "--quiet")
        #expect(first.status == 0, "\(first.err)")
        let table = try rows(out)
        #expect(table.count == 3, "two points, not three: \(table)")
        // Rows are appended as points finish; in point order:
        let points = table.dropFirst().sorted()
        #expect(points.map { CSVField.fields($0)?[2] } == [#""Q" plant"#, "x,y"], "\(table)")
        #expect(points[0].hasPrefix(#"0,1,"""Q"" plant",2021,"#) && points[1].hasPrefix(#"1,1,"x,y",2021,"#), "\(table)")
        let summary = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8).split(separator: "\n")
        #expect(Set(summary.dropFirst().map { CSVField.fields($0)?.first }) == [#""Q" plant"#, "x,y"], "\(summary)")
        let again = capsim("sweep", study, "--out", out, "--quiet")
        #expect(again.status == 0 && again.err.isEmpty, "\(again.err)")
        #expect(try rows(out).sorted() == table.sorted())
    }

    /// A folder written before values were quoted (a value with a quote written bare)
    /// resumes: its rows are read as plain fields. And `~` in a sweep file's set: removes
    /// the key, as `--set KEY=~` does.
    @Test func unquotedRowsOfEarlierSweepsAndNullValues() throws {
        let (folder, _) = try folder()
        let study = folder.appendingPathComponent("study.yaml").path, out = folder.appendingPathComponent("out").path
        try "scenario: city.yaml\nset:\n  technologies.coal.name: 'say \"hi\"'\nyears: 2021\n".write(toFile: study, atomically: true, encoding: .utf8)
        #expect(capsim("sweep", study, "--out", out, "--quiet").status == 0)
        let points = out + "/points.csv"
        let quoted = try String(contentsOfFile: points, encoding: .utf8)
        #expect(quoted.contains(#","say ""hi""","#))
        try quoted.replacingOccurrences(of: #","say ""hi""","#, with: #",say "hi","#).write(toFile: points, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: out + "/summary.csv")
        let again = capsim("sweep", study, "--out", out, "--quiet")
        #expect(again.status == 0 && FileManager.default.fileExists(atPath: out + "/summary.csv"), "\(again.err)")
        let removed = folder.appendingPathComponent("removed.yaml").path, removedOut = folder.appendingPathComponent("removed").path
        try "scenario: city.yaml\nset:\n  technologies.battery: ~\nyears: 2021\n".write(toFile: removed, atomically: true, encoding: .utf8)
        let result = capsim("sweep", removed, "--out", removedOut, "--quiet")
        #expect(result.status == 0, "\(result.err)")
        #expect(try rows(removedOut).count == 2)
    }

    @Test func emptySetItemIsRefused() throws {
        let (folder, file) = try folder()
        let result = capsim("sweep", file, "--set", "technologies.battery.capacity=0.1GW,,0.2GW", "--years", "2021", "--out", folder.appendingPathComponent("out").path)
        #expect(result.status == 2 && result.err.contains("--set technologies.battery.capacity: item 2 of 3 is empty"), "\(result.err)")
    }

    /// Two axes of which one key lies inside the other set one entry of the scenario, the
    /// later overwriting (part of) the other, while points.csv listed both values; they are
    /// refused, naming both, wherever each was given.
    @Test func overlappingKeysAreRefused() throws {
        let (folder, file) = try folder()
        let out = folder.appendingPathComponent("out").path
        let nested = capsim("sweep", file, "--set", "technologies.wind.capacity.2021=0.1GW", "--set", "technologies.wind.capacity=0.3GW", "--years", "2021", "--out", out)
        #expect(nested.status == 2, "\(nested.err)")
        #expect(nested.err.hasPrefix("capsim: --set technologies.wind.capacity.2021 and --set technologies.wind.capacity: one key lies inside the other"), "\(nested.err)")
        #expect(!FileManager.default.fileExists(atPath: out), "refused before any point ran")
        let search = capsim("sweep", file, "--minimize", "technologies.battery", "--between", "0GW...1GW", "--meets", "share_2021",
                            "--set", "technologies.battery.capacity=1GW", "--years", "2021")
        #expect(search.status == 2 && search.err.contains("--minimize technologies.battery and --set technologies.battery.capacity: one key lies inside"), "\(search.err)")
        for key in ["technologies..battery.capacity", "technologies.battery.capacity."] {
            let empty = capsim("sweep", file, "--set", "\(key)=1GW", "--years", "2021", "--out", out)
            #expect(empty.status == 2 && empty.err.contains("--set \(key): key "), "\(empty.err)")
        }
        let study = folder.appendingPathComponent("study.yaml").path
        try "scenario: city.yaml\nset:\n  technologies.wind.capacity: 0.3GW\nyears: 2021\n".write(toFile: study, atomically: true, encoding: .utf8)
        let inFile = capsim("sweep", study, "--set", "technologies.wind.capacity.2021=0.1GW", "--out", out)
        #expect(inFile.status == 2, "\(inFile.err)")
        #expect(inFile.err.contains("--set technologies.wind.capacity.2021 and the sweep file's set: technologies.wind.capacity (\(study):3:3): one key lies inside"), "\(inFile.err)")
        let minimized = capsim("sweep", study, "--minimize", "technologies.wind.capacity.2021", "--between", "0GW...1GW", "--meets", "share_2021")
        #expect(minimized.status == 2 && minimized.err.contains("--minimize technologies.wind.capacity.2021 and the sweep file's set: technologies.wind.capacity"), "\(minimized.err)")
        // Both in the file: the file's mistake (exit 1), at the later key's line.
        try "scenario: city.yaml\nset:\n  technologies.wind.capacity: 0.3GW\n  technologies.wind.capacity.2021: 0.1GW\nyears: 2021\n".write(toFile: study, atomically: true, encoding: .utf8)
        let both = capsim("sweep", study, "--out", out)
        #expect(both.status == 1, "\(both.err)")
        #expect(both.err.hasPrefix("capsim: \(study):4:3: the sweep file's set: technologies.wind.capacity.2021 and technologies.wind.capacity (line 3): one key lies inside"), "\(both.err)")
        // A --set of the very key the file sets still replaces its axis.
        try "scenario: city.yaml\nset:\n  technologies.wind.capacity: 0.3GW\nyears: 2021\n".write(toFile: study, atomically: true, encoding: .utf8)
        #expect(capsim("sweep", study, "--set", "technologies.wind.capacity=0.1GW,0.2GW", "--out", out).status == 0)
        #expect(try rows(out).count == 1 + 2)
    }

    /// A `set:` that is not a mapping (a list of mappings, a scalar) was ignored: the sweep
    /// ran the base scenario as one point. A value that is a mapping or a nested list was
    /// reported as an empty item.
    @Test func setThatIsNotAMappingOfValuesIsRefused() throws {
        let (folder, _) = try folder()
        let study = folder.appendingPathComponent("study.yaml").path, out = folder.appendingPathComponent("out").path
        let mapping = "the sweep file's set: must be a mapping of scenario key to a value or list of values"
        let scalars = "expected a scalar or a list of scalars (values with units, or ranges A...B:STEP)"
        for (set, message) in [("\n  - technologies.battery.capacity: 1GW", ":3:3: \(mapping), found a list"), (" 5", ":2:6: \(mapping), found the scalar 5"),
                               ("\n  technologies.battery.capacity: {value: 1GW}", ":3:34: the sweep file's set: technologies.battery.capacity: \(scalars), found a mapping"),
                               ("\n  technologies.battery.capacity: [1GW, [2GW]]", ":3:40: the sweep file's set: technologies.battery.capacity: \(scalars), found a list"),
                               ("\n  technologies:\n    battery: {capacity: 1GW}", ":4:5: the sweep file's set: technologies: \(scalars), found a mapping")] {
            try "scenario: city.yaml\nset:\(set)\nyears: 2021\n".write(toFile: study, atomically: true, encoding: .utf8)
            let result = capsim("sweep", study, "--out", out)
            #expect(result.status == 1 && result.err == "capsim: \(study)\(message)\n", "\(set): \(result.status) \(result.err)")
            #expect(!FileManager.default.fileExists(atPath: out), "\(set): no point ran")
        }
        // An empty set: has no axes: the sweep is over the seeds alone.
        try "scenario: city.yaml\nset:\nyears: 2021\n".write(toFile: study, atomically: true, encoding: .utf8)
        #expect(capsim("sweep", study, "--out", out).status == 0)
    }

    /// A swept value that makes the scenario invalid elsewhere — a larger annual energy the
    /// file's peak no longer covers — was reported at the file's line only, with no word
    /// of the value that caused it; so was a combination of values found invalid only when
    /// its point ran.
    @Test func invalidScenarioNamesTheSweptValues() throws {
        let (folder, file) = try folder()
        let out = folder.appendingPathComponent("out").path
        let checked = capsim("sweep", file, "--set", "demand.annual_energy=1TWh,2TWh", "--years", "2021", "--out", out)
        #expect(checked.status == 1)
        #expect(checked.err.hasPrefix(file + ":5:"), "the base scenario's line: \(checked.err)")
        #expect(checked.err.hasSuffix("\ncapsim: the scenario is invalid with demand.annual_energy=2TWh (--set)\n"), "\(checked.err)")
        // Each value passes with the other axis at its first value; point 3 combines them.
        let point = capsim("sweep", file, "--set", "demand.annual_energy=1TWh,1.5TWh", "--set", "demand.peak=0.2GW,0.16GW", "--years", "2021", "--out", out, "--jobs", "1")
        #expect(point.status == 1)
        #expect(point.err.contains("\ncapsim: point 3 of the sweep is invalid (seed 1) with demand.annual_energy=1.5TWh (--set), demand.peak=0.16GW (--set)\n"
            + "capsim: to reproduce it: `capsim run \(file) --set demand.annual_energy=1.5TWh --set demand.peak=0.16GW --seed 1`\n"), "\(point.err)")
        #expect(try rows(out).count == 1 + 3, "the other points are kept")
    }

    /// A point without an optimum stopped the sweep with only the year's message, naming
    /// neither the point nor its values; now they are named with the seed and the year, and
    /// the command given reproduces the failure. A failed point no longer stops the grid
    /// either: the others run, the failures are listed in failures.jsonl, the summary
    /// covers the rest, and a rerun tries the failed points again (and only them).
    @Test func failedPointIsNamedWithACommandToReproduceIt() throws {
        // A battery that must hold 90 % of its energy against self-discharge no generation can make up.
        func city(_ selfDischarge: String) -> String {
            Self.scenario(battery: "2 GW").replacingOccurrences(of: "duration: 2 h", with: "duration: 4 h\n    minimum_soc: 90 %\n    initial_soc: 90 %\n    self_discharge: \(selfDischarge)")
        }
        let (folder, file) = try folder(with: city("0 %/h"))
        let out = folder.appendingPathComponent("out").path
        let grid = ["sweep", file, "--set", "technologies.battery.self_discharge=10%/h,0%/h", "--seeds", "1,2", "--years", "2020...2021", "--out", out]
        let result = capsim(grid + ["--jobs", "1"])
        #expect(result.status == 4, "the projection's status: \(result.err)")
        #expect(result.err.hasPrefix("capsim: the dispatch of 2020 has no optimum"), "\(result.err)")
        let set = "--set technologies.battery.self_discharge=10%/h"
        let reproduce = "\ncapsim: to reproduce it: `capsim run \(file) \(set) --years 2020 --seed 1`; "
            + "`capsim lp export \(file) \(set) --year 2020 --from 2020 --seed 1 --out 2020.mps` writes the LP of 2020\n"
        #expect(result.err.contains("\ncapsim: point 0 of the sweep failed (seed 1, 2020) with technologies.battery.self_discharge=10%/h (--set)" + reproduce), "\(result.err)")
        #expect(result.err.contains("\ncapsim: point 1 of the sweep failed (seed 2, 2020) with technologies.battery.self_discharge=10%/h (--set)\n"), "\(result.err)")
        #expect(result.err.hasSuffix("capsim: 2 point(s) failed and are not in the summary: their values and how to reproduce each are in \(out)/failures.jsonl; "
            + "running the command again tries them again\n"), "\(result.err)")
        #expect(try rows(out).count == 1 + 2 * 2, "points 2 and 3, after the failed ones, ran: each of two years")
        #expect(result.out.contains("2 of 4 points in \(out)"), "\(result.out)")
        let failures = try FailureLog.read(folder: out)
        #expect(failures.map(\.point) == [0, 1] && failures.map(\.seed) == [1, 2] && failures.allSatisfy { $0.exitStatus == 4 && $0.years == "2020...2021" })
        #expect(failures.first?.set == ["technologies.battery.self_discharge": "10%/h"])
        #expect(failures.first?.message.hasSuffix(reproduce) == true, "\(failures.first?.message ?? "")")
        let summary = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8).split(separator: "\n")
        #expect(summary.count == 1 + 2 && summary.dropFirst().allSatisfy { $0.hasPrefix("0%/h,") }, "the points that ran: \(summary)")
        // A rerun tries the failed points again, not the others, and records them anew.
        let again = capsim(grid + ["--jobs", "2"])
        #expect(again.status == 4 && again.out.contains("2 of 4 points in \(out)"), "\(again.err)")
        #expect(try FailureLog.read(folder: out) == failures, "the same failures, the same messages")
        #expect(try rows(out).count == 1 + 2 * 2)
        // Shards each record their own failures; the merge joins them.
        let shards = (1...2).map { folder.appendingPathComponent("shard\($0)").path }
        for (index, shard) in shards.enumerated() {
            #expect(capsim(Array(grid.dropLast()) + [shard, "--shard", "\(index + 1)/2", "--jobs", "1"]).status == 4)
        }
        let joined = folder.appendingPathComponent("joined").path
        let merged = capsim("sweep", "merge", shards[0], shards[1], "--out", joined)
        #expect(merged.status == 1 && merged.err.contains("2 of 4 points are in none of the folders") && merged.err.contains("2 of them failed in their shard"), "\(merged.err)")
        #expect(try FailureLog.read(folder: joined) == failures)
        let (_, copy) = try self.folder(with: city("10 %/h"))
        let reproduced = capsim("run", copy, "--years", "2020", "--seed", "1")
        #expect(reproduced.status == 4 && reproduced.err.hasPrefix("capsim: the dispatch of 2020 has no optimum"), "\(reproduced.err)")
    }

    /// A capacity target is counted from the scenario alone: it has a status in points.csv
    /// and a fraction in summary.csv even for a year the sweep does not simulate (as the
    /// README and docs/json.md now say), unlike a dispatch target of that year.
    @Test func capacityTargetsAreCountedWithoutSimulation() throws {
        let scenario = Self.scenario() + "  - {id: wind_2020, kind: capacity, year: 2020, technologies: [wind], at_least: 0.1 GW}\n"
        let (folder, file) = try folder(with: scenario)
        let out = folder.appendingPathComponent("out").path
        #expect(capsim("sweep", file, "--set", "technologies.battery.capacity=0GW,0.1GW", "--years", "2021", "--out", out).status == 0)
        let points = try rows(out).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let summary = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let status = try #require(points[0].firstIndex(of: "target.wind_2020")), meets = try #require(summary[0].firstIndex(of: "meets.wind_2020"))
        #expect(points.dropFirst().map { $0[status] } == ["met", "met"])
        #expect(summary.dropFirst().map { $0[meets] } == ["1.0", "1.0"])
    }

    /// The table pads by display width: a value in 万千瓦 (two columns a character) used to
    /// push its row's year two columns to the right of the others.
    @Test func tableAlignsChineseValues() throws {
        let (folder, file) = try folder()
        let result = capsim("sweep", file, "--set", "technologies.battery.capacity=5万千瓦,0.1GW", "--years", "2021", "--out", folder.appendingPathComponent("out").path)
        #expect(result.status == 0, "\(result.err)")
        let rows = result.out.split(separator: "\n").filter { $0.hasPrefix("5万千瓦") || $0.hasPrefix("0.1GW") }
        #expect(rows.count == 2)
        let columns = rows.map { row in TextLayout.width(String(row[..<row.range(of: "2021")!.lowerBound])) }
        #expect(columns == [12, 12], "\(rows)")
    }

    /// Two folders holding one point with different results were reported as "point 0
    /// differs between the folders", naming neither. Both files are named, for a line of
    /// points.jsonl and for a row of points.csv, and nothing is written; a folder whose
    /// points.csv and points.jsonl disagree is refused first, naming both of its lines.
    @Test func mergeConflictsNameBothFolders() throws {
        let (url, file) = try folder()
        let (a, b, out) = (url.appendingPathComponent("a").path, url.appendingPathComponent("b").path, url.appendingPathComponent("out").path)
        for folder in [a, b] { #expect(capsim(["sweep", file] + SweepFolderTests.grid + ["--out", folder]).status == 0) }
        let json = try String(contentsOfFile: b + "/points.jsonl", encoding: .utf8), csv = try String(contentsOfFile: b + "/points.csv", encoding: .utf8)
        let expected = "expected one result in every folder that holds it (a shard run by another version of capsim, or a file edited?)\n"
        // The same point written with a space more: the same values, another line.
        let spaced = json.split(separator: "\n").map { line in line.replacingOccurrences(of: #"{"point":0,"#, with: #"{ "point":0,"#) }
        #expect(spaced.joined(separator: "\n") != json.dropLast())
        try (spaced.joined(separator: "\n") + "\n").write(toFile: b + "/points.jsonl", atomically: true, encoding: .utf8)
        let jsonConflict = capsim("sweep", "merge", a, b, "--out", out)
        #expect(jsonConflict.status == 1)
        #expect(jsonConflict.err == "capsim: point 0 differs between \(a)/points.jsonl and \(b)/points.jsonl: \(expected)")
        try json.write(toFile: b + "/points.jsonl", atomically: true, encoding: .utf8)
        var rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let share = try #require(rows[0].firstIndex(of: "non_fossil_share")), row = try #require(rows.firstIndex { $0[0] == "1" })
        let computed = rows[row][share]
        rows[row][share] = "0.5"
        try (rows.map { $0.joined(separator: ",") + "\n" }.joined()).write(toFile: b + "/points.csv", atomically: true, encoding: .utf8)
        let disagreement = capsim("sweep", "merge", a, b, "--out", out)
        #expect(disagreement.status == 1 && disagreement.err.hasPrefix("capsim: \(b)/points.csv:\(row + 1): point 1, year 2021 disagrees with \(b)/points.jsonl:")
                && disagreement.err.contains(": non_fossil_share is 0.5 in points.csv, \(computed) in points.jsonl"), "\(disagreement.err)")
        // Edited in both files alike, the row differs from the other folder's.
        let edited = json.split(separator: "\n").map { line in
            line.contains(#""point":1,"#) ? line.replacingOccurrences(of: #""non_fossil_share":\#(computed)"#, with: #""non_fossil_share":0.5"#) : String(line)
        }
        try (edited.joined(separator: "\n") + "\n").write(toFile: b + "/points.jsonl", atomically: true, encoding: .utf8)
        let csvConflict = capsim("sweep", "merge", a, b, "--out", out)
        #expect(csvConflict.status == 1)
        #expect(csvConflict.err == "capsim: point 1, year 2021 differs between \(a)/points.csv and \(b)/points.csv: \(expected)")
        #expect(!FileManager.default.fileExists(atPath: out), "nothing written")
    }

    /// `sweep merge --out` into the folder of another sweep replaced its results silently.
    @Test func mergeRefusesAnotherSweepsFolder() throws {
        let (folder, file) = try folder()
        let first = folder.appendingPathComponent("first").path, second = folder.appendingPathComponent("second").path
        #expect(capsim("sweep", file, "--set", "technologies.battery.capacity=0GW,0.1GW", "--years", "2021", "--out", first).status == 0)
        #expect(capsim("sweep", file, "--set", "technologies.battery.capacity=0.2GW", "--years", "2021", "--out", second).status == 0)
        let before = try rows(first)
        let refused = capsim("sweep", "merge", second, "--out", first)
        #expect(refused.status == 1 && refused.err.contains("\(first) holds another sweep") && refused.err.contains("--restart"), "\(refused.err)")
        #expect(try rows(first) == before)
        let unlike = capsim("sweep", "merge", first, second, "--out", folder.appendingPathComponent("joined").path)
        #expect(unlike.status == 1 && unlike.err.contains("\(second) holds another sweep (fingerprint ") && unlike.err.hasSuffix(
            ": the axes: technologies.battery.capacity=0GW,0.1GW in \(first), technologies.battery.capacity=0.2GW in \(second))\n"), "\(unlike.err)")
        #expect(capsim("sweep", "merge", second, "--out", first, "--restart").status == 0)
        #expect(capsim("sweep", "merge", second, "--out", first).status == 0, "the same sweep merged again")
        #expect(try rows(first) == rows(second))
    }

    /// A row of points.csv damaged before the last line (by hand: no crash does that) was
    /// found only after the remaining points had run; now before any does.
    @Test func damagedRowIsFoundBeforeAnyPointRuns() throws {
        let (folder, file) = try folder()
        let out = folder.appendingPathComponent("out").path
        let arguments = ["sweep", file, "--set", "technologies.battery.capacity=0GW...0.1GW:0.05GW", "--years", "2021", "--out", out]
        #expect(capsim(arguments).status == 0)
        let original = try rows(out)
        var lines = original
        lines[2] = lines[2].dropLast(30)
        try (lines.joined(separator: "\n") + "\n").write(toFile: out + "/points.csv", atomically: true, encoding: .utf8)
        let json = try String(contentsOfFile: out + "/points.jsonl", encoding: .utf8).split(separator: "\n")
        try (json.dropLast().joined(separator: "\n") + "\n").write(toFile: out + "/points.jsonl", atomically: true, encoding: .utf8)
        let damaged = capsim(arguments)
        #expect(damaged.status == 1)
        #expect(damaged.err.contains(out + "/points.csv:3: a row that does not match the header of this sweep"), "\(damaged.err)")
        #expect(try String(contentsOfFile: out + "/points.jsonl", encoding: .utf8).split(separator: "\n").count == 2, "no point ran")
        // A whole line of points.jsonl that is not JSON was dropped and its point run again.
        try (original.joined(separator: "\n") + "\n").write(toFile: out + "/points.csv", atomically: true, encoding: .utf8)
        try (json.dropLast().map { $0 == json[1] ? String($0.dropLast(5)) : String($0) }.joined(separator: "\n") + "\n")
            .write(toFile: out + "/points.jsonl", atomically: true, encoding: .utf8)
        let cut = capsim(arguments)
        #expect(cut.status == 1)
        #expect(cut.err.contains(out + "/points.jsonl:2: a line that is not a point of this sweep in JSON (a damaged or edited line)"), "\(cut.err)")
        // Zero bytes a power cut can leave are shown escaped, not sent to the terminal.
        try (String(json[0]) + "\n\0\0\0\n").write(toFile: out + "/points.jsonl", atomically: true, encoding: .utf8)
        let zeros = capsim(arguments)
        #expect(zeros.status == 1 && zeros.err.contains("(a damaged or edited line): \\u{0}\\u{0}\\u{0}\n") && !zeros.err.contains("\0"), "\(zeros.err)")
        // A plausible number edited in points.csv alone was summarised as if computed.
        try (json.joined(separator: "\n") + "\n").write(toFile: out + "/points.jsonl", atomically: true, encoding: .utf8)
        var fields = original[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let share = try #require(original[0].split(separator: ",").firstIndex(of: "non_fossil_share"))
        let computed = fields[share]
        fields[share] = "0.5"
        try ((original.prefix(2).map(String.init) + [fields.joined(separator: ","), String(original[3])]).joined(separator: "\n") + "\n")
            .write(toFile: out + "/points.csv", atomically: true, encoding: .utf8)
        let edited = capsim(arguments)
        #expect(edited.status == 1 && edited.err.contains(out + "/points.csv:3: point \(fields[0]), year 2021 disagrees with \(out)/points.jsonl:")
                && edited.err.contains(": non_fossil_share is 0.5 in points.csv, \(computed) in points.jsonl (an edited line)"), "\(edited.err)")
        // A row cut inside a character is a cut last line, dropped; a whole line that is not
        // UTF-8 is refused at its line. Either way read as an empty file, it discarded every
        // point done, and a failure recorded before was deleted by the refused run.
        let csv = (original.joined(separator: "\n") + "\n").data(using: .utf8)!, jsonl = (json.joined(separator: "\n") + "\n").data(using: .utf8)!
        try (csv + Data([0x39, 0x2C, 0xE4, 0xBA])).write(to: URL(fileURLWithPath: out + "/points.csv"))
        try jsonl.write(to: URL(fileURLWithPath: out + "/points.jsonl"))
        let mid = capsim(arguments)
        #expect(mid.status == 0 && mid.out.contains("3 of 3 points in"), "\(mid.err)")
        #expect(try rows(out) == original, "no point was run again")
        try "{\"point\": 9}\n".write(toFile: out + "/failures.jsonl", atomically: true, encoding: .utf8)
        try (csv + Data([0xFF, 0x0A])).write(to: URL(fileURLWithPath: out + "/points.csv"))
        let stray = capsim(arguments)
        #expect(stray.status == 1 && stray.err.contains(out + "/points.csv:5: a line that is not UTF-8 text (a damaged line)"), "\(stray.err)")
        #expect(FileManager.default.fileExists(atPath: out + "/failures.jsonl"), "a refused run changes nothing")
    }

    /// A folder under a file: the message says so in words, not as NSCocoaErrorDomain 512.
    @Test func folderUnderAFileIsNamed() throws {
        let (folder, file) = try folder()
        let out = folder.appendingPathComponent("city.yaml/out").path
        let grid = capsim("sweep", file, "--set", "technologies.battery.capacity=0GW", "--years", "2021", "--out", out)
        #expect(grid.status == 1 && grid.err.contains("cannot create the folder \(out): \(file) is a file, not a folder"), "\(grid.err)")
    }

    /// Without wind or battery, load is all served once coal covers the peak: 0.2 GW.
    @Test func searchFindsTheCapacityThatCoversThePeak() throws {
        let (_, file) = try folder(with: Self.scenario(battery: "0 GW", wind: "0 GW"))
        let result = capsim("sweep", file, "--minimize", "technologies.coal.capacity", "--between", "0.1GW...0.3GW", "--tolerance", "0.001GW",
                            "--meets", "reliable_2021", "--years", "2021")
        #expect(result.status == 0, "\(result.err)")
        let answer = try #require(result.out.split(separator: "\n").last { $0.hasPrefix("smallest") })
        let value = try #require(Double(answer.split(separator: ":").last!.trimmingCharacters(in: .whitespaces).split(separator: " ")[0]))
        #expect(value >= 0.2 - 1e-9 && value <= 0.201 + 1e-9, "\(answer)")
        // Met at the lower end already: no threshold is bracketed, and the output says so.
        let low = capsim("sweep", file, "--minimize", "technologies.coal.capacity", "--between", "0.25GW...0.3GW", "--meets", "reliable_2021", "--years", "2021")
        #expect(low.status == 0 && low.out.contains("reliable_2021 is met already at the lower end, 0.25 GW: the smallest technologies.coal.capacity"), "\(low.out)")
        // Met at zero: nothing lies below it to widen the interval to.
        let (_, windy) = try folder()
        let zero = capsim("sweep", windy, "--minimize", "technologies.battery.capacity", "--between", "0GW...0.1GW", "--meets", "share_2021", "--years", "2021")
        #expect(zero.status == 0 && zero.out.contains("share_2021 is met already at 0 GW: no technologies.battery.capacity is needed to meet it"), "\(zero.out)")
        // Never met: exit 3, as `run --check` says a target is missed.
        let never = capsim("sweep", file, "--minimize", "technologies.coal.capacity", "--between", "0.05GW...0.1GW", "--meets", "reliable_2021", "--years", "2021")
        #expect(never.status == 3 && never.out.contains("reliable_2021 is not met even at 0.1 GW"), "\(never.out) \(never.err)")
    }
}
