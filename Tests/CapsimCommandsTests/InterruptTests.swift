import Foundation
import Testing
@testable import CapsimCommands

/// The built executable, ended in the middle of a sweep: by SIGTERM, the points done stay,
/// and it says where they are and how to go on (`InterruptNote`), as only a signal handler
/// can; by SIGKILL, which no handler sees, the same command finishes the sweep from the
/// points done. So these tests run the executable rather than the command in-process.
@Suite struct InterruptTests: CommandRunner {
    /// The capsim executable beside the test bundle, when it was built.
    static var executable: URL? {
        let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("capsim")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }

    @Test(.enabled(if: executable != nil, "the capsim executable is not beside the test bundle: `make test` builds it there (swift build -c release -Xswiftc -enable-testing --product capsim)"))
    func aSweepEndedBySIGTERMSaysWhereItsPointsAre() throws {
        let folder = try temporaryFolder()
        let city = folder.appendingPathComponent("city.yaml")
        try SweepCommandTests.scenario().write(to: city, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        let arguments = ["sweep", city.path, "--set", "technologies.battery.capacity=0GW...0.2GW:0.01GW", "--seeds", "1...2", "--years", "2021",
                         "--jobs", "1", "--out", out, "--quiet"]
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        let errors = Pipe()
        (process.standardError, process.standardOutput) = (errors, FileHandle.nullDevice)
        try process.run()
        let points = out + "/points.jsonl", deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline, (try? String(contentsOfFile: points, encoding: .utf8))?.isEmpty ?? true {
            Thread.sleep(forTimeInterval: 0.005)
        }
        try #require(process.isRunning, "the sweep of 42 points ended before its second point")
        process.terminate()
        process.waitUntilExit()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
        #expect(said == "capsim: interrupted: the points done are in \(out)/points.csv and \(out)/points.jsonl; the same command goes on from them\n")
        let kept = try String(contentsOfFile: points, encoding: .utf8).split(separator: "\n").count
        #expect(kept >= 1 && kept < 42)
        let again = capsim(arguments)
        #expect(again.status == 0, "\(again.err)")
        #expect(try String(contentsOfFile: points, encoding: .utf8).split(separator: "\n").count == 42)
    }

    /// `kill -9` part-way through a sweep on two jobs, then the same command again: the
    /// rows of points.csv are those of an uninterrupted sweep, none twice or cut, and
    /// points.jsonl has each point once, the lines done before the kill first.
    @Test(.enabled(if: executable != nil, "the capsim executable is not beside the test bundle: `make test` builds it there (swift build -c release -Xswiftc -enable-testing --product capsim)"))
    func aSweepKilledBySIGKILLResumesToTheSameRows() throws {
        let folder = try temporaryFolder()
        let city = folder.appendingPathComponent("city.yaml")
        try SweepCommandTests.scenario().write(to: city, atomically: true, encoding: .utf8)
        let (killed, whole) = (folder.appendingPathComponent("killed").path, folder.appendingPathComponent("whole").path)
        let arguments = ["sweep", city.path, "--set", "technologies.battery.capacity=0GW...0.2GW:0.01GW", "--seeds", "1...2", "--years", "2021",
                         "--jobs", "2", "--quiet", "--out"]
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments + [killed]
        (process.standardError, process.standardOutput) = (FileHandle.nullDevice, FileHandle.nullDevice)
        try process.run()
        let points = killed + "/points.jsonl", deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline, ((try? String(contentsOfFile: points, encoding: .utf8))?.split(separator: "\n").count ?? 0) < 3 {
            Thread.sleep(forTimeInterval: 0.002)
        }
        try #require(process.isRunning, "the sweep of 42 points ended before its third point")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        // The whole lines left by the kill (a last line may be cut), which the rerun keeps.
        let left = try String(contentsOfFile: points, encoding: .utf8)
        let kept = left.split(separator: "\n").dropLast(left.hasSuffix("\n") ? 0 : 1)
        #expect(kept.count >= 2 && kept.count < 42, "\(kept.count) points before the kill")
        let again = capsim(arguments + [killed]), uninterrupted = capsim(arguments + [whole])
        #expect(again.status == 0, "\(again.err)")
        #expect(uninterrupted.status == 0, "\(uninterrupted.err)")
        let resumed = try String(contentsOfFile: killed + "/points.csv", encoding: .utf8).split(separator: "\n")
        let expected = try String(contentsOfFile: whole + "/points.csv", encoding: .utf8).split(separator: "\n")
        #expect(resumed.count == expected.count && resumed.count == 43, "a header and 42 rows: \(resumed.count)")
        #expect(Set(resumed) == Set(expected))
        let lines = try String(contentsOfFile: points, encoding: .utf8).split(separator: "\n")
        #expect(Array(lines.prefix(kept.count)) == Array(kept), "the points done before the kill are kept first, the rest appended")
        let numbers = try lines.map { line in
            try #require((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["point"] as? Int)
        }
        #expect(numbers.sorted() == Array(0..<42), "each point once in points.jsonl")
    }
}
