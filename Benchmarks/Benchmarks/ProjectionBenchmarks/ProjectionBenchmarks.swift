import Benchmark
import EconomicDispatch
import EnergyModel
import Foundation
import Simulation
import Sweeps

/// capsim's main job end to end: building one year's dispatch LP (Shaoyang 2030, profiles
/// generated in the setup), the whole default projection 2020–2030 (reading the file,
/// profiles, 11 LPs, accounting), and sweep throughput on the small benchmark city
/// (8 points of one year, on one and on two threads: points per second = 8 ÷ wall time).
let benchmarks: @Sendable () -> Void = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let shaoyang = root.deletingLastPathComponent().appendingPathComponent("Scenarios/shaoyang.yaml").path
    let city = root.appendingPathComponent("Scenarios/small-city.yaml").path
    let slow = Benchmark.Configuration(metrics: [.wallClock, .throughput, .peakMemoryResident], warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 3)

    Benchmark("LP build, Shaoyang 2030", configuration: .init(metrics: [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal], maxDuration: .seconds(5)),
              closure: { (benchmark: Benchmark, model: DispatchModel) in
                  for _ in benchmark.scaledIterations {
                      blackHole(try DispatchModel(scenario: model.scenario, conditions: model.conditions, profiles: model.profiles))
                  }
              },
              setup: {
                  let projection = try Projection(scenario: ScenarioLoader.load(path: shaoyang))
                  return try projection.model(year: 2030, aging: projection.aging())
              })

    Benchmark("Projection, Shaoyang 2020-2030", configuration: slow) { benchmark in
        for _ in benchmark.scaledIterations {
            let scenario = try ScenarioLoader.load(path: shaoyang)
            blackHole(try Projection(scenario: scenario).run(years: scenario.years))
        }
    }

    for jobs in [1, 2] {
        Benchmark("Sweep, small city 2021, 8 points, jobs \(jobs)", configuration: slow) { benchmark in
            let plan = SweepPlan(scenarioPath: city, axes: [SweepAxis(path: "technologies.battery.capacity", values: ["0 GW", "0.05 GW", "0.1 GW", "0.15 GW"])],
                                 seeds: [1, 2], years: .each([2021]))
            let tree = try ScenarioSource.load(path: city)
            for _ in benchmark.scaledIterations {
                try SweepRunner.run(Array(0..<plan.count), plan: plan, root: tree, jobs: jobs) { blackHole($0) }
            }
        }
    }
}
