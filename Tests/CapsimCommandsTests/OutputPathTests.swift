import Foundation
import Testing
@testable import CapsimCommands
import Reports

/// Output paths checked before anything is computed: outputs that are one file, or that
/// are an input, are a usage error naming both (exit 2); a path that cannot be written
/// says why (exit 1). Each case was found overwriting a file or failing after the work.
@Suite struct OutputPathTests: CommandRunner {
    /// The small city of `RunCommandTests` in a folder of its own; the folder is resolved
    /// so that messages can be compared whole.
    func city() throws -> (folder: String, file: String) {
        let folder = PathResolution.resolved(try temporaryFolder().path)
        let file = folder + "/city.yaml"
        try RunCommandTests.scenario(shareTarget: "5 %").write(toFile: file, atomically: true, encoding: .utf8)
        return (folder, file)
    }

    /// `--json -` of run and capacity prints the JSON (and only it: a pipe to `jq` must
    /// not meet the text summary) and writes no file; every other output refuses a dash
    /// rather than make a file or folder named `-` (which `--json -` once did).
    @Test func aDashIsStandardOutputForJSONAndRefusedElsewhere() throws {
        let (folder, file) = try city()
        let here = FileManager.default.currentDirectoryPath
        let run = capsim("run", file, "--years", "2021", "--json", "-")
        #expect(run.status == 0, "\(run.err)")
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        #expect(printed["schema"] as? String == "capsim.run/1")
        #expect((printed["years"] as? [[String: Any]])?.compactMap { $0["year"] as? Int } == [2021])
        #expect(run.out.hasSuffix("}\n") && !run.out.hasSuffix("\n\n"))
        let written = folder + "/run.json"
        #expect(capsim("run", file, "--years", "2021", "--json", written).status == 0)
        // The file ends with its line break too (it had none).
        #expect(try String(contentsOfFile: written, encoding: .utf8).hasSuffix("}\n"))
        let fromFile = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: written))) as? [String: Any])
        let share = { (document: [String: Any]) in (document["years"] as? [[String: Any]])?.first?["non_fossil_share"] as? Double }
        #expect(share(printed) != nil && share(printed) == share(fromFile), "the same results as --json FILE")
        #expect(fromFile.keys.sorted() == printed.keys.sorted())
        let capacity = capsim("capacity", file, "--json", "-")
        #expect(capacity.status == 0, "\(capacity.err)")
        let card = try #require(try JSONSerialization.jsonObject(with: Data(capacity.out.utf8)) as? [String: Any])
        #expect(card["schema"] as? String == "capsim.capacity/1")
        let reason = "a dash, which only --json of run and capacity take as standard output: write ./- for a file named -"
        let refused: [([String], String)] = [
            (["run", file, "--html", "-"], "capsim: cannot write -: \(reason)\n"),
            (["run", file, "--csv", "-"], "capsim: cannot create the folder -: \(reason)\n"),
            (["lp", "export", file, "--year", "2021", "--out", "-"], "capsim: cannot write -: \(reason)\n"),
        ]
        for (arguments, message) in refused {
            let result = capsim(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.err == message, "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: here + "/-"), "no file or folder named -")
    }

    @Test func runOutputsThatAreOneFileAreRefused() throws {
        let (folder, file) = try city()
        let same = capsim("run", file, "--json", folder + "/x", "--html", folder + "/./x")
        #expect(same.status == 2)
        #expect(same.err == "capsim: --json \(folder)/x and --html \(folder)/./x are one file (\(folder)/x): expected each output at its own path\n")
        try FileManager.default.createDirectory(atPath: folder + "/c", withIntermediateDirectories: true)
        let inFolder = capsim("run", file, "--json", folder + "/c/hourly-2021.csv", "--csv", folder + "/c/../c", "--hourly")
        #expect(inFolder.status == 2)
        #expect(inFolder.err.contains("--json \(folder)/c/hourly-2021.csv and hourly-2021.csv of --csv \(folder)/c/../c are one file"), "\(inFolder.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/c").isEmpty, "nothing written")
        #expect(!FileManager.default.fileExists(atPath: folder + "/x"))
    }

    /// The scenario, a file it extends and a CSV series it reads are inputs; a link to one
    /// of them is that file.
    @Test func outputsOverTheScenarioOrItsFilesAreRefused() throws {
        let (folder, file) = try city()
        let load = folder + "/load.csv"
        try ("load_mw\n" + String(repeating: "1\n", count: 8760)).write(toFile: load, atomically: true, encoding: .utf8)
        let child = folder + "/child.yaml"
        try "extends: city.yaml\ndemand: {hourly_csv: load.csv}\n".write(toFile: child, atomically: true, encoding: .utf8)
        #expect(symlink("city.yaml", folder + "/link.yaml") == 0)
        let original = try String(contentsOfFile: file, encoding: .utf8)
        let cases: [([String], String)] = [
            (["run", file, "--json", folder + "/link.yaml"], "--json \(folder)/link.yaml would replace the scenario \(file) (both are \(file))"),
            (["run", child, "--html", file], "--html \(file) would replace \(file), which the scenario extends"),
            (["run", child, "--csv", folder, "--hourly", "--json", load], "--json \(load) would replace \(load), a series the scenario reads"),
            (["capacity", file, "--json", file], "--json \(file) would replace the scenario \(file)"),
            (["profiles", child, "--year", "2020", "--out", load], "--out \(load) would replace \(load), a series the scenario reads"),
            (["lp", "export", child, "--year", "2020", "--out", file], "--out \(file) would replace \(file), which the scenario extends"),
        ]
        for (arguments, message) in cases {
            let result = capsim(arguments)
            #expect(result.status == 2 && result.err.hasPrefix("capsim: " + message), "\(arguments): \(result.err)")
            #expect(result.err.hasSuffix("expected an output path that is not an input\n"))
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == original)
        #expect(try String(contentsOfFile: load, encoding: .utf8).count == 8 + 2 * 8760)
    }

    /// "café" precomposed (NFC) and decomposed (NFD) are two files on Linux, but Swift's
    /// String == counts them as one: the scenario's other spelling was refused as
    /// replacing it, and two outputs so named as one file.
    @Test func namesThatOnlyLookAlikeAreDifferentFiles() throws {
        let (folder, file) = try city()
        let precomposed = folder + "/caf\u{E9}", decomposed = folder + "/cafe\u{301}"
        #expect(Array(precomposed.utf8) != Array(decomposed.utf8) && precomposed == decomposed, "one String, two names")
        try FileManager.default.copyItem(atPath: file, toPath: precomposed + ".yaml")
        let capacity = capsim("capacity", precomposed + ".yaml", "--json", decomposed + ".yaml")
        #expect(capacity.status == 0, "\(capacity.err)")
        #expect(try String(contentsOfFile: precomposed + ".yaml", encoding: .utf8) == String(contentsOfFile: file, encoding: .utf8), "the scenario kept")
        let run = capsim("run", file, "--years", "2020", "--json", precomposed + ".json", "--html", decomposed + ".json")
        #expect(run.status == 0, "\(run.err)")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder).map { Array($0.utf8) })
        for name in ["caf\u{E9}.yaml", "cafe\u{301}.yaml", "caf\u{E9}.json", "cafe\u{301}.json"] { #expect(names.contains(Array(name.utf8)), "\(name)") }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: precomposed + ".json"))) as? [String: Any]
        #expect(json?["schema"] as? String == "capsim.run/1")
        #expect(try String(contentsOfFile: decomposed + ".json", encoding: .utf8).hasPrefix("<!DOCTYPE html"))
        let same = capsim("capacity", precomposed + ".yaml", "--json", folder + "/./caf\u{E9}.yaml")
        #expect(same.status == 2 && same.err.hasPrefix("capsim: --json \(folder)/./caf\u{E9}.yaml would replace the scenario"), "one spelling is still one file")
    }

    /// A file output at the path of an output folder (`sweep --out DD --html DD`, `run
    /// --csv EE --json EE`) failed with "cannot write DD: it is a folder" once everything
    /// was computed, losing the report and leaving the folder behind. Refused before
    /// anything is computed or made, naming both options; so is a folder above one.
    @Test func aFileWhereAnOutputFolderGoesIsRefused() throws {
        let (folder, file) = try city()
        let tail = "expected a file path apart from the folder, which the command makes and writes into\n"
        let shard = folder + "/shard"
        #expect(capsim("sweep", file, "--set", "technologies.coal.capacity=0.15GW", "--years", "2020", "--out", shard).status == 0)
        let cases: [([String], String)] = [
            (["run", file, "--years", "2020", "--csv", folder + "/EE", "--json", folder + "/EE"], "--json \(folder)/EE is the folder of --csv \(folder)/EE (\(folder)/EE)"),
            (["run", file, "--years", "2020", "--csv", folder + "/EE/x", "--html", folder + "/EE"], "--html \(folder)/EE is a folder above --csv \(folder)/EE/x (\(folder)/EE)"),
            (["sweep", file, "--set", "technologies.coal.capacity=0.15GW", "--years", "2020", "--out", folder + "/EE", "--html", folder + "/./EE"],
             "--html \(folder)/./EE is the folder of --out \(folder)/EE (\(folder)/EE)"),
            (["sweep", "merge", shard, "--out", folder + "/EE", "--html", folder + "/EE"], "--html \(folder)/EE is the folder of --out \(folder)/EE (\(folder)/EE)"),
        ]
        for (arguments, message) in cases {
            let result = capsim(arguments)
            #expect(result.status == 2 && result.err == "capsim: \(message): \(tail)", "\(arguments): \(result.err)")
            #expect(result.out.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: folder + "/EE"), "\(arguments): nothing made")
        }
    }

    /// A run stopped before the end over an earlier run's outputs left a mix: its own
    /// annual.csv and hourly files of the years done beside the earlier run's hourly files,
    /// targets.csv, JSON and report. The files it will write are removed before the first
    /// year, and nothing else.
    @Test func aRunStoppedEarlyLeavesOnlyItsOwnResults() throws {
        let (folder, file) = try city()
        let csv = folder + "/c", json = folder + "/run.json", html = folder + "/run.html"
        let outputs = ["run", file, "--csv", csv, "--hourly", "--json", json, "--html", html]
        #expect(capsim(outputs).status == 0)
        try "mine\n".write(toFile: csv + "/notes.txt", atomically: true, encoding: .utf8)
        let earlier = try String(contentsOfFile: csv + "/hourly-2020.csv", encoding: .utf8)
        // Coal that must run at 0.6 GW in 2021, above the load: 2021 cannot be dispatched.
        let scenario = try String(contentsOfFile: file, encoding: .utf8)
            .replacingOccurrences(of: "capacity: 0.3 GW", with: "capacity: {2020: 0.3 GW, 2021: 3 GW}")
            .replacingOccurrences(of: "minimum_stable_load: 0 %", with: "minimum_stable_load: 20 %")
        try scenario.write(toFile: file, atomically: true, encoding: .utf8)
        let stopped = capsim(outputs + ["--seed", "7"])
        #expect(stopped.status == 1 && stopped.err.contains("2020 done") && !stopped.err.contains("2021 done"), "\(stopped.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: csv).sorted() == ["annual.csv", "hourly-2020.csv", "notes.txt"])
        #expect(try String(contentsOfFile: csv + "/hourly-2020.csv", encoding: .utf8) != earlier, "this run's weather")
        #expect(try String(contentsOfFile: csv + "/annual.csv", encoding: .utf8).split(separator: "\n").count == 2, "the header and 2020")
        #expect(!FileManager.default.fileExists(atPath: json) && !FileManager.default.fileExists(atPath: html))
    }

    /// A run of fewer years, or without --hourly, into a folder of an earlier run with
    /// --hourly left that run's hourly files beside an annual.csv they contradict (another
    /// seed's weather): every hourly-YEAR.csv there is removed first, and only those.
    @Test func aRunRemovesEveryEarlierHourlyFile() throws {
        let (folder, file) = try city()
        let csv = folder + "/c"
        #expect(capsim("run", file, "--csv", csv, "--hourly").status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: csv).filter(RunCommand.isHourlyFile).count == 2)
        for kept in ["hourly-notes.csv", "hourly-20201.csv", "my-hourly-2020.csv"] { try "mine\n".write(toFile: csv + "/" + kept, atomically: true, encoding: .utf8) }
        let alone = capsim("run", file, "--csv", csv, "--years", "2021", "--hourly", "--seed", "7")
        #expect(alone.status == 0, "\(alone.err)")
        let listing = try FileManager.default.contentsOfDirectory(atPath: csv).sorted()
        #expect(listing == ["annual.csv", "hourly-20201.csv", "hourly-2021.csv", "hourly-notes.csv", "my-hourly-2020.csv", "targets.csv"], "\(listing)")
        #expect(capsim("run", file, "--csv", csv, "--seed", "7").status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: csv).filter(RunCommand.isHourlyFile) == [])
    }

    /// `lp solve --solution` over its own MPS file is refused, and a folder that does not
    /// exist is found before the solve (it was found after it, as "No such file or directory").
    @Test func lpSolutionIsCheckedBeforeSolving() throws {
        let (folder, file) = try city()
        let mps = folder + "/y.mps"
        #expect(capsim("lp", "export", file, "--year", "2020", "--out", mps).status == 0)
        let mpsText = try String(contentsOfFile: mps, encoding: .utf8)
        let over = capsim("lp", "solve", mps, "--solution", folder + "/./y.mps")
        #expect(over.status == 2 && over.err == "capsim: --solution \(folder)/./y.mps would replace the LP \(mps) (both are \(mps)): expected an output path that is not an input\n")
        #expect(try String(contentsOfFile: mps, encoding: .utf8) == mpsText)
        let missing = capsim("lp", "solve", mps, "--solution", folder + "/none/y.csv")
        #expect(missing.status == 1 && missing.err == "capsim: cannot write \(folder)/none/y.csv: the folder \(folder)/none does not exist\n")
        #expect(missing.out.isEmpty, "no solve, no report")
    }

    /// Bad paths say what is wrong, before any year is solved.
    @Test func badPathsAreNamedBeforeTheWork() throws {
        let (folder, file) = try city()
        #expect(FileManager.default.createFile(atPath: folder + "/afile", contents: Data()))
        let underFile = capsim("run", file, "--csv", folder + "/afile/sub")
        #expect(underFile.status == 1)
        #expect(underFile.err == "capsim: cannot create the folder \(folder)/afile/sub: \(folder)/afile is a file, not a folder\n")
        let empty = capsim("run", file, "--json", "")
        #expect(empty.status == 1 && empty.err == "capsim: cannot write \"\": an empty path, expected a name\n")
        try FileManager.default.createDirectory(atPath: folder + "/c/annual.csv", withIntermediateDirectories: true)
        let tableIsFolder = capsim("run", file, "--csv", folder + "/c")
        #expect(tableIsFolder.status == 1 && tableIsFolder.err == "capsim: cannot write \(folder)/c/annual.csv: it is a folder\n")
        for arguments in [["profiles", file, "--year", "2020", "--out", folder + "/none/p.csv"], ["capacity", file, "--json", folder + "/none/c.json"]] {
            let result = capsim(arguments)
            #expect(result.status == 1 && result.err == "capsim: cannot write \(arguments.last!): the folder \(folder)/none does not exist\n", "\(result.err)")
            #expect(result.out.isEmpty)
        }
        // A --json inside the --csv folder about to be made can be written.
        let inside = capsim("run", file, "--years", "2020", "--csv", folder + "/new", "--json", folder + "/new/run.json")
        #expect(inside.status == 0, "\(inside.err)")
        #expect(FileManager.default.fileExists(atPath: folder + "/new/run.json") && FileManager.default.fileExists(atPath: folder + "/new/annual.csv"))
    }

    /// A read-only --csv folder was found only after the first year was solved.
    @Test(.enabled(if: getuid() != 0, "root writes into a read-only folder"))
    func readOnlyCSVFolderIsFoundBeforeSolving() throws {
        let (folder, file) = try city()
        try FileManager.default.createDirectory(atPath: folder + "/locked", withIntermediateDirectories: true)
        #expect(chmod(folder + "/locked", 0o555) == 0)
        let result = capsim("run", file, "--csv", folder + "/locked")
        #expect(result.status == 1 && result.err == "capsim: cannot write \(folder)/locked/annual.csv: the folder \(folder)/locked is not writable\n")
    }

    /// A link to a file not made yet: the file is made where it points (the link had been
    /// replaced by a plain file); a name of 240 bytes can be written.
    @Test func linksAndLongNamesAreWritten() throws {
        let (folder, file) = try city()
        try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: true)
        #expect(symlink("real/target.json", folder + "/dangling") == 0)
        #expect(capsim("capacity", file, "--json", folder + "/dangling").status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/dangling") == "real/target.json")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/real/target.json"))) as? [String: Any]
        #expect(document?["years"] as? [Int] == [2020, 2021])
        let long = folder + "/" + String(repeating: "b", count: 236) + ".csv"
        let profiles = capsim("profiles", file, "--year", "2020", "--out", long)
        #expect(profiles.status == 0, "\(profiles.err)")
        #expect(try String(contentsOfFile: long, encoding: .utf8).split(separator: "\n").count == 1 + 8760)
    }

    /// A rerun with --html over points.csv had replaced every point computed with HTML; a
    /// merge found an unwritable --html only after writing summary.csv.
    @Test func sweepOutputsAreCheckedBeforeAnyPoint() throws {
        let folder = PathResolution.resolved(try temporaryFolder().path)
        let file = folder + "/city.yaml", first = folder + "/first", merged = folder + "/merged"
        try SweepCommandTests.scenario().write(toFile: file, atomically: true, encoding: .utf8)
        let grid = ["sweep", file, "--set", "technologies.battery.capacity=0GW", "--years", "2021", "--out", first]
        #expect(capsim(grid).status == 0)
        let points = try String(contentsOfFile: first + "/points.csv", encoding: .utf8)
        let overPoints = capsim(grid + ["--html", first + "/points.csv"])
        #expect(overPoints.status == 2)
        #expect(overPoints.err == "capsim: --html \(first)/points.csv and points.csv of --out \(first) are one file (\(first)/points.csv): expected each output at its own path\n")
        #expect(try String(contentsOfFile: first + "/points.csv", encoding: .utf8) == points)
        let overScenario = capsim(grid + ["--html", file])
        #expect(overScenario.status == 2 && overScenario.err.hasPrefix("capsim: --html \(file) would replace the scenario \(file)"), "\(overScenario.err)")
        let overShard = capsim("sweep", "merge", first, "--out", merged, "--html", first + "/points.jsonl")
        #expect(overShard.status == 2 && overShard.err.hasPrefix("capsim: --html \(first)/points.jsonl would replace points.jsonl of the shard \(first)"), "\(overShard.err)")
        let nowhere = capsim("sweep", "merge", first, "--out", merged, "--html", folder + "/none/report.html")
        #expect(nowhere.status == 1 && nowhere.err == "capsim: cannot write \(folder)/none/report.html: the folder \(folder)/none does not exist\n")
        #expect(!FileManager.default.fileExists(atPath: merged + "/summary.csv"), "refused before merging")
        let inside = capsim("sweep", "merge", first, "--out", merged, "--html", merged + "/report.html")
        #expect(inside.status == 0, "\(inside.err)")
        #expect(try String(contentsOfFile: merged + "/points.csv", encoding: .utf8) == points)
        #expect(FileManager.default.fileExists(atPath: merged + "/report.html"))
    }
}
