import Foundation
import Testing
@testable import CapsimCommands

/// `capsim sweep --minimize`: what a search refuses before it evaluates anything, and its
/// `--out` folder.
@Suite struct SweepSearchCommandTests: CommandRunner {
    static let search = ["--minimize", "technologies.coal.capacity", "--between", "0.1GW...0.3GW", "--tolerance", "0.1GW", "--meets", "reliable_2021",
                         "--years", "2021"]

    /// The grid's options were accepted by a search and ignored.
    @Test func gridOptionsAreRefused() throws {
        let (folder, file) = try SweepCommandTests().folder()
        for option in [["--shard", "1/2"], ["--html", folder.appendingPathComponent("r.html").path], ["--report-year", "2021"], ["--restart"]] {
            let result = capsim(["sweep", file] + Self.search + option)
            #expect(result.status == 2 && result.err.contains("\(option[0]) is an option of the grid"), "\(option): \(result.err)")
            #expect(!result.out.contains("Searching"), "\(option)")
        }
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
