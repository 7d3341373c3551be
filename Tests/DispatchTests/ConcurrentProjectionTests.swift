import Testing
@testable import EnergyModel
@testable import Simulation

/// A concurrent projection (the years before the first battery runs on a second thread)
/// hands over the same years, in order, as the projection run one year after another.
@Suite struct ConcurrentProjectionTests {
    @Test func concurrentYearsEqualSequentialOnes() throws {
        let scenario = try ScenarioFixture.shaoyang()
        let projection = Projection(scenario: scenario)
        let first = try #require(projection.firstCyclingYear)
        let years = (first - 2)...(first + 1)
        var concurrent: [ProjectedYear] = []
        try projection.forEachYear(years, cores: 2) { concurrent.append($0) }
        let sequential = try DefaultScenarioDispatchTests.years().filter { years.contains($0.year) }
        #expect(concurrent.map(\.year) == Array(years))
        #expect(sequential.map(\.year) == Array(years))
        for (a, b) in zip(concurrent, sequential) {
            #expect(a.dispatch.solver.objective == b.dispatch.solver.objective, "\(a.year)")
            #expect(a.energy.technologies.map(\.generation) == b.energy.technologies.map(\.generation), "\(a.year)")
        }
    }
}
