import EnergyModel
import Foundation
import Reports

/// A sweep's summary: the table printed at its end (with a note on any axis that changed
/// no result, `IdleAxis`) and the text of `summary.csv`.
public enum SweepReport {
    public static func summary(rows: [PointTable.Row], manifest: SweepManifest, scenarioPath: String) -> (table: String, csv: String) {
        let groups = SweepSummary.groups(rows, manifest: manifest)
        let scenario = try? ScenarioLoader.load(path: scenarioPath)
        let years = Dictionary(uniqueKeysWithValues: (scenario?.targets ?? []).map { ($0.id, $0.year) })
        let table = SweepSummary.text(groups, manifest: manifest, targetYears: years)
            + IdleAxis.note(IdleAxis.find(rows, axes: manifest.axes.count), rows: rows, manifest: manifest)
        return (table, SweepSummary.csv(groups, manifest: manifest, targetYears: years))
    }

    /// Writes `summary.csv` into `folder`.
    public static func write(csv: String, folder: String) throws {
        try AtomicFile.write(Data(csv.utf8), to: (folder as NSString).appendingPathComponent(SweepFiles.summary))
    }
}
