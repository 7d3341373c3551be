import EnergyModel
import Foundation
import Reports

/// Writes `summary.csv` for a sweep's rows and returns the summary table to print.
public enum SweepReport {
    public static func write(rows: [PointTable.Row], manifest: SweepManifest, folder: String, scenarioPath: String) throws -> String {
        let groups = SweepSummary.groups(rows, manifest: manifest)
        let scenario = try? ScenarioLoader.load(path: scenarioPath)
        let years = Dictionary(uniqueKeysWithValues: (scenario?.targets ?? []).map { ($0.id, $0.year) })
        let csv = SweepSummary.csv(groups, manifest: manifest, targetYears: years)
        try AtomicFile.write(Data(csv.utf8), to: (folder as NSString).appendingPathComponent(SweepFiles.summary))
        return SweepSummary.text(groups, manifest: manifest, targetYears: years)
            + "\(Set(rows.map(\.point)).count) of \(manifest.points) points in \(folder) (points.csv, points.jsonl, summary.csv)\n"
    }
}
