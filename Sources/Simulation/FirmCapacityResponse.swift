import Accounting
import EconomicDispatch
import EnergyModel

extension Projection {
    /// The smallest import capacity to add to the year of `conditions` for `meets` to hold
    /// of its account, found by bisection between 0 (the year as simulated, which misses)
    /// and `upperBound` GW (the firm-capacity lever, which meets with the rest of the
    /// dispatch unchanged), each step a dispatch of the year with the whole system free to
    /// answer — storage charged ahead of the hours short. It stops when the interval is
    /// within 5 % of `upperBound` (at least 1 MW) or after `dispatchLimit` dispatches. When
    /// the lever misses once dispatched — an unserved-energy target met there with
    /// equality, which the solver's last digits can tip, or a loss-of-load-hours target
    /// whose least-cost dispatch spreads the shortfall left over more hours — it is
    /// doubled, at most twice (to 4 × the lever), and the bisection runs between the last
    /// that missed and the first that met. nil when 4 × misses too, or without a grid
    /// link, or with one whose export price is not below its import price (a scenario
    /// capsim refuses once both limits are above zero).
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
        let bracket = try Bisection.bracket(from: upperBound, doublings: 2) { (added) throws(ProjectionError) in meets(try account(adding: added)) }
        guard var search = bracket.search else { return nil }
        let resolution = max(0.001, 0.05 * upperBound)
        try search.narrow(resolution: { _ in resolution }, limit: Self.dispatchLimit) { (added) throws(ProjectionError) in meets(try account(adding: added)) }
        return FirmResponse(meets: search.meets, misses: search.misses, dispatches: search.dispatches)
    }

    /// The most dispatches one firm-capacity response makes: the lever, its doublings and
    /// the halvings that reach the 5 % resolution (five from the lever, six from 4 × it).
    static let dispatchLimit = 9
}
