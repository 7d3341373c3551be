import Foundation
import EnergyModel
import Reports
import Sweeps

extension SweepGridCommand {
    /// Before any point runs: `--html` and the files of `--out` are distinct and none is
    /// the sweep file, the scenario or a file the scenario or an axis value reads
    /// (`series`; an `--html` over points.csv had replaced every point computed).
    func checkOutputs(_ plan: SweepPlan, reading series: [HourlySeries]) throws {
        var paths = OutputPaths("--html", report.html)
        if let out { paths.addFolder("--out", out, holding: minimize == nil ? SweepFiles.grid : SweepFiles.search) }
        if file != plan.scenarioPath { paths.inputs.append(.init("the sweep file \(file)", file)) }
        paths.addScenario(plan.scenarioPath, series: series)
        try OutputChecks.distinct(paths)
    }

    /// Once every other check has passed: an `--html` report directly inside `--out` finds
    /// the folder made, as the grid would make it (it was refused: "folder does not exist").
    func makeFolderForReport(_ out: String) throws {
        guard let html = report.html,
              ResolvedPath(PathComponents.folder(of: html)) == ResolvedPath(out) else { return }
        try OutputChecks.folder(out, holding: SweepFiles.gridResults)
    }
}

extension SweepMergeCommand {
    /// Before anything is read: `--out` is none of the shards' folders (with `--restart` a
    /// merge replaced that shard's results with the joined ones; without, it read the
    /// shards only to advise `--restart`), and `--html` is neither a file of `--out` nor
    /// of a shard's folder.
    func checkOutputs() throws(CommandFailure) {
        try OutputChecks.apart("--out", out, from: folders, each: "the shard")
        let html = OutputPaths("--html", report.html)
        var beside = html, shards = html
        beside.addFolder("--out", out, holding: SweepFiles.grid)
        for folder in folders { shards.inputs += OutputPaths.files(SweepFiles.grid, in: folder, of: "the shard \(folder)") }
        for paths in [beside, shards] { try OutputChecks.distinct(paths) }
    }

    /// Once the shards are read (their sweep.json names the scenario): neither `--html`
    /// nor a file of `--out` is an input of the sweep merged — its scenario, a file that
    /// extends, a CSV series it or an axis value reads (`--html` over the scenario had
    /// replaced it with the report). What of these cannot be read now is left out: a merge
    /// does not need the scenario to be valid.
    func checkInputs(of manifest: SweepManifest) throws(CommandFailure) {
        var paths = OutputPaths("--html", report.html)
        paths.addFolder("--out", out, holding: SweepFiles.grid)
        paths.addScenario(manifest.scenario, series: Self.series(of: manifest))
        try OutputChecks.distinct(paths)
    }

    /// Every CSV series the merged sweep read, as far as its scenario reads now.
    private static func series(of manifest: SweepManifest) -> [HourlySeries] {
        guard let root = try? ScenarioSource.load(path: manifest.scenario),
              let scenario = try? ScenarioLoader.load(path: manifest.scenario) else { return [] }
        // The years do not change what a value reads.
        let plan = SweepPlan(manifest, years: .each([]))
        return (try? plan.checkValues(root: root, series: scenario.hourlySeries)) ?? scenario.hourlySeries
    }

    /// Once every shard has been read, before anything is written: `--out` is made, as the
    /// merge would, so that the report may go inside it, and `--html` can be written (it was
    /// found unwritable only after summary.csv was written). A merge that fails on a shard
    /// makes no folder.
    func prepareOutputs() throws(CommandFailure) {
        try OutputChecks.folder(out, holding: SweepFiles.gridResults)
        try OutputChecks.writable([report.html])
    }
}
