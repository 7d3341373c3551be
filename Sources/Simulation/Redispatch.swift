import Accounting
import EconomicDispatch
import EnergyModel

extension Projection {
    /// The account of the year of `changed` — a year's conditions with one lever moved —
    /// dispatched again with the year's profiles: one more solve, for the measured levers
    /// (`pvResponse`, `firmResponse`).
    func accountDispatchedAgain(_ changed: YearConditions) throws(ProjectionError) -> YearAccount {
        let model: DispatchModel, dispatch: YearDispatch
        do {
            model = try DispatchModel(scenario: scenario, conditions: changed, profiles: profiles(for: changed.year))
        } catch {
            throw .scenario(error)
        }
        do {
            dispatch = try model.solve(options: options)
        } catch {
            throw .dispatch(error)
        }
        return YearAccount(energy: EnergySummary.annual(dispatch, conditions: changed), scenario: scenario)
    }
}
