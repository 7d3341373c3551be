/// A value set from outside the scenario file — a sweep axis or a search — laid over the
/// file's own value before the scenario is decoded, so it is read, unit-checked and
/// validated exactly like a value written in the file.
///
/// `path` names mapping keys joined by dots (`technologies.lfp_bases.capacity`); every
/// key but the last must exist in the file (a misspelt id is an error, with a
/// suggestion), and the last must be one its parent can hold (a year only under
/// milestones: `misplacedKey`); `value` is taken as written, as a plain unquoted YAML
/// scalar (`0.5 GW`, `4 h`, `85 %`; quotes and `#` are part of the text). A value
/// replaces the whole key: milestones, events and labels alike. A value of `~` alone
/// removes the key, as `~` does in a file that `extends:` another, so that a key one
/// setting makes wrong can go with it (`accounting.coal_power_heat_rate=~` beside
/// `accounting.method=calorific`); no key takes `~` as a value.
public struct ScenarioOverride: Sendable, Hashable {
    public var path: String
    public var value: String
    /// Where a file wrote the value, nil for a `--set` option.
    public var origin: Origin?

    /// A value written in a file (a sweep file's `set:`): messages about it point at its
    /// line there and name the key as the file does (`set: technologies.lfp_bases.capacity`),
    /// not as an option the user never gave.
    public struct Origin: Sendable, Hashable {
        public var location: SourceLocation
        /// The file's mapping that holds the key (`set`).
        public var mapping: String

        public init(location: SourceLocation, mapping: String) {
            self.location = location
            self.mapping = mapping
        }
    }

    public init(path: String, value: String, origin: Origin? = nil) {
        self.path = path
        self.value = value
        self.origin = origin
    }

    /// The override as `KEY=VALUE`, as the reports of a run list it.
    public var setting: String { "\(path)=\(value)" }

    /// How the override is named in messages: `--set technologies.lfp_bases.capacity=0.5 GW`.
    public var label: String { "--set \(setting)" }

    /// Where messages place the value: its line in the file that wrote it, else the option
    /// (line 0: a place without lines).
    public var location: SourceLocation { origin?.location ?? SourceLocation(file: label, line: 0, column: 0) }

    /// `diagnostic` with the key named as the file writing the value names it, when it is
    /// about this override's value.
    func naming(_ diagnostic: Diagnostic) -> Diagnostic {
        // Two values at one place (a YAML alias repeats its anchor's) name the key once.
        guard let origin, diagnostic.location == origin.location, !diagnostic.path.hasPrefix("\(origin.mapping): ") else { return diagnostic }
        var named = diagnostic
        named.path = "\(origin.mapping): \(diagnostic.path)"
        return named
    }
}

extension ScenarioLoader {
    /// Reads a scenario file and lays `overrides` over it before decoding.
    public static func load(path: String, overrides: [ScenarioOverride]) throws(ScenarioError) -> Scenario {
        try decode(ScenarioSource.load(path: path), overriddenBy: overrides, file: path)
    }

    /// Decodes an already read tree (`ScenarioSource.load`) with `overrides` laid over it:
    /// a sweep reads the file once and decodes it once per point. A problem with a value a
    /// file wrote is placed, and its key named, as in that file (`ScenarioOverride.Origin`).
    public static func decode(_ root: SourceNode, overriddenBy overrides: [ScenarioOverride], file: String) throws(ScenarioError) -> Scenario {
        var tree = root
        var problems: [Diagnostic] = []
        for override in overrides {
            if let problem = missingParent(of: override, in: root) {
                problems.append(problem)
                continue
            }
            tree = tree.overlaid(with: layer(override))
        }
        do throws(ScenarioError) {
            guard problems.isEmpty else { throw ScenarioError(problems) }
            let options = overrides.filter { $0.origin == nil }.map { ($0.location.file, file) }
            return try decode(tree, file: file, pathBases: Dictionary(options) { first, _ in first })
        } catch {
            throw ScenarioError(error.diagnostics.map { diagnostic in overrides.reduce(diagnostic) { $1.naming($0) } })
        }
    }

    /// The override as a tree of one branch: `{a: {b: {c: value}}}`.
    private static func layer(_ override: ScenarioOverride) -> SourceNode {
        let location = override.location
        var node = SourceNode(value: override.value == "~" ? .null : .scalar(override.value, quoted: false), location: location)
        for key in keys(of: override).reversed() {
            node = SourceNode(value: .mapping([SourceNode.Entry(key: key, keyLocation: location, value: node)]), location: location)
        }
        return node
    }

    /// The keys of the override's path, an empty one kept (`a..b`: `a`, ``, `b`) so that
    /// it is refused rather than the path read as another (`a.b`).
    private static func keys(of override: ScenarioOverride) -> [String] {
        override.path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// A diagnostic when a key on the path before the last is not in the file, or the
    /// path has an empty key.
    private static func missingParent(of override: ScenarioOverride, in root: SourceNode) -> Diagnostic? {
        let keys = Self.keys(of: override)
        let location = override.location
        guard !keys.contains(where: \.isEmpty) else {
            return Diagnostic(location: location, path: override.path, found: "the key path \"\(override.path)\"", expected: "mapping keys joined by dots")
        }
        var node = root
        for (depth, key) in keys.dropLast().enumerated() {
            if depth > 0, let problem = misplacedKey(key, under: node, at: keys[..<depth].joined(separator: "."), of: override) { return problem }
            let entries = node.entries ?? []
            guard let next = entries.first(where: { $0.key == key }) else {
                let path = keys[...depth].joined(separator: ".")
                return Diagnostic(location: location, path: override.path, found: "no key \(path) in the scenario" + Suggestion.phrase(for: key, among: entries.map(\.key)),
                                  expected: "the path of a key the scenario has (to set a key of a section the scenario leaves out, write the section in it first)")
            }
            node = next.value
        }
        return keys.count > 1 ? misplacedKey(keys.last ?? "", under: node, at: keys.dropLast().joined(separator: "."), of: override) : nil
    }

    /// A diagnostic when `key` cannot go where the file has its parent (at `parentPath`):
    /// laid over a single value or a list (of events, of targets), a key would replace the
    /// whole value — setting `capacity.2022` where the file writes `capacity: 0.15 GW`
    /// would leave 0 GW in every other year — and a year beside `value:` (or `value`
    /// beside milestones) mixes the two forms of one key.
    private static func misplacedKey(_ key: String, under parent: SourceNode, at parentPath: String, of override: ScenarioOverride) -> Diagnostic? {
        let written = "\(parentPath), which \(parent.location.file):\(parent.location.line) writes as"
        // Four ASCII digits, as a milestone's key (no regex: this runs at every sweep point's decode).
        func yearKey(_ text: Substring) -> Bool { text.utf8.count == 4 && text.utf8.allSatisfy { (48...57).contains($0) } }
        let isYear = yearKey(key[...])
        let parentIsYear = parentPath.split(separator: ".").last.map(yearKey) ?? false
        // Replacing the parent is the way round, and for a year, milestones in the file (unless the parent is a milestone itself).
        let whole = "--set \(parentPath)=VALUE to replace the whole of it" + (isYear && !parentIsYear ? ", or milestones by year written in the file first" : "")
        func refuse(_ found: String, _ expected: String) -> Diagnostic {
            Diagnostic(location: override.location, path: override.path, found: found, expected: expected)
        }
        if key == "events" {
            return refuse("events, a list, which --set cannot give", "--set \(parentPath)=VALUE for one value in every year, or the events written in the file")
        }
        switch parent.value {
        case .scalar:
            return refuse("a key under \(written) one value, \(parent.summary)", whole)
        case .sequence:
            return refuse("a key under \(written) a list", "a key of a mapping (--set cannot name an item of a list; --set \(parentPath)=VALUE replaces the whole of it)")
        case let .mapping(entries):
            if isYear && entries.contains(where: { $0.key == "value" }) {
                return refuse("a year under \(written) one labelled value ({value: …})", whole)
            }
            if key == "value" && entries.contains(where: { yearKey($0.key[...]) || $0.key == "events" }) {
                return refuse("value under \(written) milestones or events by year",
                              "--set \(parentPath).YEAR=VALUE for one milestone, or --set \(parentPath)=VALUE for one value in every year")
            }
            return nil
        case .null:
            return nil
        }
    }
}
