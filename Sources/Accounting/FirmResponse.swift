/// How a year's reliability answered more firm capacity, measured by dispatching the
/// year again with more import capacity (`Projection.firmResponse`). The firm-capacity
/// levers of `unserved_energy` and `loss_of_load_hours` hold the rest of the dispatch as
/// simulated, so storage that could shift energy into the hours short is not counted and
/// they are upper bounds, 2–4× too large in the default scenario; this one lets the whole
/// dispatch answer: the smallest addition found by bisection that meets the target.
public struct FirmResponse: Sendable, Equatable {
    /// Import capacity added, GW: the smallest found that meets the target, and the
    /// largest found that does not (0 when none was tried below). The answer lies between.
    public var meets: Double, misses: Double
    /// The year's dispatches the bisection made.
    public var dispatches: Int

    public init(meets: Double, misses: Double, dispatches: Int) {
        self.meets = meets
        self.misses = misses
        self.dispatches = dispatches
    }
}
