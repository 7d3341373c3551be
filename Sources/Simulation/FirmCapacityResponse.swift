import Accounting
import EconomicDispatch
import EnergyModel

extension Projection {
    /// The smallest import capacity to add to the year of `conditions` for `meets` to
    /// hold of its account, found by bisection between 0 (the year as simulated, which
    /// misses) and `upperBound` GW (the firm-capacity lever, which meets with the rest of
    /// the dispatch unchanged), each step a dispatch of the year with the whole system
    /// free to answer — storage charged ahead of the hours short. It stops when the
    /// interval is within 5 % of `upperBound` (at least 1 MW) or after `dispatchLimit`
    /// dispatches. When the upper bound misses once dispatched, 5 % (and 1 MW) more is
    /// tried; nil when that misses too (an optimum that spreads the shortfall over other
    /// hours), or without a grid link, or with one whose export price is not below its
    /// import price (a scenario capsim refuses once both limits are above zero).
    public func firmResponse(conditions: YearConditions, upperBound: Double, meets: (YearAccount) -> Bool) throws(ProjectionError) -> FirmResponse? {
        // More imports beside exports that pay more than imports cost would measure the
        // trade between them: capsim refuses such a scenario once both limits are above zero.
        guard let grid = conditions.grid, grid.exportLimit == 0 || grid.exportPrice < grid.importPrice,
              upperBound > 0, upperBound.isFinite else { return nil }
        func account(adding added: Double) throws(ProjectionError) -> YearAccount {
            var changed = conditions
            changed.grid?.importLimit += added
            return try accountDispatchedAgain(changed)
        }
        var search = Bisection(meets: upperBound, misses: 0, dispatches: 1)
        if !meets(try account(adding: upperBound)) {
            // At the bound an unserved-energy target is met with equality, which the
            // solver's last digits can tip either way.
            (search.misses, search.meets) = (upperBound, 1.05 * upperBound + 0.001)
            search.dispatches += 1
            guard meets(try account(adding: search.meets)) else { return nil }
        }
        let resolution = max(0.001, 0.05 * upperBound)
        try search.narrow(resolution: { _ in resolution }, limit: Self.dispatchLimit) { (added) throws(ProjectionError) in meets(try account(adding: added)) }
        return FirmResponse(meets: search.meets, misses: search.misses, dispatches: search.dispatches)
    }

    /// The most dispatches one firm-capacity response makes: the upper bound and up to
    /// six halvings (five reach the 5 % resolution).
    static let dispatchLimit = 7
}
