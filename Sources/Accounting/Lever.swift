import EnergyModel

/// A first-order estimate of what would close a missed or within-tolerance target: the
/// change of one lever, everything else held as simulated, that brings the counted value
/// to the threshold (for `about`, to the edge of the band). Moving a lever in the real
/// system moves other things too (more PV changes the dispatch, imports and the energy
/// balance), so the amount is a guide to the size of the gap, not a plan.
///
/// With gap = −margin > 0 in the target's canonical units (`TargetEvaluation.margin`):
///
/// - capacity, capacity_added: gap GW of the selected technologies.
/// - non_fossil_share: ΔNF = gap·TEC tce (= required·TEC − NF for at_least), TEC held
///   fixed; as local non-fossil electricity replacing fossil energy, ΔNF ÷ k GWh; as PV,
///   ΔNF ÷ k ÷ h_PV GW with h_PV the year's solar full-load hours. With a measured
///   `ShareResponse`: the PV the year, dispatched again with it, needs to meet the
///   target (found by doubling, then bisection), or the share the most PV tried reached.
/// - fuel: gap tce, and gap ÷ scale in the unit the threshold was written in.
/// - unserved_energy: gap GWh of load to serve; and F GW of firm capacity (available in
///   every hour, the rest of the dispatch unchanged), the smallest F with
///   Σ_t max(0, u_t − F) ≤ E, u_t the hourly unserved load and E the threshold.
/// - loss_of_load_hours: the year's whole unserved energy, GWh: serving it removes every
///   loss-of-load hour. It is an upper bound: serving part of it may be enough. And F GW
///   of firm capacity: the (N+1)-th largest u_t for at most N hours, which leaves only the
///   N largest hours short with the rest of the dispatch unchanged; dispatched again, a
///   least-cost dispatch may spread the shortfall left over more hours, so it is no bound.
///   The unserved-energy firm lever is an upper bound: storage could shift energy into
///   the hours short, so the system may need less.
///   With a measured `FirmResponse`: the import capacity the year, dispatched again with
///   it, needs to meet the target, storage and all answering (found by bisection).
/// - curtailment: gap·A GWh of curtailed energy to absorb, A the energy wind, solar and
///   run-of-river offered (curtailed − required·A for at_most). With a measured
///   `StorageResponse`: the battery power (and energy, at the battery's duration) the year,
///   dispatched again with it, needs to meet the target (found by bisection).
public struct Lever: Sendable, Equatable {
    /// What to change, in words.
    public var text: String
    /// How much, in `unit`; always positive.
    public var amount: Double
    /// The unit of `amount`: "GW", "GWh", "tce", the symbol a fuel threshold was written
    /// in, or "%" for the share a measured PV search reached without closing the target.
    public var unit: String

    public init(text: String, amount: Double, unit: String) {
        self.text = text
        self.amount = amount
        self.unit = unit
    }

    /// The levers that would close `evaluation`, each a first-order estimate; empty when
    /// the target is met, or when it needs `account` and there is none. A reliability or
    /// curtailment target missed on the low side (at least some unserved energy) gets none.
    /// `response`, for a share target, is the year's measured answer to more PV; `firm`,
    /// for a reliability target, its measured answer to more import capacity; `storage`,
    /// for a curtailment target, its measured answer to a larger battery.
    public static func closing(_ evaluation: TargetEvaluation, account: YearAccount?, response: ShareResponse? = nil, firm: FirmResponse? = nil,
                               storage: StorageResponse? = nil) -> [Lever] {
        guard evaluation.status != .met else { return [] }
        let target = evaluation.target
        let gap = -evaluation.margin
        let raise = evaluation.value < target.required
        // A measured search stops at an `about` band's near edge, found to within 5 %: a band
        // narrower than that may be passed (1.694 GW of PV took a 2025 share to 33.017 %
        // against about 33 % ± 0), which the lever says rather than claims to close it.
        let band = target.comparison == .about ? "; it reaches the band's near edge and may pass its far edge" : ""
        switch (target.kind, account) {
        case (.capacity, _), (.capacityAdded, _):
            let what = target.selectors.joined(separator: ", ")
            // Retiring capacity does not undo additions already counted: too many additions are fewer to build.
            let change = raise ? "to add" : target.kind == .capacityAdded ? "additions to forgo" : "to remove"
            return [Lever(text: "first-order: capacity of \(what) \(change)", amount: gap, unit: "GW")]
        case (_, nil):
            return []
        case let (.nonFossilShare, account?):
            return shareLevers(gap: gap, raise: raise, account: account, response: response, band: band)
        case (.fuel, _):
            let fuel = target.fuel.map { $0 == .naturalGas ? "natural gas" : $0.rawValue } ?? "fuel"
            let text = "first-order: \(fuel) consumption to \(raise ? "add" : "cut")"
            let written = target.displayUnit
            return [Lever(text: text, amount: gap, unit: "tce")]
                + (written.symbol == "tce" ? [] : [Lever(text: text, amount: written.display(gap), unit: written.symbol)])
        case let (.unservedEnergy, account) where !raise:
            let energy = Lever(text: "first-order: unserved load to serve (firm capacity, storage or imports)", amount: gap, unit: "GWh")
            let hours = account?.energy.unservedHours ?? []
            return [energy] + (hours.isEmpty ? [] : [firmCapacity(hours, leaving: evaluation.value - gap)]) + measured(firm, band: band)
        case let (.lossOfLoadHours, account?) where !raise:
            let energy = Lever(text: "first-order upper bound: serve all the year's unserved load, removing every loss-of-load hour",
                               amount: account.energy.unserved, unit: "GWh")
            let hours = account.energy.unservedHours, allowed = max(0, Int((evaluation.value - gap).rounded(.down)))
            return [energy] + (allowed < hours.count ? [firmLever(hours[allowed], bound: false)] : []) + measured(firm, band: band)
        case let (.curtailment, account?) where !raise:
            return [Lever(text: "first-order: curtailed wind, solar and run-of-river energy to absorb (storage, load or export)",
                          amount: gap * account.variableAvailable, unit: "GWh")] + measured(storage, band: band)
        case (.unservedEnergy, _), (.lossOfLoadHours, _), (.curtailment, _):
            return []
        }
    }

    /// ΔNF = gap·TEC tce with TEC unchanged. With a measured `response`: the PV the year,
    /// dispatched again with it, needs to meet the target, and its energy at this year's
    /// PV full-load hours; or, when the most PV tried misses, the share that reached. Without
    /// one: ΔNF ÷ k GWh of local non-fossil electricity in place of fossil energy, and
    /// ΔNF ÷ k ÷ h_PV GW of PV (left out when the year has no PV).
    /// None when TEC is at or below zero: no share is formed (it is shown as 0), and a
    /// gap × TEC would be a negative amount of energy to add.
    private static func shareLevers(gap: Double, raise: Bool, account: YearAccount, response: ShareResponse?, band: String) -> [Lever] {
        guard account.totalEnergyConsumption > 0 else { return [] }
        let energy = gap * account.totalEnergyConsumption
        let change = raise ? "more" : "less"
        var levers = [Lever(text: "first-order, total energy consumption unchanged: \(change) non-fossil energy", amount: energy, unit: "tce")]
        let electricity = energy / account.primaryElectricityFactor
        let local = Lever(text: "first-order: \(change) local non-fossil electricity in place of fossil energy", amount: electricity, unit: "GWh")
        if raise, let response {
            let dispatches = Self.dispatches(response.dispatches)
            guard let pv = response.meets else {
                let text = "measured, not closed by PV alone: the share with \(short(response.misses)) GW more PV on \(response.technology), " +
                    "in service all year, the most tried (\(dispatches))"
                return levers + [local, Lever(text: text, amount: 100 * (response.reached ?? 0), unit: "%")]
            }
            let text = "measured, the year dispatched again with more PV on \(response.technology), in service all year " +
                "(\(dispatches); \(short(response.misses)) GW more misses\(band))"
            levers.append(Lever(text: "\(text): PV capacity to add", amount: pv, unit: "GW"))
            if account.solarFullLoadHours > 0 {
                levers.append(Lever(text: "measured: that PV's energy, at this year's PV full-load hours", amount: pv * account.solarFullLoadHours, unit: "GWh"))
            }
            return levers
        }
        levers.append(local)
        if account.solarFullLoadHours > 0 {
            let pv = electricity / account.solarFullLoadHours
            // Less PV than the year has cannot be taken away: say so rather than ask for it.
            let beyond = !raise && pv > account.solarCapacity
                ? " (more than the \(short(account.solarCapacity)) GW in service: taking all of it away does not close the gap)" : ""
            levers.append(Lever(text: "first-order: \(change) PV capacity at this year's PV full-load hours\(beyond)", amount: pv, unit: "GW"))
        }
        return levers
    }

    /// Firm capacity F, GW, in every hour: the smallest with Σ max(0, u_t − F) ≤ `energy`
    /// GWh, `hours` the u_t largest first. Between the k-th and (k+1)-th largest the sum is
    /// P_k − k F (P_k the sum of the k largest), so F = (P_k − energy) ÷ k at the first k
    /// where that is at least u_{k+1}.
    private static func firmCapacity(_ hours: [Double], leaving energy: Double) -> Lever {
        var prefix = 0.0
        for (k, hour) in hours.enumerated() {
            prefix += hour
            let level = (prefix - energy) / Double(k + 1)
            if level >= (k + 1 < hours.count ? hours[k + 1] : 0) { return firmLever(max(0, level)) }
        }
        return firmLever(0)
    }

    /// The lever `response` measured: the smallest import capacity found to meet the
    /// target, with the interval the bisection left.
    private static func measured(_ response: FirmResponse?, band: String) -> [Lever] {
        guard let response else { return [] }
        let dispatches = Self.dispatches(response.dispatches)
        let text = "measured, the year dispatched again with more imports, storage answering (\(dispatches); " +
            "\(short(response.misses)) GW more misses\(band)): import capacity to add"
        return [Lever(text: text, amount: response.meets, unit: "GW")]
    }

    /// The levers `response` measured: the smallest battery power found to meet the
    /// target, with the interval the bisection left, and its energy at the battery's duration.
    private static func measured(_ response: StorageResponse?, band: String) -> [Lever] {
        guard let response else { return [] }
        let dispatches = Self.dispatches(response.dispatches)
        guard let power = response.meets else {
            let text = "measured, not closed by a larger \(response.battery): the curtailment with \(short(response.misses)) GW more at its " +
                "\(short(response.durationHours)) h, in service all year, the most tried (\(dispatches))"
            return [Lever(text: text, amount: 100 * (response.reached ?? 0), unit: "%")]
        }
        let text = "measured, the year dispatched again with a larger \(response.battery) at its \(short(response.durationHours)) h, new cells in service all year " +
            "(\(dispatches); \(short(response.misses)) GW more misses\(band))"
        return [Lever(text: "\(text): battery power to add", amount: power, unit: "GW"),
                Lever(text: "measured: that battery's energy, at \(short(response.durationHours)) h", amount: power * response.durationHours, unit: "GWh")]
    }

    /// Firm capacity in every hour, the rest of the dispatch unchanged: an upper bound for
    /// unserved energy, which storage may shift; not for loss-of-load hours (`bound` false),
    /// since a least-cost dispatch may spread the shortfall left over more hours (0.111 GW
    /// taking a year from 131 h to 21 h against at most 20).
    private static func firmLever(_ amount: Double, bound: Bool = true) -> Lever {
        let text = bound ? "first-order upper bound: firm capacity available in every hour, the rest of the dispatch unchanged"
            : "first-order: firm capacity available in every hour, the rest of the dispatch unchanged (dispatched again, the shortfall may spread over more hours)"
        return Lever(text: text, amount: amount, unit: "GW")
    }

    /// How many dispatches a measured lever's search made, in words.
    private static func dispatches(_ count: Int) -> String { count == 1 ? "1 dispatch" : "\(count) dispatches" }

    /// A number inside a lever's words: three significant digits.
    private static func short(_ value: Double) -> String { String(format: "%.3g", value) }
}
