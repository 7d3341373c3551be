import Benchmark
import Foundation
import LinearProgramming
import SyntheticDispatch

/// capsim's interior-point solver on the synthetic dispatch LP (`SyntheticDispatch`,
/// 17 columns and 6 rows per hour) over a week, 1 752 hours, a year and seven years,
/// without and with the annual coal cap that links all hours. The problem is built in
/// the setup, outside the measurement; each iteration is one full solve from scratch,
/// and a solve that does not end optimal is reported as an error.
///
/// Then the LP with one dense column (`SyntheticDispatch.capacityProblem`) over a year.
///
/// The seven-year problem (61 320 hours) runs only with `CAPSIM_BENCH_LONG=1` in the
/// environment: building and solving it takes long.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal], maxDuration: .seconds(3))

    var windows = [168, 1752, 8760]
    if ProcessInfo.processInfo.environment["CAPSIM_BENCH_LONG"] == "1" { windows.append(61_320) }

    for hours in windows {
        for link in [false, true] {
            let large = hours >= 8760
            let configuration = Benchmark.Configuration(
                metrics: [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal],
                warmupIterations: large ? 0 : 1,
                maxDuration: .seconds(large ? 60 : 5),
                maxIterations: large ? 3 : 100
            )
            Benchmark(
                "Interior point, synthetic dispatch \(hours) h\(link ? " + coal cap" : "")",
                configuration: configuration,
                closure: { benchmark, lp in
                    for _ in benchmark.scaledIterations {
                        let solution = InteriorPointSolver.solve(lp)
                        if solution.status != .optimal {
                            benchmark.error("\(lp.name): \(solution.status.rawValue) after \(solution.iterations) iterations: \(solution.message)")
                        }
                        blackHole(solution)
                    }
                },
                setup: { SyntheticDispatch.problem(hours: hours, annualLinkingRow: link) }
            )
        }
    }

    // One dense column (a capacity in every hour's row) over a year, with stages and as
    // read from MPS (without): the column is eliminated apart (docs/solver.md).
    for stages in [true, false] {
        Benchmark(
            "Interior point, capacity column 8760 h\(stages ? "" : ", no stages")",
            configuration: .init(metrics: [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal], maxDuration: .seconds(5)),
            closure: { benchmark, lp in
                for _ in benchmark.scaledIterations {
                    let solution = InteriorPointSolver.solve(lp)
                    if solution.status != .optimal || solution.denseColumns != 1 {
                        benchmark.error("\(lp.name): \(solution.status.rawValue), \(solution.denseColumns) dense columns: \(solution.message)")
                    }
                    blackHole(solution)
                }
            },
            setup: { SyntheticDispatch.capacityProblem(hours: 8760, stages: stages) }
        )
    }
}
