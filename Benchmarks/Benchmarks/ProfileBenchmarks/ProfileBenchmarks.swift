import Benchmark
import EnergyModel
import Foundation
import Profiles

/// Generating every hourly series of one year (load, two solar, wind, three hydro
/// stations, three availabilities) for the default scenario: the work done once per
/// year before each dispatch. Target: under 20 ms per year. Also the solar position
/// alone, 8 760 evaluations.
let benchmarks: @Sendable () -> Void = {
    let scenarios = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios")
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal], maxDuration: .seconds(3))
    guard let scenario = try? ScenarioLoader.load(path: scenarios.appendingPathComponent("shaoyang.yaml").path) else {
        fatalError("Scenarios/shaoyang.yaml does not load")
    }
    let generator = ProfileGenerator(scenario: scenario)

    Benchmark("Profiles of one year (shaoyang 2025)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try generator.profiles(for: 2025))
        }
    }

    Benchmark("Solar position, 8760 hours") { benchmark in
        let calendar = ProfileCalendar(year: 2025, utcOffsetHours: 8)
        for _ in benchmark.scaledIterations {
            var sum = 0.0
            for hour in 0..<ProfileCalendar.hoursPerYear {
                sum += SolarPosition(julianDay: calendar.julianDay(midpointOf: hour), latitude: 27.24, longitude: 111.47).zenith
            }
            blackHole(sum)
        }
    }
}
