import Accounting
import ArgumentParser
import EconomicDispatch
import EnergyModel
import Foundation
import Profiles
import Reports
import Simulation

/// `capsim run FILE`: capsim's main job. Every year's optimal hourly dispatch, counted the
/// way the statistics bureau counts, and the scorecard of every target: a summary on the
/// terminal, and on request JSON, CSV, hourly CSV and an HTML report. Exit 0, or 3 with
/// `--check` when a target is missed (`--check-binding`: a target not marked strive-for,
/// 力争), 1 for bad input, 2 for bad usage, 4 when a year's LP has no optimum.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Project every year: optimal hourly dispatch, energy accounting and the target scorecard.",
        discussion: """
            Years run in order (a battery ages with the cycles of the years before). With --csv, \
            annual.csv is rewritten after each year and hourly-YEAR.csv written as each year is done, \
            so an interrupted run keeps what it finished; targets.csv, the JSON and the HTML report are written at the end. \
            Before the first year, the files it will write and every hourly-YEAR.csv already in the --csv folder are removed. \
            The HTML report draws the hours of one year (--report-year), the only year whose hourly results are kept. \
            Exit status: 0; 3 with --check when a target is missed (--check-binding: a binding one); 1 bad input; 2 bad usage; 4 no optimum.
            """)

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @OptionGroup var settings: ScenarioSettings

    @Option(parsing: .unconditional, help: "Years to run: A...B, A-B or one year, within the scenario's (default: all).")
    var years: String?

    @Option(help: "Write the results as JSON (schema capsim.run/1, docs/json.md) to this file; - prints it in place of the summary.")
    var json: String?

    @Option(help: "Write annual.csv and targets.csv (and with --hourly, hourly-YEAR.csv) to this folder.")
    var csv: String?

    @Flag(help: "With --csv: one hourly-YEAR.csv per year (every flow, level and price, one row per hour).")
    var hourly = false

    @Flag(help: "Exit with status 3 when any target is missed.")
    var check = false

    @Flag(help: "Exit with status 3 when a binding target is missed: as --check, without the strive-for (力争) targets.")
    var checkBinding = false

    @Flag(help: "No line on standard error as each year is done (errors and warnings are still said).")
    var quiet = false

    @Option(parsing: .unconditional, help: WeatherSeed.help, transform: WeatherSeed.parse)
    var seed: UInt64?

    @Option(help: "Write a self-contained HTML report (scorecard and charts) to this file.")
    var html: String?

    @Option(parsing: .unconditional, help: "With --html: the week (1–52) of the dispatch chart (default: most unserved energy per hour, else most curtailment per hour, else the summer peak).")
    var week: Int?

    @Option(name: .customLong("report-year"), parsing: .unconditional, help: "With --html: the year of the week and the duration curves (default: the last year run).")
    var reportYear: Int?

    func run() throws {
        let overrides = try settings.overrides()
        let scenario = try CapsimMain.loadScenario(file, overrides: overrides)
        let range = try chosenYears(scenario)
        if hourly, csv == nil {
            Console.current.err("capsim: --hourly needs --csv DIR, the folder to write hourly-YEAR.csv to\n")
            throw CommandFailure(status: .usage)
        }
        let hoursYear = try chosenReportYear(range)
        try checkOutputs(scenario, years: range)
        try removeEarlierOutputs(years: range)
        InterruptNote.set(startNote())
        let projection = Projection(scenario: scenario, seed: seed)
        if let cycling = projection.firstCyclingYear, cycling < range.lowerBound {
            Console.current.err("capsim: --years starts after \(cycling): storage ages with the calendar alone until \(range.lowerBound), " +
                "without the cycles of \(cycling)–\(range.lowerBound - 1) (a run from \(cycling) counts them)\n")
        }
        var outcomes: [YearOutcome] = []
        var reportDispatch: YearDispatch?
        var unwritten = UnwrittenFiles()
        let runColumns = RunColumns(seed: projection.generator.seed, settings: overrides.map(\.setting))
        do {
            try projection.forEachYear(range, cores: ProcessInfo.processInfo.activeProcessorCount) { projected in
                if html != nil, projected.year == hoursYear { reportDispatch = projected.dispatch }
                let outcome = YearOutcome(conditions: projected.conditions, solver: projected.dispatch.solver,
                                          account: YearAccount(energy: projected.energy, scenario: scenario))
                outcomes.append(outcome)
                if let csv {
                    if hourly {
                        let table = HourlyTable.csv(projected.dispatch, calendar: ProfileCalendar(year: projected.year, utcOffsetHours: scenario.location.utcOffsetHours))
                        unwritten.write(table, to: file(csv, Self.hourlyFile(projected.year)))
                    }
                    unwritten.write(AnnualTable.csv(outcomes, scenario: scenario, run: runColumns), to: file(csv, Self.annualFile))
                    if outcomes.count == 1 { InterruptNote.set(interruptNote(csv)) }
                }
                // After the year's files: a year reported done is on disk.
                if !quiet {
                    Console.current.err("capsim: \(outcome.year) done: \(outcome.solver.iterations) iterations, " +
                        "\(String(format: "%.2f", outcome.solver.seconds)) s, non-fossil share \(String(format: "%.2f", 100 * outcome.account.nonFossilShare)) %\n")
                }
            }
        } catch let error as ProjectionError {
            Console.current.err(error.description + "\n")
            throw CommandFailure(status: error.exitStatus)
        }
        let outcome = ProjectionOutcome(scenario: scenario, seed: projection.generator.seed, years: outcomes,
                                        scorecard: MeasuredLevers.scorecard(scenario, outcomes: outcomes, projection: projection),
                                        settings: runColumns.settings)
        if let csv { unwritten.write(TargetsTable.csv(outcome.scorecard, run: runColumns), to: file(csv, Self.targetsFile)) }
        let document = try json.map { _ in try ProjectionJSON.data(outcome) }
        if let jsonFile, let document { unwritten.write(document, to: jsonFile) }
        if let html, let reportDispatch {
            let chosen = week.map { ReportWeek(number: $0, reason: "chosen with --week") }
                ?? ReportWeek.choose(reportDispatch, threshold: EnergySummary.unservedThreshold)
            unwritten.write(HTMLReport.html(outcome, hours: HTMLReport.Hours(dispatch: reportDispatch, week: chosen)), to: html)
        }
        if let document, jsonFile == nil {
            Console.current.out(String(decoding: document, as: UTF8.self))
        } else {
            Console.current.out(ProjectionSummary.text(outcome))
        }
        try unwritten.finish()
        let missed = outcome.scorecard.entries.filter { $0.evaluation?.status == .missed }
        if (check && !missed.isEmpty) || (checkBinding && missed.contains(where: { !$0.target.strive })) {
            throw CommandFailure(status: .targetMissed)
        }
    }

    /// What an interrupted run with `--csv` says: the files that hold the years done, and
    /// those written only at the end.
    private func interruptNote(_ csv: String) -> String {
        "capsim: interrupted: \(file(csv, Self.annualFile))\(hourly ? " and the hourly-YEAR.csv files hold" : " holds") the years \(quiet ? "finished" : "reported done"); "
            + Self.writtenAtEnd([file(csv, Self.targetsFile)] + [jsonFile, html].compactMap { $0 }) + "\n"
    }

    /// What a run interrupted before its first year is done says, when it was to write
    /// files (their earlier versions are already removed, so that none is taken for this
    /// run's): that none was written, and which are written only at the end. Nil without
    /// outputs.
    func startNote() -> String? {
        let atEnd = [jsonFile, html].compactMap { $0 }
        if let csv {
            return "capsim: interrupted before any year was done: \(csv) holds none of this run's files"
                + (atEnd.isEmpty ? "" : "; " + Self.writtenAtEnd(atEnd)) + "\n"
        }
        return atEnd.isEmpty ? nil : "capsim: interrupted: nothing was written; " + Self.writtenAtEnd(atEnd) + "\n"
    }

    /// `A, B and C are written only at the end of a run`.
    private static func writtenAtEnd(_ files: [String]) -> String {
        let listed = files.count == 1 ? files[0] : files.dropLast().joined(separator: ", ") + " and " + files[files.count - 1]
        return "\(listed) \(files.count == 1 ? "is" : "are") written only at the end of a run"
    }

    /// `--years` as a range within the scenario's years.
    private func chosenYears(_ scenario: Scenario) throws(CommandFailure) -> ClosedRange<Int> {
        guard let years else { return scenario.years }
        let parts = years.replacingOccurrences(of: "...", with: "-").split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        let bounds: (Int, Int)? = switch parts.count {
        case 1: parts[0].map { ($0, $0) }
        case 2: parts[0].flatMap { a in parts[1].map { (a, $0) } }
        default: nil
        }
        if let (first, last) = bounds, first > last, scenario.years.contains(first), scenario.years.contains(last) {
            Console.current.err("capsim: --years \(years): the first year is after the last; write \(last)...\(first)\n")
            throw CommandFailure(status: .usage)
        }
        guard let (first, last) = bounds, first <= last, scenario.years.contains(first), scenario.years.contains(last) else {
            Console.current.err("capsim: --years \(years): expected A...B, A-B or one year within the scenario's years \(scenario.baseYear)–\(scenario.endYear)\n")
            throw CommandFailure(status: .usage)
        }
        return first...last
    }

    /// The year whose hours the HTML report draws, checked with `--week` against the run.
    private func chosenReportYear(_ range: ClosedRange<Int>) throws(CommandFailure) -> Int {
        if html == nil, week != nil || reportYear != nil {
            Console.current.err("capsim: --week and --report-year need --html FILE, the report they shape\n")
            throw CommandFailure(status: .usage)
        }
        if let week, !(1...ReportWeek.count).contains(week) {
            Console.current.err("capsim: --week \(week): expected a week from 1 to \(ReportWeek.count)\n")
            throw CommandFailure(status: .usage)
        }
        guard let reportYear else { return range.upperBound }
        guard range.contains(reportYear) else {
            Console.current.err("capsim: --report-year \(reportYear): expected \(range.count == 1 ? "the run's year, \(range.lowerBound)" : "a year of the run, \(range.lowerBound)–\(range.upperBound)")\n")
            throw CommandFailure(status: .usage)
        }
        return reportYear
    }

    /// The --json file; nil without --json and with `--json -`, which prints the JSON in
    /// place of the text summary (for `jq` and other readers of a pipe).
    private var jsonFile: String? { json == OutputChecks.standardOutput ? nil : json }

    /// The files of the --csv folder, named once for writing them and for checking that no
    /// other output lands on one.
    static let annualFile = "annual.csv", targetsFile = "targets.csv"
    static func hourlyFile(_ year: Int) -> String { "hourly-\(year).csv" }

    /// Whether `name` is an hourly-YEAR.csv (a year of four digits), a file of a run's.
    static func isHourlyFile(_ name: String) -> Bool { name.wholeMatch(of: /hourly-[0-9]{4}\.csv/) != nil }

    /// The files of the --csv folder a run of `years` writes.
    private func tableNames(_ years: ClosedRange<Int>) -> [String] {
        [Self.annualFile, Self.targetsFile] + (hourly ? years.map(Self.hourlyFile) : [])
    }

    /// Every output checked before the first year is solved (`OutputChecks`). The --csv
    /// folder is made here, so a folder that cannot be is found now, not after a year, and
    /// a --json or --html inside it can be written.
    private func checkOutputs(_ scenario: Scenario, years: ClosedRange<Int>) throws(CommandFailure) {
        let tables = tableNames(years)
        var paths = OutputPaths("--json", jsonFile)
        paths.outputs += OutputPaths("--html", html).outputs
        if let csv { paths.addFolder("--csv", csv, holding: tables) }
        paths.addScenario(file, series: scenario.hourlySeries)
        try OutputChecks.distinct(paths)
        // A file refused leaves no --csv folder made; one inside that folder is checked
        // once it is made.
        let files = [jsonFile, html].compactMap { $0 }
        let inside = csv.map { ResolvedPath($0) }.map { folder in files.filter { folder.holds(ResolvedPath(PathComponents.folder(of: $0))) } } ?? []
        try OutputChecks.writable(files.filter { !inside.contains($0) })
        if let csv { try OutputChecks.folder(csv, holding: tables) }
        try OutputChecks.writable(inside)
    }

    /// Removes, before the first year is solved, the files this run will write (only those
    /// names: annual.csv, targets.csv, hourly-YEAR.csv of its years with --hourly, the
    /// --json and --html files) and every other hourly-YEAR.csv in the --csv folder. An
    /// earlier run's files had outlived an interrupted or failed one: its hourly files,
    /// targets.csv and JSON of other years and seed beside this run's annual.csv, with
    /// nothing to tell them apart; and a run of fewer years, or without --hourly, left the
    /// earlier run's hourly files of other years beside an annual.csv they contradict.
    private func removeEarlierOutputs(years: ClosedRange<Int>) throws(CommandFailure) {
        let earlierHourly = csv.map { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter(Self.isHourlyFile).sorted().map { file(folder, $0) }
        } ?? []
        let tables = csv.map { folder in tableNames(years).map { file(folder, $0) } } ?? []
        let files = tables + earlierHourly.filter { !tables.contains($0) } + [jsonFile, html].compactMap { $0 }
        do {
            for file in files { try AtomicFile.removeEarlier(file) }
        } catch {
            Console.current.err("capsim: \(error)\n")
            throw CommandFailure(status: .invalidInput)
        }
    }

    /// The outputs a run could not write after its checks passed (a file made read-only or
    /// a disk filled while it ran): each failure is said when it happens, the run goes on —
    /// its other files and its summary are still worth having — and it ends with status 1
    /// naming them. An output that fails one year and succeeds the next is not counted.
    struct UnwrittenFiles {
        private var failed: [String] = []

        /// Writes `data` to the output `path` (`AtomicFile`), or says why not.
        mutating func write(_ data: Data, to path: String) {
            do {
                try AtomicFile.write(data, to: path)
                failed.removeAll { $0 == path }
            } catch {
                guard !failed.contains(path) else { return }
                Console.current.err("capsim: \(error); the run goes on\n")
                failed.append(path)
            }
        }

        mutating func write(_ text: String, to path: String) { write(Data(text.utf8), to: path) }

        func finish() throws(CommandFailure) {
            guard !failed.isEmpty else { return }
            Console.current.err("capsim: the run is complete, but \(failed.joined(separator: ", ")) could not be written (above)\n")
            throw CommandFailure(status: .invalidInput)
        }
    }

    private func file(_ folder: String, _ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
}
