import ArgumentParser
import EconomicDispatch
import EnergyModel
import Foundation
import LinearProgramming
import Reports
import Simulation

/// `capsim lp export FILE --year Y --out year.mps`: writes the exact LP that `capsim run`
/// solves for year Y, so that any other solver can check capsim's answer. The objective
/// is in million yuan; columns and rows are named `<quantity>_<technology>_<hour>`.
///
/// A battery's usable energy in Y depends on the cycles of the years `run` simulated
/// before it (from `--from`, default the base year), so the years before Y in which such
/// a battery was in service are solved first.
struct LPExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the LP that `capsim run` solves for one year, as MPS.",
        discussion: "The objective is in million yuan, powers in GW, energies in GWh.")

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @OptionGroup var settings: ScenarioSettings

    @Option(parsing: .unconditional, help: "The year, within the scenario's years.")
    var year: Int

    @Option(parsing: .unconditional, help: "The first year `capsim run` simulates (its --years start); default the base year.")
    var from: Int?

    @Option(parsing: .unconditional, help: WeatherSeed.help, transform: WeatherSeed.parse)
    var seed: UInt64?

    @Option(help: "MPS file to write (written whole or not at all).")
    var out: String

    func run() throws {
        let scenario = try settings.scenario(file)
        let first = from ?? scenario.baseYear
        let span = "the scenario's years \(scenario.baseYear)–\(scenario.endYear) (\(file))"
        let problem = !scenario.years.contains(year) ? "--year \(year) is outside \(span)"
            : !scenario.years.contains(first) ? "--from \(first) is outside \(span)"
            : first > year ? "--from \(first) is after --year \(year); the first year simulated comes before the year exported" : nil
        if let problem {
            Console.current.err("capsim: \(problem)\n")
            throw CommandFailure(status: .usage)
        }
        try OutputChecks.output("--out", out, reading: file, scenario)
        let projection = Projection(scenario: scenario, seed: seed)
        var aging = projection.aging()
        if let cycling = projection.firstCyclingYear, max(first, cycling) < year {
            let earlier = max(first, cycling)...(year - 1)
            Console.current.err("capsim: solving \(earlier.lowerBound)–\(earlier.upperBound) first: storage loses energy with the cycles of earlier years\n")
            do {
                for projected in try projection.run(years: earlier) { projection.recordCycles(of: projected, in: &aging) }
            } catch let error as ProjectionError {
                Console.current.err(error.description + "\n")
                throw CommandFailure(status: error.exitStatus)
            }
        }
        let model: DispatchModel
        do {
            model = try projection.model(year: year, aging: aging)
        } catch {
            Console.current.err(error.description + "\n")
            throw CommandFailure(status: .invalidInput)
        }
        do {
            // The command that wrote it, so that the file says which scenario, values set, year
            // and seed it holds — the seed always, as the scenario's weather.seed may change.
            let setOptions = settings.values.map { " --set " + ShellWord.quoted($0) }.joined()
            let made = "capsim lp export \(ShellWord.quoted(file))\(setOptions) --year \(year) --from \(first) --seed \(projection.generator.seed) --out \(ShellWord.quoted(out))"
            try AtomicFile.write(Data(MPSWriter.text(model.program, comments: ["written by " + made]).utf8), to: out)
        } catch let error as MPSWriteError {
            Console.current.err("capsim: cannot write \(out): \(error.message)\n")
            throw CommandFailure(status: .invalidInput)
        } catch {
            Console.current.err("capsim: \(error)\n")
            throw CommandFailure(status: .invalidInput)
        }
        Console.current.out("wrote \(out): the \(year) dispatch LP, \(model.program.rowCount) rows, \(model.program.columnCount) columns, \(model.program.matrix.nonzeroCount) nonzeros (objective in million yuan)\n")
    }
}

extension ProjectionError {
    /// A scenario that cannot be dispatched is bad input (1); a year without an optimum
    /// (or a projection cut short) is 4.
    var exitStatus: ExitStatus {
        switch self {
        case .scenario: .invalidInput
        case .dispatch, .interrupted: .noOptimum
        }
    }
}
