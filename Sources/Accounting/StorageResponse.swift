/// How a year's curtailment answered more battery, measured by dispatching the year again
/// with its largest battery made larger at the battery's own duration
/// (`Projection.storageResponse`). The first-order curtailment lever gives the curtailed
/// energy to absorb, GWh, but not the battery that would absorb it: that depends on how
/// the surplus hours fall against the hours that can take the energy back, which only a
/// dispatch knows.
public struct StorageResponse: Sendable, Equatable {
    /// The battery made larger (its technology id) and its duration, h: energy GWh per GW.
    public var battery: String
    public var durationHours: Double
    /// Battery power added, GW: the smallest found that meets the target (nil when the
    /// most tried misses), and the largest found that does not (0 when none was tried
    /// below). The answer lies between.
    public var meets: Double?, misses: Double
    /// When nothing tried met: the curtailed share (fraction) with `misses` GW more, the
    /// most tried.
    public var reached: Double?
    /// The year's dispatches the search made.
    public var dispatches: Int

    public init(battery: String, durationHours: Double, meets: Double?, misses: Double, reached: Double? = nil, dispatches: Int) {
        self.battery = battery
        self.durationHours = durationHours
        self.meets = meets
        self.misses = misses
        self.reached = reached
        self.dispatches = dispatches
    }
}
