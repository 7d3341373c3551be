import Foundation
import Testing
@testable import EnergyModel
@testable import Sweeps

/// The points of a sweep come out the same however many jobs run them — including the
/// points that, once at most half of the jobs are busy, solve on two threads.
@Suite struct SweepRunnerTests {
    static let smallCity = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Benchmarks/Scenarios/small-city.yaml").path

    /// Every point of `plan` run on `jobs` jobs, by point index.
    static func results(_ plan: SweepPlan, jobs: Int) throws -> [PointResult] {
        let root = try ScenarioSource.load(path: plan.scenarioPath)
        var results: [PointResult] = []
        try SweepRunner.run(Array(0..<plan.count), plan: plan, root: root, jobs: jobs) { results.append($0) }
        return results.sorted { $0.point.index < $1.point.index }
    }

    /// Three points on one job (one thread each), on two jobs (the last point on two
    /// threads once the other job is done) and on four (two threads from the start once a
    /// job retires); one point on two jobs takes the second core from its first iteration.
    @Test func pointsAreTheSameOnAnyNumberOfJobs() throws {
        let plan = SweepPlan(scenarioPath: Self.smallCity, axes: [SweepAxis(path: "technologies.battery.capacity", values: ["0 GW", "0.05 GW", "0.1 GW"])],
                             seeds: [1], years: .each([2021]))
        let one = try Self.results(plan, jobs: 1)
        #expect(one.count == 3)
        #expect(one.map(\.point.index) == [0, 1, 2])
        #expect(try Self.results(plan, jobs: 2) == one)
        #expect(try Self.results(plan, jobs: 4) == one)
        let single = SweepPlan(scenarioPath: Self.smallCity, axes: [SweepAxis(path: "technologies.battery.capacity", values: ["0.05 GW"])],
                               seeds: [1], years: .each([2021]))
        #expect(try Self.results(single, jobs: 2) == [one[1]].map { var result = $0; result.point.index = 0; return result })
    }
}
