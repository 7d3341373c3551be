import EnergyModel
import Foundation
import Reports
import Yams

/// A sweep written down for a repeatable study (YAML):
///
///     scenario: shaoyang.yaml              # relative to this file
///     set:
///       technologies.lfp_bases.capacity: 0.5GW...2GW:0.5GW
///       technologies.xinshao_pumped.duration: [4 h, 6 h]
///     seeds: 1...10                        # or a list; default the scenario's seed
///     years: 2030                          # 2030, [2025, 2030] or 2025...2030
///
/// Options given on the command line replace what the file says (`--seeds`, `--years`,
/// and a `--set` of a key the file sets) or add to it (a `--set` of another key).
public struct SweepFile: Sendable {
    public var scenario: String
    public var axes: [SweepAxis]
    /// Where the file wrote each key of `set:`, for a message naming it.
    public var keyLocations: [String: SourceLocation]
    public var seeds: String?
    public var years: String?
    /// Where the file wrote `seeds:` and `years:`, for a message naming them.
    public var seedsLocation: SourceLocation?, yearsLocation: SourceLocation?

    /// The keys of a sweep file.
    static let keys = ["scenario", "set", "seeds", "years"]

    /// Whether `path` is a sweep file rather than a scenario: a mapping with `scenario:`,
    /// `set:`, `seeds:` or a `years:` that is no mapping, and none of a scenario's own
    /// sections. Decided by those keys and not by `scenario:` alone, so that a sweep file
    /// with `scenario:` misspelt is reported as a sweep file with an unknown key, not as a
    /// scenario missing its sections.
    public static func isSweepFile(_ path: String) -> Bool {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), let node = try? Yams.compose(yaml: text), let mapping = node.mapping else { return false }
        let present = Set(mapping.keys.compactMap(\.string))
        // A scenario's years: is a mapping ({base, end}); a sweep file's, a year or a list.
        let sweepYears = mapping["years"].map { $0.mapping == nil } ?? false
        return (sweepYears || !present.isDisjoint(with: ["scenario", "set", "seeds"])) && present.isDisjoint(with: ["name", "extends", "technologies", "demand", "location"])
    }

    public static func read(_ path: String) throws -> SweepFile {
        guard let source = try? String(contentsOfFile: path, encoding: .utf8) else { throw SweepError("cannot read the sweep file \(path)") }
        let node: Node?
        do { node = try Yams.compose(yaml: source) } catch { throw SweepError("\(path): not YAML: \(error)") }
        func location(_ node: Node?) -> SourceLocation { Self.location(of: node, in: path) }
        guard let mapping = node?.mapping else {
            throw SweepError("\(location(node)): expected a mapping with scenario:, set:, seeds: and years:")
        }
        for key in mapping.keys where !Self.keys.contains(key.string ?? "") {
            let name = key.string.map { "\"\($0)\"\(Suggestion.phrase(for: $0, among: Self.keys))" } ?? kind(key)
            throw SweepError("\(location(key)): unknown key \(name); a sweep file has scenario, set, seeds and years")
        }
        guard let scenario = mapping["scenario"]?.string else {
            throw SweepError("\(location(mapping["scenario"] ?? node)): expected scenario: the scenario file the sweep runs, relative to this file")
        }
        let (axes, keyLocations) = try Self.axes(mapping["set"], path: path)
        // A scalar, or a list of scalars joined by commas; anything else (a list item that
        // is a mapping was dropped, leaving fewer seeds than written) is refused at its place.
        func joined(_ key: String) throws -> String? {
            guard let node = mapping[key], node.null == nil else { return nil }
            for item in node.sequence.map(Array.init) ?? [node] where item.scalar == nil || item.null != nil {
                throw SweepError("\(location(item)): the sweep file's \(key): expected a scalar or a list of scalars, found \(kind(item))")
            }
            return node.sequence.map { $0.compactMap(\.string).joined(separator: ",") } ?? node.string
        }
        return SweepFile(scenario: ScenarioSource.resolve(scenario, against: path), axes: axes, keyLocations: keyLocations,
                         seeds: try joined("seeds"), years: try joined("years"),
                         seedsLocation: mapping["seeds"].map(location), yearsLocation: mapping["years"].map(location))
    }

    /// The axes of `set:` (none when it is absent or empty) and where each key is written.
    /// Anything but a mapping of key to a value or a list of values is refused at its place:
    /// a list of mappings, a scalar or a nested value was read as no axis or an empty item.
    private static func axes(_ set: Node?, path: String) throws -> ([SweepAxis], [String: SourceLocation]) {
        guard let set, set.null == nil else { return ([], [:]) }
        func location(_ node: Node) -> SourceLocation { Self.location(of: node, in: path) }
        guard let entries = set.mapping else {
            throw SweepError("\(location(set)): the sweep file's set: must be a mapping of scenario key to a value or list of values, found \(kind(set))")
        }
        var axes: [SweepAxis] = [], keyLocations: [String: SourceLocation] = [:]
        for (key, value) in entries {
            let source = "\(location(key)): the sweep file's set:"
            guard key.scalar != nil, let axisPath = key.string?.trimmingCharacters(in: .whitespaces) else {
                throw SweepError("\(source) expected a scenario key, found \(kind(key))")
            }
            // Each item at its own line. A scalar may list values split by commas, as --set
            // does; an item of a YAML list is one value, commas and all (a CSV path may hold one).
            var items: [(text: String, origin: ScenarioOverride.Origin?)] = []
            let list = value.sequence.map(Array.init)
            for node in list ?? [value] {
                // `~` removes the key, as `--set KEY=~` does.
                if node.null != nil, node.scalar != nil {
                    items.append(("~", ScenarioOverride.Origin(location: location(node), mapping: "set")))
                    continue
                }
                guard node.scalar != nil else {
                    throw SweepError("\(location(node)): the sweep file's set: \(axisPath): expected a scalar or a list of scalars (values with units, or ranges A...B:STEP), found \(kind(node))")
                }
                let origin = ScenarioOverride.Origin(location: location(node), mapping: "set")
                let text = node.string ?? ""
                items += list == nil ? CSVField.pieces(text, at: ",").map { ($0, origin) } : [(text, origin)]
            }
            let axis = try SweepAxis.parse(path: axisPath, items: items, source: source).get()
            if let other = axes.first(where: { SweepAxis.overlaps($0.path, axis.path) }), let first = keyLocations[other.path] {
                throw SweepError(other.path == axis.path ? "\(source) \(axis.path): given twice (first on line \(first.line)); give the key once, with all its values"
                    : "\(source) \(axis.path) and \(other.path) (line \(first.line)): \(SweepAxis.overlapProblem)")
            }
            axes.append(axis)
            keyLocations[axis.path] = location(key)
        }
        return (axes, keyLocations)
    }

    /// Where `node` is written in the sweep file `path` (its start when there is no node).
    private static func location(of node: Node?, in path: String) -> SourceLocation {
        SourceLocation(file: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
    }

    /// How a node found where another was expected is named in a message.
    private static func kind(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar where node.null != nil: "no value"
        case let .scalar(scalar): "the scalar \(scalar.string)"
        case .alias: "an alias"
        }
    }

    /// Seeds written `A...B`, `A-B` or `A,B,C`; `source` names where they were written in
    /// a message (`--seeds`, or a sweep file's `seeds:`).
    public static func seeds(_ text: String, source: String = "--seeds") throws -> [UInt64] {
        let parts = text.replacingOccurrences(of: "...", with: "-")
        if parts.contains("-"), !parts.contains(",") {
            let ends = pieces(parts, "-").map { UInt64($0) }
            guard ends.count == 2, let first = ends[0], let last = ends[1], first <= last, last - first < 100_000 else {
                throw SweepError("\(source) \(text): expected seeds A...B (whole numbers from 0, A ≤ B, at most 100 000 of them) or A,B,C")
            }
            return Array(first...last)
        }
        let list = pieces(parts, ",").map { UInt64($0) }
        // A list of thousands is named by its start, not written out whole.
        let shown = text.count > 80 ? String(text.prefix(60)) + "…" : text
        guard !list.contains(nil) else { throw SweepError("\(source) \(shown): expected seeds A...B or A,B,C (whole numbers from 0)") }
        let seeds = list.compactMap { $0 }
        guard seeds.count <= 100_000 else {
            throw SweepError("\(source) \(shown): \(seeds.count) seeds, expected at most 100 000")
        }
        if let repeated = firstRepeated(seeds) {
            throw SweepError("\(source) \(shown): the seed \(repeated) twice (it would count as two seeds in the summary)")
        }
        return seeds
    }

    /// Years written `Y`, `Y1,Y2` (each on its own) or `A...B` / `A-B` (one projection);
    /// `source` as for `seeds`.
    public static func years(_ text: String, source: String = "--years") throws -> SweepPlan.YearSelection {
        let parts = text.replacingOccurrences(of: "...", with: "-")
        if parts.contains("-") {
            let ends = pieces(parts, "-").map { Int($0) }
            guard ends.count == 2, let first = ends[0], let last = ends[1], first <= last else {
                // A list and a range together (2020,2020...2021) is neither.
                let form = parts.contains(",") ? "Y, Y1,Y2 (each year a projection of its own) or A...B (one projection), not both" : "A...B with A ≤ B"
                throw SweepError("\(source) \(text): expected \(form)")
            }
            return .range(first...last)
        }
        let list = pieces(parts, ",").map { Int($0) }
        guard !list.contains(nil) else { throw SweepError("\(source) \(text): expected Y, Y1,Y2 or A...B") }
        let years = list.compactMap { $0 }
        if let repeated = firstRepeated(years) {
            throw SweepError("\(source) \(text): the year \(repeated) twice (its rows would count as two seeds in the summary)")
        }
        return .each(years)
    }

    /// `text` cut at every `separator`, each piece trimmed of spaces — empty pieces kept, so
    /// that a sign or a doubled separator (`-1...3`, `1--3`, `1,,2`) makes a piece no
    /// number reads, and the text is refused rather than read as another.
    private static func pieces(_ text: String, _ separator: Character) -> [String] {
        text.split(separator: separator, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The first item equal to an earlier one.
    private static func firstRepeated<T: Hashable>(_ items: [T]) -> T? {
        var seen: Set<T> = []
        return items.first { !seen.insert($0).inserted }
    }
}
