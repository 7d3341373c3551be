/// How a year's non-fossil share answered more PV, measured by dispatching the year again
/// with `added` GW more of it (`Projection.pvResponse`). The PV and GWh levers of a share
/// target then count what the dispatch does with the extra power — displace coal above its
/// must-run floor, displace imports (which carry the grid's non-fossil share), go to export
/// or be curtailed — where without it they assume that all of it displaces fossil energy
/// one for one: in the default scenario coal runs at its floor from 2021 on, and that
/// assumption closed a third of the gap.
public struct ShareResponse: Sendable, Equatable {
    /// PV added, GW.
    public var added: Double
    /// The non-fossil share (fraction) as simulated, and with the PV added.
    public var base: Double, share: Double

    public init(added: Double, base: Double, share: Double) {
        self.added = added
        self.base = base
        self.share = share
    }

    /// Share gained per GW of PV.
    var slope: Double { (share - base) / added }
}
