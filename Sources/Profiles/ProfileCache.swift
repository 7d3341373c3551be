import EnergyModel
import Foundation

/// Years of profiles kept for projections that differ only in what no series depends on.
///
/// A sweep whose axes only size storage (power, duration, energy, efficiencies) gives
/// every point the same load, weather, inflow and availability series for a seed and a
/// year: `ProfileGenerator` never reads a storage technology. Such a sweep shares one
/// cache between its workers, so each (seed, year) is generated once instead of once per
/// point. The caller decides when sharing is valid; the cache only keys by seed and year.
/// At most `capacity` years are kept, the oldest dropped first (a year of the default
/// scenario's series is about 0.7 MB).
///
/// `@unchecked Sendable`: `entries` and `order` are read and written only under `lock`;
/// `capacity` is set once.
public final class ProfileCache: @unchecked Sendable {
    public let capacity: Int
    private let lock = NSLock()
    private var entries: [Key: YearProfiles] = [:]
    private var order: [Key] = []

    private struct Key: Hashable {
        var seed: UInt64
        var year: Int
    }

    public init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
    }

    /// The profiles of `year` for `generator`'s seed, generated on the first request
    /// (outside the lock, so workers do not wait on each other) and kept. A year that
    /// fails to generate is not kept: its error is thrown to every caller.
    public func profiles(for year: Int, from generator: ProfileGenerator) throws(ScenarioError) -> YearProfiles {
        let key = Key(seed: generator.seed, year: year)
        if let kept = lock.withLock({ entries[key] }) { return kept }
        let made = try generator.profiles(for: year)
        lock.withLock {
            guard entries[key] == nil else { return }
            entries[key] = made
            order.append(key)
            if order.count > capacity { entries[order.removeFirst()] = nil }
        }
        return made
    }

    /// Years generated and kept so far.
    public var count: Int { lock.withLock { entries.count } }
}
