import EnergyModel
import Foundation
import Reports

/// A sweep's summary: the table printed at its end and the text of `summary.csv`.
public enum SweepReport {
    public static func summary(rows: [PointTable.Row], manifest: SweepManifest, scenarioPath: String) -> (table: String, csv: String) {
        let groups = SweepSummary.groups(rows, manifest: manifest)
        let scenario = try? ScenarioLoader.load(path: scenarioPath)
        let years = Dictionary(uniqueKeysWithValues: (scenario?.targets ?? []).map { ($0.id, $0.year) })
        return (SweepSummary.text(groups, manifest: manifest, targetYears: years), SweepSummary.csv(groups, manifest: manifest, targetYears: years))
    }

    /// Writes `summary.csv` into `folder`.
    public static func write(csv: String, folder: String) throws {
        try AtomicFile.write(Data(csv.utf8), to: (folder as NSString).appendingPathComponent(SweepFiles.summary))
    }
}
