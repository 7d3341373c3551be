import Accounting
import EconomicDispatch
import EnergyModel

extension Projection {
    /// The smallest PV to add to the year of `conditions` for `meets` (a share target) to
    /// hold of its account, each try a dispatch of the year: the PV added to the year's
    /// largest PV technology, in service all year with its capacity factors (the same
    /// weather), storage with the year's aged energy. From `estimate` GW (the first-order
    /// lever) the addition is doubled until the year meets, at most `shareDoublings` times
    /// (to 16 × the estimate), then bisected between the last that missed and the first
    /// that met until the interval is within 5 % of the latter (at least 1 MW) or
    /// `shareDispatchLimit` dispatches are made. When 16 × the estimate misses too, the
    /// response says what share it reached, and `meets` is nil. nil when the year has no
    /// PV or `estimate` is not positive.
    public func pvResponse(conditions: YearConditions, estimate: Double, meets: (YearAccount) -> Bool) throws(ProjectionError) -> ShareResponse? {
        let solar: Set<TechnologyKind> = [.solarCentralised, .solarDistributed]
        guard estimate > 0, estimate.isFinite,
              let index = conditions.technologies.indices.filter({ solar.contains(conditions.technologies[$0].technology.kind) })
                  .max(by: { conditions.technologies[$0].capacity < conditions.technologies[$1].capacity }) else { return nil }
        func account(adding added: Double) throws(ProjectionError) -> YearAccount {
            var changed = conditions
            changed.technologies[index].add(added)
            return try accountDispatchedAgain(changed)
        }
        let technology = conditions.technologies[index].technology.id
        var reached = 0.0
        let bracket = try Bisection.bracket(from: estimate, doublings: Self.shareDoublings) { (added) throws(ProjectionError) in
            let tried = try account(adding: added)
            reached = tried.nonFossilShare
            return meets(tried)
        }
        guard var search = bracket.search else {
            return ShareResponse(technology: technology, meets: nil, misses: bracket.largest, reached: reached, dispatches: bracket.dispatches)
        }
        try search.narrow(resolution: { max(0.001, 0.05 * $0) }, limit: Self.shareDispatchLimit) { (added) throws(ProjectionError) in
            meets(try account(adding: added))
        }
        return ShareResponse(technology: technology, meets: search.meets, misses: search.misses, dispatches: search.dispatches)
    }

    /// How many times the PV search doubles the first-order estimate before it calls the
    /// target out of PV's reach: four, to 16 × the estimate.
    static let shareDoublings = 4

    /// The most dispatches one PV search makes: the doublings and up to six halvings.
    static let shareDispatchLimit = 11
}
