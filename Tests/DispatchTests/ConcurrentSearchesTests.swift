import Foundation
import Testing
@testable import Accounting
@testable import EconomicDispatch
@testable import EnergyModel
@testable import Simulation

/// The measured-lever searches of several targets, run side by side
/// (`Projection.runConcurrently`), give what they give one after another.
@Suite struct ConcurrentSearchesTests {
    /// Results come back in the searches' order, each failure at its own place, whichever
    /// search finishes first and however many cores run them.
    @Test(arguments: [1, 2, 3])
    func resultsKeepTheOrderOfTheSearches(cores: Int) throws {
        let projection = Projection(scenario: try ScenarioFixture.load(FirmResponseTests.scenario))
        let searches = [0.03, 0, 0.02, 0, 0.01].enumerated().map { Self.search($0.offset, sleeping: $0.element) }
        let results = projection.runConcurrently(searches, cores: cores)
        #expect(results.count == 5)
        for (index, result) in results.enumerated() {
            switch result {
            case let .success(value): #expect(index != 2 && value == 10 * index, "search \(index): \(value)")
            case .failure: #expect(index == 2, "search \(index) failed")
            }
        }
    }

    /// Two firm-capacity searches of one year (at most 1 and 5 GWh unserved): on two cores
    /// each runs on one, and the one left when the other is done on two threads; the
    /// responses equal those of both run on one core, to the last digit.
    @Test func twoCoresFindWhatOneFinds() throws {
        let scenario = try ScenarioFixture.load(FirmResponseTests.scenario)
        let projection = Projection(scenario: scenario)
        let year = try #require(try projection.run(years: 2020...2020).first)
        let conditions = year.conditions
        let searches = [1.0, 5.0].map { Self.firmSearch(conditions, unservedAtMost: $0) }
        let one = try projection.runConcurrently(searches, cores: 1).map { try #require(try $0.get()) }
        let two = try projection.runConcurrently(searches, cores: 2).map { try #require(try $0.get()) }
        #expect(one == two)
        #expect(one[0].meets > one[1].meets, "a looser limit needs less: \(one)")
    }

    typealias Search<Response> = @Sendable (Projection) throws(ProjectionError) -> Response

    /// A search that sleeps `seconds`, then returns 10 × `index`, or throws for index 2.
    static func search(_ index: Int, sleeping seconds: Double) -> Search<Int> {
        { _ throws(ProjectionError) in
            Thread.sleep(forTimeInterval: seconds)
            if index == 2 { throw .interrupted }
            return 10 * index
        }
    }

    /// The import capacity the year of `conditions` needs for at most `limit` GWh unserved.
    static func firmSearch(_ conditions: YearConditions, unservedAtMost limit: Double) -> Search<FirmResponse?> {
        { projection throws(ProjectionError) in
            try projection.firmResponse(conditions: conditions, upperBound: 0.3) { $0.energy.unserved <= limit }
        }
    }
}
