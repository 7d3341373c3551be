import Accounting
import EconomicDispatch
import EnergyModel

extension Projection {
    /// The smallest battery power to add to the year of `conditions` for `meets` to hold of
    /// its account — a curtailment target, which a larger battery meets by taking in the
    /// surplus hours' energy and giving it back in others. The year's largest LFP battery is
    /// made larger at its own duration (nameplate energy ÷ power), the addition in service
    /// all year with all its energy usable, and the year is dispatched again.
    ///
    /// Found by bisection between 0 (the year as simulated, which misses) and the year's
    /// wind, solar and run-of-river capacity P_v, doubled up to three times (to 8 P_v) while
    /// it misses: no hour curtails more power than P_v, but at a fixed duration more power
    /// is also more energy, which a surplus longer than the duration needs (a 1 h battery
    /// beside 4 GW of PV closed a 10 % target at 4.25 GW more). It stops when the interval is
    /// within 5 % of the smallest power found to meet (at least 1 MW) or after
    /// `storageDispatchLimit` dispatches. nil when the year has no LFP in service or no
    /// variable renewables. When a battery of 8 P_v more misses too — the surplus has
    /// nowhere to go (more load, exports or a longer store would be needed) — the response
    /// says what curtailment that reached, and `meets` is nil.
    public func storageResponse(conditions: YearConditions, meets: (YearAccount) -> Bool) throws(ProjectionError) -> StorageResponse? {
        let variable: Set<TechnologyKind> = [.wind, .solarCentralised, .solarDistributed, .runOfRiver]
        let units = conditions.technologies
        let upperBound = units.filter { variable.contains($0.technology.kind) }.reduce(0) { $0 + $1.capacity }
        guard upperBound > 0,
              let index = units.indices.filter({ units[$0].technology.kind == .lfp && units[$0].capacity > 0 })
                  .max(by: { units[$0].capacity < units[$1].capacity }),
              let energy = units[index].nameplateEnergy, energy > 0 else { return nil }
        let duration = energy / units[index].capacity
        func account(adding added: Double) throws(ProjectionError) -> YearAccount {
            var changed = conditions
            changed.technologies[index].add(added, durationHours: duration)
            return try accountDispatchedAgain(changed)
        }
        var reached = 0.0
        let bracket = try Bisection.bracket(from: upperBound, doublings: 3) { (added) throws(ProjectionError) in
            let tried = try account(adding: added)
            reached = tried.curtailmentFraction
            return meets(tried)
        }
        let battery = units[index].technology.id
        guard var search = bracket.search else {
            return StorageResponse(battery: battery, durationHours: duration, meets: nil, misses: bracket.largest, reached: reached, dispatches: bracket.dispatches)
        }
        try search.narrow(resolution: { max(0.001, 0.05 * $0) }, limit: Self.storageDispatchLimit) { (added) throws(ProjectionError) in
            meets(try account(adding: added))
        }
        return StorageResponse(battery: battery, durationHours: duration, meets: search.meets, misses: search.misses, dispatches: search.dispatches)
    }

    /// The most dispatches one storage response makes: P_v (and its doublings) and up to
    /// 13 halvings in all, enough to narrow 10 GW of wind and solar to 5 % of an answer of 25 MW.
    static let storageDispatchLimit = 14
}
