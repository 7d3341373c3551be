import ArgumentParser
import Foundation
import LinearProgramming
import Reports

/// `capsim lp`: the LP solver on its own, for LPs written as MPS files.
struct LPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lp",
        abstract: "capsim's interior-point LP solver on MPS files, and the dispatch LP of a year as MPS.",
        subcommands: [LPSolveCommand.self, LPExportCommand.self])
}

/// `capsim lp solve FILE.mps [--json] [--solution FILE.csv] [--path P]`: solves one LP
/// and prints status, objective (full precision), iterations, seconds and the
/// linear-algebra path. Exit 0 when optimal, 4 when the LP has no optimal solution
/// (infeasible, unbounded, iteration limit, numerical trouble), 1 for an unreadable file or
/// an unwritable `--solution`, 2 for a wrong option.
/// The reader's warnings (`file:line: warning: …`) go to standard error, never into the
/// report or its JSON.
struct LPSolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve an LP written in MPS (free or fixed format).",
        discussion: "Exit status 0 when optimal, 4 when the LP has no optimal solution, 1 when the file cannot be read or --solution cannot be written, 2 for a wrong option.")

    @Argument(help: "The LP, an MPS file.")
    var file: String

    @Flag(help: "Print the result as JSON (schema capsim.lp/1) instead of text.")
    var json = false

    @Option(help: "Write every column's value and reduced cost and every row's activity and dual to this CSV file (only when optimal; signs as HiGHS's: a row's dual is the objective's change per unit increase of its bound, in the file's own sense).")
    var solution: String?

    @Option(help: "Linear-algebra path: automatic, banded, bordered or dense.")
    var path: String = "automatic"

    @Option(parsing: .unconditional, help: "Relative tolerance for primal and dual infeasibility and the gap.")
    var tolerance: Double = 1e-9

    @Option(parsing: .unconditional, help: "Iteration limit.")
    var maxIterations: Int = 200

    @Option(parsing: .unconditional, help: "Most Gondzio centrality correctors per iteration (0: Mehrotra's predictor-corrector alone).")
    var correctors: Int = 0

    @Option(parsing: .unconditional, help: "Threads for the solve (1 or 2): with 2, the two halves of each pass over the columns and the two ends of the band factor run at once; the result is the same either way.")
    var threads: Int = 1

    func run() throws {
        guard let chosen = KKTPath(rawValue: path) else {
            Console.current.err("capsim: --path \(path) is not one of \(KKTPath.allCases.map(\.rawValue).joined(separator: ", "))\n")
            throw CommandFailure(status: .usage)
        }
        let problems = [
            // Below 10⁻¹⁵, a few units of double rounding (2.2·10⁻¹⁶), no solve can meet it: afiro
            // at 10⁻¹⁶ ended in numerical trouble with its residuals at 1.6·10⁻¹⁵.
            tolerance >= 1e-15 && tolerance < 1 ? nil : "--tolerance must be at least 1e-15 (the most double precision can reach) and below 1 (found \(tolerance))",
            maxIterations >= 1 ? nil : "--max-iterations must be at least 1 (found \(maxIterations))",
            correctors >= 0 ? nil : "--correctors must be at least 0 (found \(correctors))",
            (1...2).contains(threads) ? nil : "--threads must be 1 or 2 (found \(threads))",
        ].compactMap { $0 }
        guard problems.isEmpty else {
            Console.current.err("capsim: \(problems.joined(separator: "; "))\n")
            throw CommandFailure(status: .usage)
        }
        try OutputChecks.writable([solution])
        var paths = OutputPaths("--solution", solution)
        paths.inputs.append(.init("the LP \(file)", file))
        try OutputChecks.distinct(paths)
        let lp: LinearProgram
        do {
            lp = try MPSReader.read(path: file) { Console.current.err("\($0)\n") }
        } catch {
            Console.current.err("\(error)\n")
            throw CommandFailure(status: .invalidInput)
        }
        var options = SolverOptions()
        options.path = chosen
        options.primalTolerance = tolerance
        options.dualTolerance = tolerance
        options.gapTolerance = tolerance
        options.maxIterations = maxIterations
        options.correctors = correctors
        options.threads = threads
        let result = InteriorPointSolver.solve(lp, options: options)
        // Only an optimum is a solution: the last iterate of an infeasible or stalled solve
        // (row duals of 10⁸ on the way to a ray) would read as one.
        if let solution, result.status != .optimal {
            Console.current.err("capsim: --solution \(solution) not written: the LP has no optimal solution (\(result.status.rawValue))\n")
        }
        var unwritten: AtomicFile.WriteError?
        if let solution, result.status == .optimal {
            do {
                try AtomicFile.write(Data(LPSolveReport.csv(result, lp: lp).utf8), to: solution)
            } catch {
                unwritten = error
            }
        }
        // The report even when the solution file failed: the solve is not lost with it.
        Console.current.out(json ? try LPSolveReport.json(result, lp: lp, file: file) : LPSolveReport.text(result, lp: lp, file: file))
        if let unwritten {
            Console.current.err("capsim: \(unwritten)\n")
            throw CommandFailure(status: .invalidInput)
        }
        if result.status != .optimal { throw CommandFailure(status: .noOptimum) }
    }
}
