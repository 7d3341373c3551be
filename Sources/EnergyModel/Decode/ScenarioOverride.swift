/// A value set from outside the scenario file — a sweep axis or a search — laid over the
/// file's own value before the scenario is decoded, so it is read, unit-checked and
/// validated exactly like a value written in the file.
///
/// `path` names mapping keys joined by dots (`technologies.lfp_bases.capacity`); every
/// key but the last must exist in the file (a misspelt id is an error, with a
/// suggestion); `value` is YAML scalar text (`0.5 GW`, `4 h`, `85 %`). A value replaces
/// the whole key: milestones, events and labels alike.
public struct ScenarioOverride: Sendable, Hashable {
    public var path: String
    public var value: String

    public init(path: String, value: String) {
        self.path = path
        self.value = value
    }

    /// How the override is named in messages: `--set technologies.lfp_bases.capacity=0.5 GW`.
    public var label: String { "--set \(path)=\(value)" }
}

extension ScenarioLoader {
    /// Reads a scenario file and lays `overrides` over it before decoding.
    public static func load(path: String, overrides: [ScenarioOverride]) throws(ScenarioError) -> Scenario {
        try decode(ScenarioSource.load(path: path), overriddenBy: overrides, file: path)
    }

    /// Decodes an already read tree (`ScenarioSource.load`) with `overrides` laid over it:
    /// a sweep reads the file once and decodes it once per point.
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
        guard problems.isEmpty else { throw ScenarioError(problems) }
        return try decode(tree, file: file)
    }

    /// The override as a tree of one branch: `{a: {b: {c: value}}}`.
    private static func layer(_ override: ScenarioOverride) -> SourceNode {
        let location = SourceLocation(file: override.label, line: 1, column: 1)
        var node = SourceNode(value: .scalar(override.value, quoted: false), location: location)
        for key in override.path.split(separator: ".").reversed() {
            node = SourceNode(value: .mapping([SourceNode.Entry(key: String(key), keyLocation: location, value: node)]), location: location)
        }
        return node
    }

    /// A diagnostic when a key on the path before the last is not in the file.
    private static func missingParent(of override: ScenarioOverride, in root: SourceNode) -> Diagnostic? {
        let keys = override.path.split(separator: ".").map(String.init)
        let location = SourceLocation(file: override.label, line: 1, column: 1)
        guard !keys.isEmpty, !keys.contains(where: \.isEmpty) else {
            return Diagnostic(location: location, path: override.path, found: "the key path \"\(override.path)\"", expected: "mapping keys joined by dots")
        }
        var node = root
        for (depth, key) in keys.dropLast().enumerated() {
            let entries = node.entries ?? []
            guard let next = entries.first(where: { $0.key == key }) else {
                let path = keys[...depth].joined(separator: ".")
                return Diagnostic(location: location, path: override.path, found: "no key \(path) in the scenario" + Suggestion.phrase(for: key, among: entries.map(\.key)),
                                  expected: "the path of a key the scenario has")
            }
            node = next.value
        }
        return nil
    }
}
