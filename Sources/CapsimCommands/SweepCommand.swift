import ArgumentParser
import EnergyModel
import Foundation
import Reports
import Simulation
import Sweeps

/// `capsim sweep`: batches of projections over storage sizes (or any numeric key) and
/// weather seeds — a grid, or a search for the smallest value that meets a target — and
/// `capsim sweep merge` to join the shards of a grid.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a grid of projections over scenario keys and weather seeds, or search for the smallest value that meets a target.",
        subcommands: [SweepGridCommand.self, SweepMergeCommand.self],
        defaultSubcommand: SweepGridCommand.self)
}

/// The grid (and the search): see the README's `capsim sweep` section.
struct SweepGridCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grid",
        abstract: "Run every point of a grid (the default), or with --minimize a bisection search.",
        discussion: """
            Each point appends to DIR/points.csv and DIR/points.jsonl as it finishes; rerunning the same \
            command skips the points done. A point that fails is recorded in DIR/failures.jsonl and the others go on; a rerun tries it again. A changed scenario or grid is refused unless --restart. \
            Exit status: 0; 1 bad input, or a point failed on it; 2 bad usage; 3 with --minimize when the target is not met even at the upper end; \
            4 a point whose dispatch has no optimum (the first failed point's status, when points fail).
            """)

    @Argument(help: "A scenario file, or a sweep file (YAML with scenario:, set:, seeds:, years:).")
    var file: String

    @Option(name: .customLong("set"), help: "An axis: KEY=V1,V2,… with units, or ranges A...B:STEP (repeatable).")
    var sets: [String] = []

    @Option(parsing: .unconditional, help: "Weather seeds: A...B or A,B,C (default: the scenario's seed).")
    var seeds: String?

    @Option(parsing: .unconditional, help: "Years of each point: Y, Y1,Y2 (each alone) or A...B (one projection); default all.")
    var years: String?

    @Option(name: .customLong("jobs"), parsing: .unconditional, help: "Points solved at once, one solver each (default: the number of cores).")
    var jobsOption: Int?

    /// `--jobs`, or one job a core.
    var jobs: Int { jobsOption ?? ProcessInfo.processInfo.activeProcessorCount }

    @Option(help: "The folder of the results.")
    var out: String?

    @Option(help: "Run only shard i of n (every n-th point): i/n.")
    var shard: String?

    @Flag(help: "Discard the results of another sweep (or the values of another search) in the --out folder.")
    var restart = false

    @Flag(help: "No progress on standard error.")
    var quiet = false

    @OptionGroup var report: SweepHTMLOptions

    @Option(help: "Search: the key whose smallest value meeting --meets is wanted.")
    var minimize: String?

    @Option(parsing: .unconditional, help: "Search: the interval A...B (with units).")
    var between: String?

    @Option(help: "Search: the id of the target to meet.")
    var meets: String?

    @Option(parsing: .unconditional, help: "Search: fraction of seeds that must meet the target (default 1: every seed).")
    var probability: Double?

    @Option(parsing: .unconditional, help: "Search: stop when the interval is this narrow (default a hundredth of it).")
    var tolerance: String?

    func run() throws {
        guard jobs >= 1 else { throw usage("--jobs \(jobs): expected at least 1") }
        if minimize == nil, let option = Self.firstGiven(["--between": between != nil, "--meets": meets != nil, "--tolerance": tolerance != nil,
                                                          "--probability": probability != nil]) {
            throw usage("\(option) is an option of the search: give --minimize KEY too")
        }
        if minimize != nil, let option = Self.firstGiven(["--shard": shard != nil, "--html": report.html != nil, "--report-year": report.reportYear != nil]) {
            throw usage("\(option) is an option of the grid; a search (--minimize) does not take it")
        }
        do {
            let (plan, root) = try plan()
            let series = try plan.checkValues(root: root, series: ScenarioLoader.load(path: plan.scenarioPath).hourlySeries)
            try checkOutputs(plan, reading: series)
            if let minimize {
                try search(minimize, plan: plan, root: root, series: series)
            } else {
                try grid(plan, root: root, series: series)
            }
        } catch {
            throw SweepFailure.report(error)
        }
    }

    /// The first of `options` given (its flag true), in their order.
    private static func firstGiven(_ options: KeyValuePairs<String, Bool>) -> String? {
        options.first { $0.value }?.key
    }

    /// The plan from the file and the options, and the scenario tree read once.
    private func plan() throws -> (SweepPlan, SourceNode) {
        var scenarioPath = file, fileAxes: [SweepAxis] = [], keyLocations: [String: SourceLocation] = [:], seedText = seeds, yearText = years
        var seedPlace = file, yearPlace = file
        if SweepFile.isSweepFile(file) {
            let study = try SweepFile.read(file)
            scenarioPath = study.scenario
            fileAxes = study.axes
            keyLocations = study.keyLocations
            seedText = seeds ?? study.seeds
            yearText = years ?? study.years
            (seedPlace, yearPlace) = (study.seedsLocation?.description ?? file, study.yearsLocation?.description ?? file)
        }
        var options: [SweepAxis] = []
        for text in sets {
            let axis: SweepAxis
            switch SweepAxis.parse(text) {
            case let .success(parsed): axis = parsed
            case let .failure(error): throw SweepError.usage(error.message)
            }
            if let other = options.first(where: { SweepAxis.overlaps($0.path, axis.path) }) {
                throw SweepError.usage(other.path == axis.path ? "--set \(axis.path): given twice; give the key once, with all its values"
                    : "--set \(other.path) and --set \(axis.path): \(SweepAxis.overlapProblem)")
            }
            // A --set of a key the file sets replaces that axis; of a key inside it or around it, it would overwrite part of it.
            if let other = fileAxes.first(where: { $0.path != axis.path && SweepAxis.overlaps($0.path, axis.path) }) {
                throw SweepError.usage("--set \(axis.path) and \(Self.fileKey(other.path, at: keyLocations)): \(SweepAxis.overlapProblem)")
            }
            options.append(axis)
        }
        // A --set of a key the file sets takes the file axis's place, so that the points keep their numbers.
        let axes = fileAxes.map { axis in options.first { $0.path == axis.path } ?? axis }
            + options.filter { option in !fileAxes.contains { $0.path == option.path } }
        // The years projected are the sweep's own (--years), decided before any value is laid over the scenario.
        for key in axes.map(\.path) + [minimize].compactMap({ $0 }) where key == "years" || key.hasPrefix("years.") {
            let option = key == minimize ? "--minimize" : options.contains { $0.path == key } ? "--set" : nil
            let message = "\(option.map { "\($0) \(key)" } ?? Self.fileKey(key, at: keyLocations)): a sweep cannot vary the scenario's years; "
                + "choose the years projected with --years (or the sweep file's years:)"
            throw option == nil ? SweepError(message) : SweepError.usage(message)
        }
        if let minimize {
            if let problem = SweepAxis.pathProblem(minimize) { throw SweepError.usage("--minimize \(minimize): \(problem)") }
            if let other = axes.first(where: { SweepAxis.overlaps($0.path, minimize) }) {
                let setter = options.contains { $0.path == other.path } ? "--set \(other.path)" : Self.fileKey(other.path, at: keyLocations)
                throw SweepError.usage(other.path == minimize ? "--minimize \(minimize): the key is also set by \(setter); the search sets it itself"
                    : "--minimize \(minimize) and \(setter): \(SweepAxis.overlapProblem)")
            }
        }
        let root = try ScenarioSource.load(path: scenarioPath)
        let base = try ScenarioLoader.load(path: scenarioPath)
        let seedList = try seeds.map { text in try SweepError.option { try SweepFile.seeds(text) } }
            ?? seedText.map { try SweepFile.seeds($0, source: "\(seedPlace): the sweep file's seeds:") } ?? [base.weather.seed]
        let selection = try years.map { text in try SweepError.option { try SweepFile.years(text) } }
            ?? yearText.map { try SweepFile.years($0, source: "\(yearPlace): the sweep file's years:") } ?? .range(base.years)
        for run in selection.runs where !(base.years.contains(run.lowerBound) && base.years.contains(run.upperBound)) {
            let message = "\(years != nil ? "--years" : "\(yearPlace): the sweep file's years:") \(yearText ?? ""): outside the scenario's years \(base.baseYear)–\(base.endYear)"
            throw years != nil ? SweepError.usage(message) : SweepError(message)
        }
        let plan = SweepPlan(scenarioPath: scenarioPath, axes: axes, seeds: seedList, years: selection)
        try plan.checkSize(byOptions: !sets.isEmpty || seeds != nil)
        return (plan, root)
    }

    /// A key of the sweep file's `set:` named in a message about an option: `the sweep
    /// file's set: KEY (study.yaml:3:3)`.
    private static func fileKey(_ key: String, at locations: [String: SourceLocation]) -> String {
        "the sweep file's set: \(key)" + (locations[key].map { " (\($0))" } ?? "")
    }

    /// `series`: every CSV series the scenario and the axes' values read (`SweepPlan.checkValues`).
    private func grid(_ plan: SweepPlan, root: SourceNode, series: [HourlySeries]) throws {
        guard let out else { throw usage("a grid needs --out DIR, the folder of its results") }
        let part = try shard.map(Shard.parse)
        try makeFolderForReport(out)
        try report.check(plan)
        let scenario = try ScenarioLoader.load(path: plan.scenarioPath)
        let manifest = SweepManifest(plan: plan, fingerprint: plan.fingerprint(scenario: root, series: series),
                                     targets: scenario.targets.map(\.id), shard: shard)
        try FolderLock.hold(out) {
            let (store, done) = try SweepStore.open(folder: out, manifest: manifest, restart: restart)
            // The report of the results discarded would otherwise stand beside this sweep's
            // points until its end.
            if restart, let html = report.html { try AtomicFile.removeEarlier(html) }
            InterruptNote.set("capsim: interrupted: the points done are in \(store.csvPath) and \(store.jsonlPath); the same command goes on from them\n")
            let mine = (0..<plan.count).filter { part?.contains($0) ?? true }
            let todo = mine.filter { !done.contains($0) }
            let progress = Progress(total: mine.count, already: mine.count - todo.count, visible: !quiet && isatty(STDERR_FILENO) == 1)
            defer { progress.finish() }
            var failures: [FailureLog.Entry] = []
            try SweepRunner.run(todo, plan: plan, root: root, jobs: jobs, failed: { failure in
                failures.append(SweepFailure.entry(failure))
                try FailureLog.write(failures, folder: out)
                progress.advance(failed: true)
            }) { result in
                try store.append(result)
                progress.advance(failed: false)
            }
            progress.finish()
            let rows = try PointTable.rows(store.csvPath, manifest: manifest)
            let unwritten = report.finish(rows: rows, manifest: manifest, folder: out, scenarioPath: plan.scenarioPath)
            if let part, part.count > 1 { Console.current.out("(shard \(shard ?? ""): \(mine.count) of \(plan.count) points; `capsim sweep merge` joins the shards)\n") }
            if let unwritten {
                // The failed points are said too; the status is the file's.
                try? SweepFailure.finish(failures, folder: out)
                throw unwritten
            }
            try SweepFailure.finish(failures, folder: out)
        }
    }

    private func search(_ key: String, plan: SweepPlan, root: SourceNode, series: [HourlySeries]) throws {
        guard let between, let meets else { throw usage("--minimize needs --between A...B and --meets TARGET_ID") }
        guard plan.axes.allSatisfy({ $0.values.count == 1 }) else { throw usage("a search takes --set only with one value each (fixed keys)") }
        if restart, out == nil { throw usage("--restart discards the values of another search in the --out folder: give --out DIR too") }
        let search = try SweepError.option { try SweepSearch(key: key, between: between, tolerance: tolerance, target: meets, probability: probability ?? 1) }
        let scenario = try ScenarioLoader.load(path: plan.scenarioPath)
        guard let target = scenario.targets.first(where: { $0.id == meets }) else {
            throw SweepError.usage("--meets \(meets): the scenario has no target with this id")
        }
        // A capacity target is counted from the scenario alone, whatever years run.
        guard [.capacity, .capacityAdded].contains(target.kind) || plan.years.runs.contains(where: { $0.contains(target.year) }) else {
            throw SweepError.usage("--meets \(meets): a target of \(target.year), a year the search does not project (--years \(plan.years.description))")
        }
        try search.check(fixed: plan, root: root)
        guard let out else { return try bisect(search, plan: plan, root: root, table: nil) }
        let manifest = SearchManifest(search: search, plan: plan, fingerprint: search.fingerprint(fixed: plan, scenario: root, series: series))
        try FolderLock.hold(out) {
            let table = try SearchTable(folder: out, manifest: manifest, restart: restart)
            InterruptNote.set("capsim: interrupted: the values evaluated are in \(table.path); the same command takes them and goes on\n")
            try bisect(search, plan: plan, root: root, table: table)
        }
    }

    /// Runs the search, printing each value and adding the ones evaluated to `table`, which
    /// gives back the values an earlier run of this search recorded.
    private func bisect(_ search: SweepSearch, plan: SweepPlan, root: SourceNode, table: SearchTable?) throws {
        var table = table
        Console.current.out("Searching the smallest \(search.key) in \(search.between) meeting \(search.target) in at least \(String(format: "%g", 100 * search.probability)) % of \(plan.seeds.count) seed(s)\n")
        if let table, table.recordedCount > 0 { Console.current.out("  (\(table.recordedCount) value(s) from \(table.path), evaluated by an earlier run of this search)\n") }
        // The rows recorded never change, so the closure reading them gets a copy rather than
        // sharing `table` with `report`, which appends to it.
        let recorded = table
        let (answer, tried) = try runSearch(search, plan: plan, root: root, recorded: { try recorded?.recorded($0, value: $1, search: search) }) { evaluation, wasRecorded in
            Console.current.out("  \(evaluation.value): \(evaluation.meeting) of \(evaluation.seeds) seeds meet → \(evaluation.meets ? "meets" : "does not meet")\n")
            if !wasRecorded { try table?.append(evaluation) }
        }
        try table?.checkAllTaken(tried.count)
        // The two ends say something else: met at A brackets nothing (the smallest value
        // may lie below A), and never met is the answer "not within the interval", which a
        // script tells by the exit status, as `run --check` tells a missed target.
        if let answer, answer.canonical <= search.low, search.low == 0 {
            Console.current.out("\(search.target) is met already at \(answer.value): no \(search.key) is needed to meet it\n")
        } else if let answer, answer.canonical <= search.low {
            Console.current.out("\(search.target) is met already at the lower end, \(answer.value): the smallest \(search.key) meeting it may lie below; widen --between to find it\n")
        } else if let answer {
            Console.current.out("smallest \(search.key) meeting \(search.target): \(answer.value) (to within \(search.written(search.tolerance)))\n")
        } else {
            Console.current.out("\(search.target) is not met even at \(search.written(search.high))\n")
            throw CommandFailure(status: .targetMissed)
        }
    }

    private func runSearch(_ search: SweepSearch, plan: SweepPlan, root: SourceNode, recorded: (Int, Double) throws -> SweepSearch.Evaluation?,
                           report: (SweepSearch.Evaluation, Bool) throws -> Void) throws -> (answer: SweepSearch.Evaluation?, tried: [SweepSearch.Evaluation]) {
        do {
            return try search.run(fixed: plan, root: root, jobs: jobs, recorded: recorded, report: report)
        } catch let failure as PointFailure {
            throw SweepFailure.report(failure, searching: search.key)
        }
    }

    private func usage(_ message: String) -> CommandFailure {
        Console.current.err("capsim: \(message)\n")
        return CommandFailure(status: .usage)
    }
}

/// `capsim sweep merge DIR… --out DIR`: joins the folders of the shards of one sweep.
struct SweepMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the result folders of the shards of one sweep and write the summary.",
        discussion: """
            Exit status: 0; 1 bad input, or points in none of the folders (the summary, written, covers the others; is a shard missing or unfinished?); 2 bad usage.
            """)

    @Argument(help: "The shards' folders.")
    var folders: [String]

    @Option(help: "The folder of the joined results.")
    var out: String

    @Flag(help: "Replace the results of another sweep in the --out folder (without it, such a folder is refused).")
    var restart = false

    @OptionGroup var report: SweepHTMLOptions

    func run() throws {
        try checkOutputs()
        do {
            // Each shard is locked while it is read, so that a shard still running is
            // refused rather than merged half done; --out is made only once all are read.
            var locks: [ResolvedPath: FolderLock] = [:]
            for folder in folders where locks[ResolvedPath(folder)] == nil {
                locks[ResolvedPath(folder)] = try FolderLock.acquire(folder, create: false)
            }
            let joined = try SweepMerge.read(folders)
            try checkInputs(of: joined.manifest)
            try report.check(joined.manifest)
            try prepareOutputs()
            let outLock = try FolderLock.acquire(out)
            // Until the last file is written, --out holds a mix of this merge's files and an
            // earlier one's, and the report an earlier one's: both go first.
            if let html = report.html { try AtomicFile.removeEarlier(html) }
            InterruptNote.set("capsim: interrupted: the merge into \(out) was not finished; the same command writes it again from the shards' folders\n")
            let merged = try SweepMerge.write(joined, into: out, restart: restart)
            let manifest = joined.manifest
            let unwritten = report.finish(rows: merged.rows, manifest: manifest, folder: out, scenarioPath: manifest.scenario)
            InterruptNote.set(nil)
            withExtendedLifetime((locks, outLock)) {}
            if let unwritten { throw unwritten }
            if merged.missing > 0 {
                let failed = joined.failures.isEmpty ? "" : "; \(joined.failures.count) of them failed in their shard (\((out as NSString).appendingPathComponent(SweepFiles.failures)))"
                Console.current.err("capsim: \(merged.missing) of \(manifest.points) points are in none of the folders: the summary covers the others only (is a shard missing or unfinished?)\(failed)\n")
            }
            guard merged.missing == 0 else { throw CommandFailure(status: .invalidInput) }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw SweepFailure.report(error)
        }
    }
}

/// How a sweep's failures reach the user: printed once, then the exit status — 2 for a
/// wrong option, 1 for a bad scenario, sweep file or folder, the projection's own status
/// when a point fails.
enum SweepFailure {
    static func report(_ error: Error) -> CommandFailure {
        switch error {
        case let failure as CommandFailure: return failure
        case let point as PointFailure: return report(point, searching: nil)
        case let projection as ProjectionError:
            Console.current.err(projection.description + "\n")
            return CommandFailure(status: projection.exitStatus)
        case let sweep as SweepError:
            Console.current.err("capsim: \(sweep.message)\n")
            if sweep.isUsage { return CommandFailure(status: .usage) }
        case let scenario as ScenarioError: Console.current.err(scenario.description + "\n")
        case let write as AtomicFile.WriteError: Console.current.err("capsim: \(write)\n")
        default: Console.current.err("capsim: \((error as NSError).localizedDescription)\n")
        }
        return CommandFailure(status: .invalidInput)
    }

    /// A failed point of a grid as failures.jsonl records it: the status and the text that
    /// `report` gives it.
    static func entry(_ failure: PointFailure) -> FailureLog.Entry {
        let console = Console(collecting: true)
        let status = Console.$current.withValue(console) { report(failure, searching: nil).status }
        return FailureLog.Entry(failure, exitStatus: status.rawValue, message: console.standardError)
    }

    /// After a grid's summary: the messages of its first failed points (at most three; the
    /// rest are in failures.jsonl), what a rerun does, and the first one's status.
    static func finish(_ failures: [FailureLog.Entry], folder: String) throws {
        let sorted = failures.sorted { $0.point < $1.point }
        guard let first = sorted.first else { return }
        for failure in sorted.prefix(3) { Console.current.err(failure.message) }
        let more = sorted.count > 3 ? ", the messages of \(sorted.count - 3) more" : ""
        Console.current.err("""
            capsim: \(sorted.count) point(s) failed and are not in the summary: their values\(more) and how to reproduce each \
            are in \((folder as NSString).appendingPathComponent(SweepFiles.failures)); running the command again tries them again

            """)
        throw CommandFailure(status: ExitStatus(rawValue: first.exitStatus) ?? .invalidInput)
    }

    /// A point's failure: its cause as reported alone (the status is the cause's), then
    /// which values, seed and year failed and, for a projection, how to reproduce it with
    /// `capsim run` and `lp export` given the same values by `--set`. `key` is the key a search sets
    /// (named `--minimize`); nil in a grid, whose points are numbered.
    static func report(_ failure: PointFailure, searching key: String?) -> CommandFailure {
        let status = report(failure.error)
        let values = failure.overrides.map { value in
            let source = value.path == key ? "--minimize" : value.origin.map { "\($0.location)" } ?? "--set"
            return "\(value.path)=\(value.value) (\(source))"
        }.joined(separator: ", ")
        guard let point = failure.point else {
            // Values tried before any point ran: a problem placed at a value names it already.
            let places = Set(failure.overrides.map(\.location))
            if let scenario = failure.error as? ScenarioError, scenario.diagnostics.allSatisfy({ places.contains($0.location) }) { return status }
            Console.current.err("capsim: the scenario is invalid with \(values)\n")
            return status
        }
        let which = key == nil ? "point \(point.index) of the sweep" : "the search"
        let file = ShellWord.quoted(failure.scenario)
        let settings = failure.overrides.map { " --set " + ShellWord.quoted(commandLineSetting($0)) }.joined()
        guard let years = failure.years else {
            Console.current.err("capsim: \(which) is invalid (seed \(point.seed)) with \(values)\n")
            Console.current.err("capsim: to reproduce it: `capsim run \(file)\(settings) --seed \(point.seed)`\n")
            return status
        }
        // The year without an optimum, else (the scenario cannot be dispatched) the years projected.
        let year: Int? = if case let .dispatch(dispatch)? = failure.error as? ProjectionError { dispatch.year } else { nil }
        let last = year ?? years.upperBound
        let span = years.lowerBound == last ? "\(last)" : "\(years.lowerBound)...\(last)"
        Console.current.err("capsim: \(which) failed (seed \(point.seed), \(year.map(String.init) ?? span)) with \(values)\n")
        var reproduce = "capsim: to reproduce it: `capsim run \(file)\(settings) --years \(span) --seed \(point.seed)`"
        if let year {
            reproduce += "; `capsim lp export \(file)\(settings) --year \(year) --from \(years.lowerBound) --seed \(point.seed) --out \(year).mps` writes the LP of \(year)"
        }
        Console.current.err(reproduce + "\n")
        return status
    }

    /// `KEY=VALUE` as `--set` takes it. A sweep file's value that names a file relative to
    /// the sweep file (a CSV series) is given as its absolute path: `--set` reads a path
    /// against the scenario's folder, which may be another.
    private static func commandLineSetting(_ override: ScenarioOverride) -> String {
        guard let origin = override.origin, !override.value.hasPrefix("/") else { return override.setting }
        let path = ScenarioSource.resolve(override.value, against: origin.location.file)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { return override.setting }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return "\(override.path)=\(absolute)"
    }
}

/// `--html FILE` and `--report-year Y` of a grid and of a merge: the sweep's HTML report.
struct SweepHTMLOptions: ParsableArguments {
    @Option(help: "Write a self-contained HTML report (share over the grid, probability of meeting each target) to this file.")
    var html: String?

    @Option(name: .customLong("report-year"), parsing: .unconditional, help: "With --html: the year whose share is mapped (default: the last year of the sweep).")
    var reportYear: Int?

    /// Before a grid runs: the HTML file can be written and the report year is one of the
    /// plan's years (found after the points were solved, these wasted the whole sweep).
    func check(_ plan: SweepPlan) throws {
        try checkYear(plan.years.runs.flatMap { Array($0) }, written: plan.years.description)
        if let html { try AtomicFile.checkWritable(html) }
    }

    /// The report year of a merge, once the shards are read and before anything is
    /// written (the merged folder was written, then the year refused); the file is
    /// checked once --out is made, since it may go inside.
    func check(_ manifest: SweepManifest) throws {
        let years = (try? SweepFile.years(manifest.years))?.runs.flatMap { Array($0) }
        try checkYear(years ?? [], written: manifest.years)
    }

    private func checkYear(_ years: [Int], written: String) throws {
        guard html != nil else {
            if reportYear != nil { throw SweepError.usage("--report-year needs --html FILE, the report it shapes") }
            return
        }
        if let reportYear, !years.contains(reportYear) {
            throw SweepError.usage("--report-year \(reportYear): not a year of the sweep (\(written))")
        }
    }

    /// Prints the summary table and writes `summary.csv` and the report, from the rows in
    /// the order of their points (not the order they finished, which moved the last digit
    /// of the report's means from run to run). A file that cannot be written, on a full
    /// disk say, keeps neither the table from being printed nor the other file from being
    /// written: each failure is printed as it happens, and the first is returned, for the
    /// command to end with once it has said the rest.
    func finish(rows: [PointTable.Row], manifest: SweepManifest, folder: String, scenarioPath: String) -> CommandFailure? {
        let rows = rows.sorted { ($0.point, $0.year) < ($1.point, $1.year) }
        let summary = SweepReport.summary(rows: rows, manifest: manifest, scenarioPath: scenarioPath)
        var failure: CommandFailure?
        do {
            try SweepReport.write(csv: summary.csv, folder: folder)
        } catch {
            failure = SweepFailure.report(error)
            Console.current.err("capsim: the points are kept in \(folder); the same command writes the summary again from them\n")
        }
        let files = failure == nil ? "points.csv, points.jsonl, summary.csv" : "points.csv, points.jsonl"
        Console.current.out(summary.table + "\(Set(rows.map(\.point)).count) of \(manifest.points) points in \(folder) (\(files))\n")
        do {
            try write(rows: rows, manifest: manifest)
        } catch {
            failure = failure ?? SweepFailure.report(error)
        }
        return failure
    }

    /// Writes the report when asked; a year the sweep has no result for is an error.
    func write(rows: [PointTable.Row], manifest: SweepManifest) throws {
        guard let html else { return }
        guard let year = reportYear ?? rows.map(\.year).max(), rows.contains(where: { $0.year == year }) else {
            throw SweepError.usage("--report-year \(reportYear.map(String.init) ?? ""): the sweep has no results for this year")
        }
        let targets = (try? ScenarioLoader.load(path: manifest.scenario))?.targets ?? []
        try AtomicFile.write(Data(SweepHTMLReport.html(rows: rows, manifest: manifest, targets: targets, year: year).utf8), to: html)
    }
}

/// `i/n`: the points whose number modulo n is i − 1.
struct Shard {
    var index: Int
    var count: Int

    static func parse(_ text: String) throws -> Shard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let i = parts[0], let n = parts[1], n >= 1, i >= 1, i <= n, text == "\(i)/\(n)" else {
            throw SweepError.usage("--shard \(text): expected i/n with 1 ≤ i ≤ n")
        }
        return Shard(index: i, count: n)
    }

    func contains(_ point: Int) -> Bool { point % count == index - 1 }
}

/// Points done of total (and failed), rate and time left, on one line of standard error (a terminal only).
/// The line is rewritten in place (`\r`), so it must never be wider than the terminal: a
/// wrapped line leaves its first row behind at each rewrite (at 40 columns, one row a point).
final class Progress {
    let total: Int, already: Int, visible: Bool
    private var done = 0, failures = 0, shown = 0
    private let start = Date()

    init(total: Int, already: Int, visible: Bool) {
        (self.total, self.already, self.visible) = (total, already, visible)
        if visible, already > 0 { Console.current.err("capsim: \(already) of \(total) points already done\n") }
    }

    /// One more point finished, or `failed`.
    func advance(failed: Bool) {
        done += 1
        if failed { failures += 1 }
        guard visible else { return }
        let elapsed = Date().timeIntervalSince(start), rate = Double(done) / max(elapsed, 1e-9)
        let left = Double(total - already - done) / rate
        let failedText = failures > 0 ? " (\(failures) failed)" : ""
        let count = "capsim: \(already + done)/\(total) points\(failedText)"
        let full = count + String(format: ", %.2f points/s, about %.0f s left", rate, left)
        let room = Self.terminalColumns() - 1
        let line = Self.fitted(full, short: count, room: room)
        // Spaces over what the longer line before left, never past the terminal's edge.
        let padding = String(repeating: " ", count: max(0, min(shown, room) - line.count))
        shown = line.count
        Console.current.err("\r" + line + padding)
        InterruptNote.progressLine(open: true)
    }

    /// `full` when it fits in `room` columns, else `short`, cut to the room if need be.
    static func fitted(_ full: String, short: String, room: Int) -> String {
        String((full.count <= room ? full : short).prefix(max(0, room)))
    }

    /// Ends the progress line, once, before anything else is written to standard error.
    func finish() {
        guard visible, shown > 0 else { return }
        Console.current.err("\n")
        shown = 0
        InterruptNote.progressLine(open: false)
    }

    /// The width of the terminal on standard error (80 when it cannot be told).
    private static func terminalColumns() -> Int {
        var size = winsize()
        return ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }
}
