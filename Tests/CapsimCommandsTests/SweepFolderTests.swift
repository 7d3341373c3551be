import Foundation
import Reports
import Sweeps
import Testing
@testable import CapsimCommands

/// What a sweep's `--out` folder accepts: one writer at a time, and on resume only rows
/// that are points of the grid.
@Suite struct SweepFolderTests: CommandRunner {
    static let grid = ["--set", "technologies.battery.capacity=0GW,0.1GW", "--seeds", "1,2", "--years", "2021", "--jobs", "1"]

    /// Two sweeps writing one folder at once appended every point twice (summary.csv said
    /// seeds=6 for three seeds), or with --restart left the first one's rows under the
    /// second's columns. A folder in use is refused, named, before anything is written;
    /// the lock ends with its holder, so the folder is free again afterwards.
    @Test func folderInUseIsRefused() throws {
        let (folder, file) = try SweepCommandTests().folder()
        let out = folder.appendingPathComponent("out").path
        let sweep = ["sweep", file] + Self.grid + ["--out", out]
        try FolderLock.hold(out) {
            for arguments in [sweep, sweep + ["--restart"], ["sweep", "merge", out, "--out", out + "-merged"], ["sweep", file] + SweepSearchCommandTests.search + ["--out", out]] {
                let refused = capsim(arguments)
                #expect(refused.status == 1, "\(arguments)")
                // A merge reads the folder as a shard first, and says so.
                let advice = arguments[1] == "merge" ? "wait for it to end before merging it" : "wait for it to end, or give another --out folder"
                #expect(refused.err == "capsim: \(out) is in use by another sweep, search or merge (it holds \(out)/.lock): \(advice)\n")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == [".lock"], "nothing written")
        #expect(!FileManager.default.fileExists(atPath: out + "-merged"))
        let free = capsim(sweep)
        #expect(free.status == 0, "\(free.err)")
        #expect(try SweepCommandTests().rows(out).count == 1 + 4)
        #expect(capsim(sweep).status == 0, "the sweep released its lock")
    }

    /// A grid written into a search's folder left sweep.json beside search.csv, and the
    /// search could never run there again; the grid refuses it, as the search refuses a
    /// grid's, and writes nothing.
    @Test func aGridRefusesASearchsFolder() throws {
        let (folder, file) = try SweepCommandTests().folder()
        let out = folder.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: out + "/search.csv", contents: Data("value,seeds_meeting,seeds,meets\n".utf8)))
        let result = capsim(["sweep", file] + Self.grid + ["--out", out])
        #expect(result.status == 1)
        #expect(result.err == "capsim: \(out) holds the values of a search (search.csv): give the sweep another --out folder\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [".lock", "search.csv"])
    }

    /// A `.lock` left read-only blocked the sweep ("it is read-only"), though the lock
    /// is never written: `flock` needs no write permission, and the lock still holds.
    @Test func aReadOnlyLockFileStillLocks() throws {
        let (folder, file) = try SweepCommandTests().folder()
        let out = folder.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: out + "/.lock", contents: nil, attributes: [.posixPermissions: 0o444]))
        let result = capsim(["sweep", file] + Self.grid + ["--out", out])
        #expect(result.status == 0, "\(result.err)")
        #expect(try SweepCommandTests().rows(out).count == 1 + 4)
    }

    /// `sweep merge p1 p2 --out p1` read every shard, then advised --restart, which
    /// replaced shard 1's results with the joined ones. An --out that is a shard, however
    /// spelt, is refused before anything is read or written.
    @Test func mergeIntoAShardIsRefused() throws {
        let (url, file) = try SweepCommandTests().folder()
        let folder = PathResolution.resolved(url.path), shards = [folder + "/p1", folder + "/p2"]
        for (index, shard) in shards.enumerated() {
            #expect(capsim(["sweep", file] + Self.grid + ["--shard", "\(index + 1)/2", "--out", shard]).status == 0)
        }
        func contents() -> [String] {
            shards.flatMap { shard in SweepFiles.grid.dropLast().map { (try? String(contentsOfFile: shard + "/" + $0, encoding: .utf8)) ?? "" } }
        }
        let before = contents()
        for (out, shard, restart) in [(shards[0], shards[0], []), (shards[0], shards[0], ["--restart"]), (shards[1] + "/../p2/", shards[1], ["--restart"])] {
            let refused = capsim(["sweep", "merge"] + shards + ["--out", out] + restart)
            #expect(refused.status == 2)
            #expect(refused.err == "capsim: --out \(out) is the shard \(shard) (both are \(shard)): expected a folder for --out apart from the ones read\n")
        }
        #expect(contents() == before, "the shards left as they were")
        #expect(try String(contentsOfFile: shards[0] + "/sweep.json", encoding: .utf8).contains("1/2"))
        let merged = capsim(["sweep", "merge"] + shards + ["--out", folder + "/all"])
        #expect(merged.status == 0, "\(merged.err)")
        #expect(try SweepCommandTests().rows(folder + "/all").count == 1 + 4)
    }

    /// A merge checked --report-year only after it had written the merged folder; a year
    /// the sweep has not, or the option without --html, is refused before anything is written.
    @Test func aMergesReportYearIsCheckedBeforeAnythingIsWritten() throws {
        let (url, file) = try SweepCommandTests().folder()
        let shard = url.appendingPathComponent("p1").path, out = url.appendingPathComponent("all").path
        #expect(capsim(["sweep", file] + Self.grid + ["--out", shard]).status == 0)
        for (options, message) in [(["--report-year", "2022", "--html", out + ".html"], "--report-year 2022: not a year of the sweep (2021)"),
                                   (["--report-year", "2021"], "--report-year needs --html FILE, the report it shapes")] {
            let refused = capsim(["sweep", "merge", shard, "--out", out] + options)
            #expect(refused.status == 2 && refused.err == "capsim: \(message)\n", "\(refused.err)")
            #expect(!FileManager.default.fileExists(atPath: out) && refused.out.isEmpty)
        }
    }

    /// A user's folder named like a result file (`out/points.csv/`) was taken for a sweep's
    /// results, with advice to use --restart, which removed it with everything in it. It
    /// is refused, as `run` refuses a folder named annual.csv, and left as it is.
    @Test func aFolderNamedLikeAResultIsNeverRemoved() throws {
        let (folder, file) = try SweepCommandTests().folder()
        let out = folder.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: out + "/points.csv/mine", withIntermediateDirectories: true)
        try "precious\n".write(toFile: out + "/points.csv/mine/notes.txt", atomically: true, encoding: .utf8)
        let sweep = ["sweep", file] + Self.grid + ["--out", out]
        for arguments in [sweep, sweep + ["--restart"]] {
            let refused = capsim(arguments)
            #expect(refused.status == 1)
            #expect(refused.err == "capsim: cannot write \(out)/points.csv: it is a folder\n", "\(arguments): \(refused.err)")
        }
        #expect(try String(contentsOfFile: out + "/points.csv/mine/notes.txt", encoding: .utf8) == "precious\n")
    }

    /// A well-formed row of another grid was kept on resume and counted ("10 of 9 points",
    /// a 9 GW row in the summary). A row or line that is not a point of this grid with its
    /// values and seed, or that repeats one, is refused with its line before any point runs.
    @Test func rowsOutsideTheGridAreRefusedWithTheirLine() throws {
        let (folder, file) = try SweepCommandTests().folder()
        let out = folder.appendingPathComponent("out").path
        let sweep = ["sweep", file] + Self.grid + ["--out", out]
        #expect(capsim(sweep).status == 0)
        let csv = try String(contentsOfFile: out + "/points.csv", encoding: .utf8), json = try String(contentsOfFile: out + "/points.jsonl", encoding: .utf8)
        let rows = csv.split(separator: "\n").map(String.init), lines = json.split(separator: "\n").map(String.init)
        #expect(rows[2].hasPrefix("1,2,0GW,2021,") && lines[2].contains(#""set":{"technologies.battery.capacity":"0.1GW"}"#), "\(rows[2]) \(lines[2])")
        let foreignRow = "99,7,9GW" + rows[4].dropFirst("3,2,0.1GW".count)
        let foreignLine = lines[3].replacingOccurrences(of: #""point":3"#, with: #""point":99"#)
        let editedRow = rows[2].replacingOccurrences(of: "1,2,0GW,", with: "1,7,9GW,")
        let editedLine = lines[2].replacingOccurrences(of: "0.1GW", with: "9GW")
        func text(_ lines: [String]) -> String { lines.map { $0 + "\n" }.joined() }
        let cases = [
            (csv + foreignRow + "\n", json + foreignLine + "\n", "points.csv:6: point 99 is not a point of this sweep, whose points are 0 to 3"),
            (text(rows[..<2] + [editedRow] + rows[3...]), json,
             "points.csv:3: not point 1 of this sweep: expected seed 2, technologies.battery.capacity=0GW, a year of 2021; found seed 7, technologies.battery.capacity=9GW, year 2021"),
            (csv + rows[1] + "\n", json, "points.csv:6: point 0, year 2021 again (first at line 2)"),
            (csv, text(lines[..<2] + [editedLine] + lines[3...]),
             "points.jsonl:3: not point 2 of this sweep: expected seed 1, technologies.battery.capacity=0.1GW, year 2021; found seed 1, technologies.battery.capacity=9GW, year 2021"),
        ]
        for (csvText, jsonText, message) in cases {
            try csvText.write(toFile: out + "/points.csv", atomically: true, encoding: .utf8)
            try jsonText.write(toFile: out + "/points.jsonl", atomically: true, encoding: .utf8)
            let refused = capsim(sweep)
            #expect(refused.status == 1)
            #expect(refused.err == "capsim: \(out)/\(message) (a row of another sweep, or an edited line): run the sweep again with --restart to discard the folder's results\n")
            #expect(try String(contentsOfFile: out + "/points.csv", encoding: .utf8) == csvText, "the folder left as it was")
        }
        let restarted = capsim(sweep + ["--restart"])
        #expect(restarted.status == 0, "\(restarted.err)")
        #expect(restarted.out.contains("4 of 4 points in \(out)"), "\(restarted.out)")
        #expect(try SweepCommandTests().rows(out).map(String.init) == rows)
    }
}
