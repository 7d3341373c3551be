import Benchmark
import EnergyModel
import Foundation

/// Reading, unit-checking and validating the default scenario (with its `extends:`
/// variants): the fixed cost every capsim command pays before any computing.
let benchmarks: @Sendable () -> Void = {
    let scenarios = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios")
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal], maxDuration: .seconds(3))

    for name in ["shaoyang.yaml", "shaoyang-pumped-delayed.yaml"] {
        let path = scenarios.appendingPathComponent(name).path
        Benchmark("Load \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try ScenarioLoader.load(path: path))
            }
        }
    }
}
