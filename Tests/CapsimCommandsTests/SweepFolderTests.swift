import Foundation
import Sweeps
import Testing
@testable import CapsimCommands

/// What a sweep's `--out` folder accepts: one writer at a time.
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
            for arguments in [sweep, sweep + ["--restart"], ["sweep", "merge", out, "--out", out], ["sweep", file] + SweepSearchCommandTests.search + ["--out", out]] {
                let refused = capsim(arguments)
                #expect(refused.status == 1, "\(arguments)")
                #expect(refused.err == "capsim: \(out) is in use by another sweep, search or merge (it holds \(out)/.lock): wait for it to end, or give another --out folder\n")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == [".lock"], "nothing written")
        let free = capsim(sweep)
        #expect(free.status == 0, "\(free.err)")
        #expect(try SweepCommandTests().rows(out).count == 1 + 4)
        #expect(capsim(sweep).status == 0, "the sweep released its lock")
    }
}
