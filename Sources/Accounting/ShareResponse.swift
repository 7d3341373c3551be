/// How much PV a year needs for a share target, measured by dispatching the year again
/// with more of it (`Projection.pvResponse`). The first-order PV lever assumes that every
/// GWh of PV displaces fossil energy one for one; the dispatch instead counts what the
/// extra power does — displace coal above its must-run floor, displace imports (which
/// carry the grid's non-fossil share), go to export or be curtailed — and the share
/// bends away from the straight line as PV grows: in the default scenario, against a
/// 2030 target of 45 %, the first-order lever asks for 1.55 GW and a straight line
/// through one dispatch for 5.08 GW, which reached 44.3 % only.
public struct ShareResponse: Sendable, Equatable {
    /// The technology the PV was added to (the year's largest PV).
    public var technology: String
    /// PV added, GW: the smallest found that meets the target (nil when the most tried
    /// misses), and the largest found that misses (0 when none was tried below).
    public var meets: Double?, misses: Double
    /// When nothing tried met: the non-fossil share (fraction) with `misses` GW more PV,
    /// the most tried.
    public var reached: Double?
    /// The year's dispatches the search made.
    public var dispatches: Int

    public init(technology: String, meets: Double?, misses: Double, reached: Double? = nil, dispatches: Int) {
        self.technology = technology
        self.meets = meets
        self.misses = misses
        self.reached = reached
        self.dispatches = dispatches
    }
}
