import Foundation
import Testing
@testable import CapsimCommands

/// The built executable, ended by SIGTERM in the middle of a sweep: the points done stay,
/// and it says where they are and how to go on (`InterruptNote`), as only a signal handler
/// can, so the test runs the executable rather than the command in-process.
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
}
