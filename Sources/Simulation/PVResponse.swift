import Accounting
import EconomicDispatch
import EnergyModel

extension Projection {
    /// The year of `conditions` dispatched again with `added` GW more PV, in service all
    /// year on the largest PV technology (its capacity factors, so the same weather), and
    /// the non-fossil share that results against `base`, the share as simulated; nil when
    /// the year has no PV or `added` is not positive. One more solve of the year, for the
    /// share levers (`ShareResponse`). Storage keeps the year's aged energy.
    public func pvResponse(conditions: YearConditions, base: Double, adding added: Double) throws(ProjectionError) -> ShareResponse? {
        let solar: Set<TechnologyKind> = [.solarCentralised, .solarDistributed]
        guard added > 0, added.isFinite,
              let index = conditions.technologies.indices.filter({ solar.contains(conditions.technologies[$0].technology.kind) })
                  .max(by: { conditions.technologies[$0].capacity < conditions.technologies[$1].capacity }) else { return nil }
        var changed = conditions
        changed.technologies[index].add(added)
        let account = try accountDispatchedAgain(changed)
        return ShareResponse(added: added, base: base, share: account.nonFossilShare)
    }
}
