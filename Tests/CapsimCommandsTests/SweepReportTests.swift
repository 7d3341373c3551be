import Foundation
import Sweeps
import Testing
@testable import CapsimCommands

/// The end of a sweep or merge: the summary printed, `summary.csv` and the HTML report.
@Suite struct SweepReportTests: CommandRunner {
    /// A sweep's folder of two battery sizes and three seeds (a mean of three sums in an
    /// order), its rows and manifest.
    private func sweep() throws -> (folder: URL, rows: [PointTable.Row], manifest: SweepManifest) {
        let (folder, file) = try SweepCommandTests().folder()
        let out = folder.appendingPathComponent("out").path
        let result = capsim(["sweep", file, "--set", "technologies.battery.capacity=0GW,0.1GW", "--seeds", "1...3", "--years", "2021", "--jobs", "2", "--out", out])
        #expect(result.status == 0, "\(result.err)")
        let manifest = try SweepManifest.read(folder: out)
        return (folder, try PointTable.rows(out + "/points.csv", manifest: manifest), manifest)
    }

    /// The report's means were summed in the order points finished, so a resumed sweep's
    /// report differed from an uninterrupted one's in the last digit; rows in any order
    /// now give the same report and summary.
    @Test func theReportDoesNotDependOnTheOrderPointsFinished() throws {
        let (folder, solved, manifest) = try sweep()
        // Shares of 10, 20 and 30 % for seeds 1, 2 and 3: 0.1 + 0.2 + 0.3 is 0.6000000000000001
        // summed in that order and 0.6 in the other.
        let rows = solved.map { row in
            var row = row
            row.metrics = row.metrics.map { _ in [0.1, 0.2, 0.3][Int(row.seed) - 1] }
            return row
        }
        var written: [String] = []
        for (index, order) in [rows, rows.reversed()].enumerated() {
            let html = folder.appendingPathComponent("r\(index).html").path
            let options = try SweepHTMLOptions.parse(["--html", html])
            let console = Console(collecting: true)
            let failure = Console.$current.withValue(console) {
                options.finish(rows: order, manifest: manifest, folder: folder.appendingPathComponent("out").path, scenarioPath: manifest.scenario)
            }
            #expect(failure == nil, "\(console.standardError)")
            written.append(try String(contentsOfFile: html, encoding: .utf8) + console.standardOutput)
        }
        #expect(rows.count == 6 && written[0] == written[1])
    }

    /// summary.csv that cannot be written (a full disk) kept the table from being printed
    /// and the report from being written, though both were computed: now each is done,
    /// the failure said, and the command ends with status 1.
    @Test func aSummaryThatCannotBeWrittenLosesNothingElse() throws {
        let (folder, rows, manifest) = try sweep()
        let html = folder.appendingPathComponent("r.html").path, missing = folder.appendingPathComponent("no/such/folder").path
        let options = try SweepHTMLOptions.parse(["--html", html]), console = Console(collecting: true)
        let failure = Console.$current.withValue(console) {
            options.finish(rows: rows, manifest: manifest, folder: missing, scenarioPath: manifest.scenario)
        }
        #expect(failure?.status == .invalidInput)
        #expect(console.standardError.hasPrefix("capsim: cannot write \(missing)/summary.csv"), "\(console.standardError)")
        #expect(console.standardError.hasSuffix("capsim: the points are kept in \(missing); the same command writes the summary again from them\n"))
        #expect(console.standardOutput.hasSuffix("6 of 6 points in \(missing) (points.csv, points.jsonl)\n"), "\(console.standardOutput)")
        #expect(FileManager.default.fileExists(atPath: html))
    }

    /// A merge removes the earlier merge's results from --out before it writes its own,
    /// so that an interrupted merge leaves no earlier summary beside its points.
    @Test func aMergeRemovesTheEarlierResultsFirst() throws {
        let (folder, _, _) = try sweep()
        let out = folder.appendingPathComponent("merged").path
        let first = capsim(["sweep", "merge", folder.appendingPathComponent("out").path, "--out", out])
        #expect(first.status == 0, "\(first.err)")
        let joined = try SweepMerge.read([folder.appendingPathComponent("out").path])
        _ = try SweepMerge.write(joined, into: out, restart: false)
        #expect(!FileManager.default.fileExists(atPath: out + "/summary.csv"))
        #expect(FileManager.default.fileExists(atPath: out + "/points.csv"))
    }
}
