import EnergyModel
import Testing
@testable import Profiles

/// A cached year is the year the generator makes, generated once per seed and year.
@Suite struct ProfileCacheTests {
    @Test func aCachedYearIsTheGeneratedOne() throws {
        let scenario = try Support.shipped()
        let cache = ProfileCache(capacity: 2)
        let generator = ProfileGenerator(scenario: scenario, seed: 7)
        let first = try cache.profiles(for: 2025, from: generator)
        let again = try cache.profiles(for: 2025, from: ProfileGenerator(scenario: scenario, seed: 7))
        let fresh = try generator.profiles(for: 2025)
        #expect(cache.count == 1)
        #expect(first.load == fresh.load && again.load == fresh.load)
        #expect(first.capacityFactors.map(\.values) == fresh.capacityFactors.map(\.values))
        let otherSeed = try cache.profiles(for: 2025, from: ProfileGenerator(scenario: scenario, seed: 8))
        #expect(otherSeed.capacityFactors.map(\.values) != first.capacityFactors.map(\.values))
        #expect(cache.count == 2)
        _ = try cache.profiles(for: 2026, from: generator)
        #expect(cache.count == 2, "the oldest year is dropped beyond the capacity")
    }

    @Test func aFailingYearIsThrownAndNotKept() throws {
        let cache = ProfileCache()
        let generator = ProfileGenerator(scenario: try Support.shipped(), seed: 1)
        #expect(throws: ScenarioError.self) { try cache.profiles(for: 2040, from: generator) }
        #expect(cache.count == 0)
    }
}
