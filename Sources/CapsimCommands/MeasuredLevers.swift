import Accounting
import EconomicDispatch
import EnergyModel
import Foundation
import Reports
import Simulation

/// The scorecard of `capsim run` with its levers measured: each share target below its
/// threshold gets the PV that closes it, found by dispatching its year again from the
/// first-order estimate (`Projection.pvResponse`); each reliability target above its
/// threshold the import capacity that closes it (`Projection.firmResponse`), and each
/// curtailment target above its threshold the battery that closes it
/// (`Projection.storageResponse`). The searches of different targets run side by side
/// on the machine's cores (`Projection.runConcurrently`).
enum MeasuredLevers {
    /// What one target's search found.
    enum Found: Sendable {
        case share(ShareResponse)
        case firm(FirmResponse)
        case storage(StorageResponse)
    }

    /// One target's search: nil when the year cannot take the lever (no PV to add to, say).
    typealias Search = @Sendable (Projection) throws(ProjectionError) -> Found?

    static func scorecard(_ scenario: Scenario, outcomes: [YearOutcome], projection: Projection) -> Scorecard {
        let accounts = outcomes.map(\.account)
        let first = Scorecard(scenario: scenario, accounts: accounts)
        let searches = first.entries.compactMap { search(for: $0, scenario: scenario, outcomes: outcomes) }
        guard !searches.isEmpty else { return first }
        let results = projection.runConcurrently(searches.map(\.run), cores: ProcessInfo.processInfo.activeProcessorCount)
        var shares: [String: ShareResponse] = [:], firm: [String: FirmResponse] = [:], storage: [String: StorageResponse] = [:]
        for ((id, _), result) in zip(searches, results) {
            switch result {
            case let .success(.share(response)?): shares[id] = response
            case let .success(.firm(response)?): firm[id] = response
            case let .success(.storage(response)?): storage[id] = response
            case .success(nil): break
            case let .failure(error):
                // The first-order levers stand, and the run's own results — every year
                // solved — are kept rather than lost to a lever.
                let cause = error.description.hasPrefix("capsim: ") ? String(error.description.dropFirst(8)) : error.description
                Console.current.err("capsim: \(id): no measured lever, the first-order ones stand: \(cause)\n")
            }
        }
        guard !shares.isEmpty || !firm.isEmpty || !storage.isEmpty else { return first }
        return Scorecard(scenario: scenario, accounts: accounts, responses: shares, firm: firm, storage: storage)
    }

    /// The search for `entry`'s target, with its id, when the target is missed on the side
    /// a measured lever closes: a share below its threshold (from the first-order PV
    /// estimate), unserved energy or loss-of-load hours above it (between nothing and the
    /// firm-capacity lever), curtailment above it.
    private static func search(for entry: Scorecard.Entry, scenario: Scenario, outcomes: [YearOutcome]) -> (id: String, run: Search)? {
        let target = entry.target
        guard let evaluation = entry.evaluation, evaluation.status != .met,
              let year = outcomes.first(where: { $0.year == target.year }) else { return nil }
        let conditions = year.conditions
        let gigawatts = entry.levers.first(where: { $0.unit == "GW" })?.amount
        switch target.kind {
        case .nonFossilShare:
            guard evaluation.value < target.required, let estimate = gigawatts else { return nil }
            return (target.id, { projection throws(ProjectionError) in
                try projection.pvResponse(conditions: conditions, estimate: estimate, meets: closes(target, scenario, raising: true)).map(Found.share)
            })
        case .unservedEnergy, .lossOfLoadHours:
            guard evaluation.value > target.required, let bound = gigawatts else { return nil }
            return (target.id, { projection throws(ProjectionError) in
                try projection.firmResponse(conditions: conditions, upperBound: bound, meets: closes(target, scenario)).map(Found.firm)
            })
        case .curtailment:
            guard evaluation.value > target.required else { return nil }
            return (target.id, { projection throws(ProjectionError) in
                try projection.storageResponse(conditions: conditions, meets: closes(target, scenario)).map(Found.storage)
            })
        default:
            return nil
        }
    }

    /// Whether an account meets `target`, which a measured lever closes from above (a
    /// reliability or curtailment target) or, `raising`, from below (a share): a value
    /// beyond an `about` band on the far side is as good as one inside it (all the upper
    /// bound's imports can leave nothing unserved, below the band).
    private static func closes(_ target: Target, _ scenario: Scenario, raising: Bool = false) -> (YearAccount) -> Bool {
        { account in
            Scorecard.value(of: target, in: scenario, account: account).map { value in
                let counted = target.comparison != .about ? value : raising ? min(value, target.required) : max(value, target.required)
                return TargetEvaluation(target: target, value: counted).status == .met
            } ?? false
        }
    }
}
