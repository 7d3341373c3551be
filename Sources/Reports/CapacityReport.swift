import Accounting
import EnergyModel
import Foundation

/// The capacity table and the capacity scorecard, as terminal text and as JSON.
public enum CapacityReport {
    /// Installed capacity by technology kind and year (GW), then the capacity targets.
    /// Years are shown eleven to a block so that lines stay within 100 columns while every
    /// value is below 100 GW; a column is as wide as its widest number and a space (at
    /// least 7), so that 100 GW or 10 000 GW does not run into the next year's.
    /// `settings`: the scenario values `--set` replaced, `KEY=VALUE`, each listed under the title.
    public static func text(_ card: CapacityScorecard, scenario: Scenario, settings: [String] = []) -> String {
        var lines = ["\(scenario.name): installed capacity, GW at the end of each year"] + settings.map { "  --set \($0)" } + [""]
        let label = 22
        let kinds = card.byKind
        let generation = card.years.indices.map { i in kinds.filter { !$0.kind.isStorage }.reduce(0) { $0 + $1.gigawatts[i] } }
        let storage = card.years.indices.map { i in kinds.filter { $0.kind.isStorage }.reduce(0) { $0 + $1.gigawatts[i] } }
        let rows = kinds.map { ($0.kind.rawValue, $0.gigawatts) } + [("generation total", generation), ("storage power total", storage)]
        for block in stride(from: 0, to: card.years.count, by: 11).map({ Array(card.years.indices)[$0..<min($0 + 11, card.years.count)] }) {
            let cells = rows.map { name, values in (name, block.map { String(format: "%.3f", values[$0]) }) }
            let width = max(7, 1 + (cells.flatMap(\.1).map(TextLayout.width).max() ?? 0))
            lines.append(TextLayout.pad("technology", label) + block.map { TextLayout.pad(String(card.years[$0]), width, right: true) }.joined())
            for (name, values) in cells { lines.append(TextLayout.pad(name, label) + values.map { TextLayout.pad($0, width, right: true) }.joined()) }
            lines.append("")
        }
        lines.append(contentsOf: scorecard(card.evaluations))
        if !card.deferred.isEmpty {
            lines.append("")
            lines.append("Targets that need the hourly dispatch (evaluated by `capsim run`):")
            lines += card.deferred.map { "  \($0.id): \($0.kind.rawValue), \($0.year)" }
        }
        return lines.map(TextLayout.trimmingTrailingSpaces).joined(separator: "\n") + "\n"
    }

    /// One line per target: id, year, threshold, value, margin, status.
    static func scorecard(_ evaluations: [TargetEvaluation]) -> [String] {
        guard !evaluations.isEmpty else { return ["No capacity targets in this scenario."] }
        let lines = ["Capacity targets (≥ at least, ≤ at most, ≈ about; * = strive for, 力争)"]
        let header = ["target", "year", "required", "value", "margin", "status"]
        let rows = evaluations.map { evaluation in
            let target = evaluation.target
            return [target.id + (target.strive ? " *" : ""), String(target.year), TargetText.threshold(target)] + TargetText.outcome(evaluation)
        }
        let widths = TextLayout.fitted([26, 6, 18, 16, 16, 16], to: rows)
        return lines + [TextLayout.columns(header, widths)] + rows.flatMap { TextLayout.row($0, widths) }
    }

    /// The JSON document of `capsim capacity --json` (schema in docs/json.md).
    public static func json(_ card: CapacityScorecard, scenario: Scenario, settings: [String] = []) throws -> Data {
        let document = Document(
            schema: "capsim.capacity/1",
            scenario: .init(name: scenario.name, file: scenario.file, set: settings),
            years: card.years,
            capacityGW: card.capacity.map { .init(id: $0.technology.id, kind: $0.technology.kind.rawValue, name: $0.technology.name, values: $0.gigawatts) },
            targets: card.evaluations.map(TargetRecord.init),
            deferredTargets: card.deferred.map { .init(id: $0.id, year: $0.year, kind: $0.kind.rawValue) })
        return try JSONOutput.encode(document)
    }

    struct Document: Encodable {
        struct ScenarioInfo: Encodable {
            var name: String
            var file: String
            /// The values `--set` replaced, `KEY=VALUE`.
            var set: [String]
        }
        struct Row: Encodable {
            var id: String
            var kind: String
            var name: String?
            var values: [Double]
        }
        struct Deferred: Encodable {
            var id: String
            var year: Int
            var kind: String
        }
        /// Name and version of this document's layout; bumped when a field changes meaning.
        var schema: String
        var scenario: ScenarioInfo
        var years: [Int]
        var capacityGW: [Row]
        var targets: [TargetRecord]
        var deferredTargets: [Deferred]

        enum CodingKeys: String, CodingKey {
            case schema, scenario, years, targets
            case capacityGW = "capacity_gw"
            case deferredTargets = "deferred_targets"
        }
    }
}

/// One target in JSON; numbers are in `unit`, the unit the target was written in.
/// `value` and `margin` are absent, and `status` is `not_simulated`, for a target whose
/// year `capsim run` did not simulate; `levers` (run only) lists first-order estimates of
/// what closes a missed target.
struct TargetRecord: Encodable {
    struct LeverRecord: Encodable {
        var text: String
        var amount: Double
        var unit: String
    }
    var id: String
    var year: Int
    var kind: String
    var comparison: String
    var required: Double
    var tolerance: Double
    var value: Double?
    var margin: Double?
    var unit: String
    var status: String
    var strive: Bool
    var technologies: [String]?
    var since: Int?
    var note: String?
    var levers: [LeverRecord]?

    init(_ evaluation: TargetEvaluation) {
        self.init(target: evaluation.target, evaluation: evaluation, levers: nil)
    }

    init(_ entry: Scorecard.Entry) {
        self.init(target: entry.target, evaluation: entry.evaluation, levers: entry.levers)
    }

    init(target: Target, evaluation: TargetEvaluation?, levers: [Lever]?) {
        let unit = target.displayUnit
        id = target.id
        year = target.year
        kind = target.kind.rawValue
        comparison = target.comparison.rawValue
        required = unit.display(target.required)
        tolerance = unit.display(target.tolerance)
        value = evaluation.map { unit.display($0.value) }
        margin = evaluation.map(\.displayedMargin)
        self.unit = unit.symbol
        status = evaluation?.status.rawValue ?? "not_simulated"
        strive = target.strive
        technologies = target.selectors.isEmpty ? nil : target.selectors
        since = target.since
        note = target.note
        self.levers = levers?.map { LeverRecord(text: $0.text, amount: $0.amount, unit: $0.unit) }
    }
}

extension TargetEvaluation.Status {
    /// The status in words, so that meaning never rests on colour alone.
    public var label: String {
        switch self {
        case .met: "met"
        case .withinTolerance: "within tolerance"
        case .missed: "MISSED"
        }
    }
}
