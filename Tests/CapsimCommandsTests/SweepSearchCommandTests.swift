import Foundation
import Testing
@testable import CapsimCommands

/// `capsim sweep --minimize`: what a search refuses before it evaluates anything, and its
/// `--out` folder.
@Suite struct SweepSearchCommandTests: CommandRunner {
    static let search = ["--minimize", "technologies.coal.capacity", "--between", "0.1GW...0.3GW", "--tolerance", "0.1GW", "--meets", "reliable_2021",
                         "--years", "2021"]

    /// The grid's options were accepted by a search and ignored; `--restart` is the
    /// search's too, but discards nothing without `--out`.
    @Test func gridOptionsAreRefused() throws {
        let (folder, file) = try SweepCommandTests().folder()
        for option in [["--shard", "1/2"], ["--html", folder.appendingPathComponent("r.html").path], ["--report-year", "2021"]] {
            let result = capsim(["sweep", file] + Self.search + option)
            #expect(result.status == 2 && result.err.contains("\(option[0]) is an option of the grid"), "\(option): \(result.err)")
            #expect(!result.out.contains("Searching"), "\(option)")
        }
        let restart = capsim(["sweep", file] + Self.search + ["--restart"])
        #expect(restart.status == 2 && restart.err.contains("--restart discards the values of another search in the --out folder: give --out DIR too"), "\(restart.err)")
    }

    /// A capacity target is counted from the scenario alone, so a search on it need not
    /// project its year: one of 2021 was refused with --years 2020 ("a year the search does
    /// not project"), and 0.3 GW of coal is found between 0.1 and 0.5 GW. A dispatch target
    /// of a year not projected is still refused.
    @Test func aCapacityTargetNeedsNoYearOfItsOwn() throws {
        let text = SweepCommandTests.scenario() + "  - {id: coal_2021, kind: capacity, year: 2021, technologies: [coal], at_least: 0.3 GW}\n"
        let (_, file) = try SweepCommandTests().folder(with: text)
        let search = ["sweep", file, "--minimize", "technologies.coal.capacity", "--between", "0.1GW...0.5GW", "--tolerance", "0.01GW", "--years", "2020"]
        let capacity = capsim(search + ["--meets", "coal_2021"])
        #expect(capacity.status == 0, "\(capacity.err)")
        let answer = try #require(capacity.out.split(separator: "\n").last { $0.contains("smallest") || $0.contains("GW") })
        #expect(answer.contains("0.3"), "\(capacity.out)")
        let dispatch = capsim(search + ["--meets", "reliable_2021"])
        #expect(dispatch.status == 2 && dispatch.err.contains("a year the search does not project"), "\(dispatch.err)")
    }

    /// A rerun of an interrupted search rewrote search.csv with its header alone, throwing
    /// away what had been evaluated. The same search takes the rows recorded (in the order
    /// the bisection asks for them) and evaluates only the rest, ending as an uninterrupted
    /// search; an edited row or a changed search is refused, and --restart starts afresh.
    @Test func interruptedSearchResumesWithoutEvaluatingAgain() throws {
        let (folder, file) = try SweepCommandTests().folder()
        let search = ["sweep", file, "--minimize", "technologies.coal.capacity", "--between", "0.1GW...0.3GW", "--tolerance", "0.05GW", "--meets", "reliable_2021",
                      "--years", "2021", "--seeds", "1,2", "--out"]
        let whole = folder.appendingPathComponent("whole").path, cut = folder.appendingPathComponent("cut").path
        let uninterrupted = capsim(search + [whole])
        #expect(uninterrupted.status == 0, "\(uninterrupted.err)")
        let rows = try String(contentsOfFile: whole + "/search.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rows == ["value,seeds_meeting,seeds,meets", "0.3 GW,2,2,true", "0.1 GW,0,2,false", "0.2 GW,2,2,true", "0.15 GW,0,2,false"])
        // Stopped during its third value, as a run would leave it; one seed of 0.1 GW recorded
        // as meeting (still "false"), which only a value taken, not evaluated again, keeps.
        try FileManager.default.createDirectory(atPath: cut, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: whole + "/search.json", toPath: cut + "/search.json")
        let recorded = [rows[0], rows[1], "0.1 GW,1,2,false"]
        try (recorded.joined(separator: "\n") + "\n0.2 GW,2,").write(toFile: cut + "/search.csv", atomically: true, encoding: .utf8)
        let resumed = capsim(search + [cut])
        #expect(resumed.status == 0, "\(resumed.err)")
        #expect(resumed.out.contains("  (2 value(s) from \(cut)/search.csv, evaluated by an earlier run of this search)\n"), "\(resumed.out)")
        #expect(resumed.out.split(separator: "\n").last == uninterrupted.out.split(separator: "\n").last, "\(resumed.out)")
        #expect(try String(contentsOfFile: cut + "/search.csv", encoding: .utf8) == (recorded + rows[3...]).map { $0 + "\n" }.joined())
        // A row that is not the value the search asks for there, a damaged row, a changed search.
        for (text, options, message) in [("0.25 GW,2,2,true\n", [], "\(cut)/search.csv:2: expected 0.3 GW,2,2,true (the search's value 1, of 2 seed(s)), found 0.25 GW,2,2,true (an edited line): run the search again with --restart to discard its values"),
                                         ("0.3 GW,2,2,true\n0.1 GW,0\n", [], "\(cut)/search.csv:3: a row that is not value,seeds_meeting,seeds,meets (a damaged or edited line): 0.1 GW,0"),
                                         ("", ["--probability", "0.5"], "the scenario or the search changed (the probability: 1.0 in \(cut), 0.5 now). Use another --out folder, or --restart to discard the values there")] {
            let before = rows[0] + "\n" + text
            try before.write(toFile: cut + "/search.csv", atomically: true, encoding: .utf8)
            let refused = capsim(search + [cut] + options)
            #expect(refused.status == 1 && refused.err.contains(message), "\(refused.err)")
            #expect(try String(contentsOfFile: cut + "/search.csv", encoding: .utf8) == before, "\(options)")
        }
        #expect(capsim(search + [cut, "--restart"]).status == 0)
        #expect(try String(contentsOfFile: cut + "/search.csv", encoding: .utf8) == String(contentsOfFile: whole + "/search.csv", encoding: .utf8))
    }

    /// Fixed keys given in another order are the same search: its rows are taken, not
    /// refused as another search's.
    @Test func fixedKeysInAnotherOrderAreTheSameSearch() throws {
        let (folder, file) = try SweepCommandTests().folder()
        let out = folder.appendingPathComponent("out").path
        let search = ["sweep", file, "--minimize", "technologies.coal.capacity", "--between", "0.1GW...0.3GW", "--tolerance", "0.1GW",
                      "--meets", "reliable_2021", "--years", "2021", "--out", out]
        let battery = ["--set", "technologies.battery.capacity=0GW"], wind = ["--set", "technologies.wind.full_load_hours=2000 h"]
        #expect(capsim(search + battery + wind).status == 0)
        let again = capsim(search + wind + battery)
        #expect(again.status == 0, "\(again.err)")
        #expect(again.out.contains("value(s) from \(out)/search.csv, evaluated by an earlier run of this search"), "\(again.out)")
    }

    /// A misspelt key or an interval of the wrong kind failed only at the first point,
    /// after "Searching…", named as a `--set` the user never gave.
    @Test func wrongKeyOrIntervalIsRefusedBeforeSearching() throws {
        let (_, file) = try SweepCommandTests().folder()
        for (key, between, message) in [("technologies.nosuch.capacity", "0.1GW...0.3GW", "--minimize technologies.nosuch.capacity --between 0.1GW...0.3GW: technologies.nosuch.capacity: found no key technologies.nosuch"),
                                        ("technologies.coal.capacity", "2h...4h", "--minimize technologies.coal.capacity --between 2h...4h: technologies.coal.capacity: found \"2 h\", a time")] {
            let result = capsim("sweep", file, "--minimize", key, "--between", between, "--meets", "reliable_2021", "--years", "2021")
            #expect(result.status == 2 && result.err.contains(message), "\(result.err)")
            #expect(!result.out.contains("Searching"), "\(result.out)")
        }
    }

    /// A tolerance finer than the 9 decimals the values tried are written to is refused
    /// (1e-300 GW searched for ever, trying one written value again and again); 1e-8 of
    /// the unit is accepted.
    @Test func aToleranceBelowTheWrittenResolutionIsRefused() throws {
        let (_, file) = try SweepCommandTests().folder()
        let fine = capsim("sweep", file, "--minimize", "technologies.coal.capacity", "--between", "0.1GW...0.3GW", "--tolerance", "1e-300GW",
                          "--meets", "reliable_2021", "--years", "2021")
        #expect(fine.status == 2 && fine.err.contains("--tolerance 1e-300GW: expected at least 1e-08 GW (the values tried are written to 9 decimals of GW)"), "\(fine.err)")
        #expect(!fine.out.contains("Searching"))
    }

    /// `--out` is made ready before the first evaluation: a folder under a file was found
    /// after every point had run, and the answer lost; a grid's folder is refused (search.csv
    /// was added beside its results); an empty one or a previous search's is used.
    @Test func outFolderIsReadyBeforeTheFirstEvaluation() throws {
        let (folder, file) = try SweepCommandTests().folder()
        let underFile = folder.appendingPathComponent("city.yaml/out").path
        let blocked = capsim(["sweep", file] + Self.search + ["--out", underFile])
        #expect(blocked.status == 1 && blocked.err.contains("cannot create the folder \(underFile): \(file) is a file, not a folder"), "\(blocked.err)")
        #expect(!blocked.out.contains("seeds meet"), "no value evaluated: \(blocked.out)")
        let grid = folder.appendingPathComponent("grid").path
        #expect(capsim("sweep", file, "--set", "technologies.battery.capacity=0GW", "--years", "2021", "--out", grid).status == 0)
        let onGrid = capsim(["sweep", file] + Self.search + ["--out", grid])
        #expect(onGrid.status == 1 && onGrid.err.contains("\(grid) holds the results of a grid sweep"), "\(onGrid.err)")
        #expect(!FileManager.default.fileExists(atPath: grid + "/search.csv"))
        let out = folder.appendingPathComponent("search").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        for run in 1...2 {
            let result = capsim(["sweep", file] + Self.search + ["--out", out])
            #expect(result.status == 0, "run \(run): \(result.err)")
            #expect(try String(contentsOfFile: out + "/search.csv", encoding: .utf8)
                == "value,seeds_meeting,seeds,meets\n0.3 GW,1,1,true\n0.1 GW,0,1,false\n0.2 GW,1,1,true\n", "run \(run)")
        }
    }
}
