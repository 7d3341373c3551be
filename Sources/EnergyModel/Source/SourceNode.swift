import Yams

/// A YAML value together with the file, line and column it was written at.
///
/// capsim converts Yams' node tree into this one so that a scenario assembled from
/// several files by `extends:` still knows, for every value, which file it came from:
/// error messages and relative CSV paths both need that.
public struct SourceNode: Sendable {
    public enum Value: Sendable {
        /// A scalar's text; `quoted` is true when it was written in quotes.
        case scalar(String, quoted: Bool)
        case mapping([Entry])
        case sequence([SourceNode])
        case null
    }

    public struct Entry: Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: SourceNode
    }

    public var value: Value
    public var location: SourceLocation

    /// The most values (scalars, keys, lists and mappings) a scenario file may hold once
    /// YAML aliases are expanded. The default scenario holds a few thousand, an hourly
    /// series written inline 8 761; the limit stops a file whose aliases repeat an anchor
    /// many times over (each alias expands to a copy of what it names, so ten levels of
    /// ten aliases make 10¹⁰ values from 500 bytes) in about a second, before it fills
    /// memory.
    static let valueLimit = 2_000_000

    /// One step of the key path down to a node: a mapping's key or a list's position.
    enum PathStep {
        case key(String), index(Int)
    }

    /// Converts Yams' tree, with `budget` values left to convert (counted down); `path`
    /// holds the steps down to `node`, from which a value refused here is named
    /// (`technologies.battery.duration`, `targets[0]`; "(yaml)" at the top). The steps are
    /// joined into text only for that message, not for every node of the file. `isKey`
    /// when `node` is a mapping's key, whose tag is read otherwise (`tagProblem`).
    init(_ node: Node, file: String, path: inout [PathStep], budget: inout Int, isKey: Bool = false) throws(ScenarioError) {
        location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        budget -= 1
        guard budget >= 0 else {
            throw ScenarioError([
                Diagnostic(location: location, path: "(yaml)", found: "more than \(Self.valueLimit) values once the file's aliases (*name) are expanded",
                           expected: "a scenario of ordinary size: aliases that repeat an anchor (&name) many times over are not supported")
            ])
        }
        if isKey, node.scalar == nil {
            throw ScenarioError([Diagnostic(location: location, path: "(yaml)", found: "\(node.mapping != nil ? "a mapping" : "a list") as a mapping key", expected: "a key name")])
        }
        if let (found, expected) = Self.tagProblem(of: node, isKey: isKey) {
            throw ScenarioError([Diagnostic(location: location, path: Self.text(of: path), found: found, expected: expected)])
        }
        switch node {
        case let .scalar(scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            // A scalar tagged as text (`!!str ~`, `! ~`) is text, whatever it reads as:
            // as null, it removed the base's value in a file that extends another.
            let text = quoted || [Tag.Name.str, .nonSpecific].contains(Tag.Name(rawValue: scalar.tag.rawValue))
            value = !text && node.null != nil ? .null : .scalar(scalar.string, quoted: quoted)
        case let .mapping(mapping):
            var entries: [Entry] = [], firsts: [String: SourceLocation] = [:]
            entries.reserveCapacity(mapping.count)
            for (key, child) in mapping {
                let keyNode = try SourceNode(key, file: file, path: &path, budget: &budget, isKey: true)
                guard let name = keyNode.scalarText else {
                    throw ScenarioError([Diagnostic(location: keyNode.location, path: "(yaml)", found: "\(keyNode.summary) as a mapping key", expected: "a key name")])
                }
                path.append(.key(name))
                defer { path.removeLast() }
                // The parser compares keys by text and type, so `2020:` beside `"2020":`, or
                // `off:` beside `"off":`, passed it as two keys; read by their text, the
                // last one silently replaced the first.
                if let first = firsts[name] {
                    throw ScenarioError([Diagnostic.repeatedKey("\"\(name)\"", at: keyNode.location, path: Self.text(of: path), first: first)])
                }
                firsts[name] = keyNode.location
                entries.append(Entry(key: name, keyLocation: keyNode.location, value: try SourceNode(child, file: file, path: &path, budget: &budget)))
            }
            value = .mapping(entries)
        case let .sequence(sequence):
            var items: [SourceNode] = []
            items.reserveCapacity(sequence.count)
            for (index, item) in sequence.enumerated() {
                path.append(.index(index))
                defer { path.removeLast() }
                items.append(try SourceNode(item, file: file, path: &path, budget: &budget))
            }
            value = .sequence(items)
        case let .alias(alias):
            value = .scalar("*\(alias)", quoted: false)
        }
    }

    /// What is wrong with the tag of `node`, nil when nothing is. A tag says what a value
    /// is, so one capsim does not follow would be contradicted: `!!null 2 GW` was read as
    /// 2 GW, `!!int 2 GW` and `!!seq {…}` were accepted, and `!custom` would be dropped.
    /// Only text may be tagged (`!!str`, or `!`), which capsim reads every scalar as.
    /// A key's tag is filled in by the parser from its text when it compares the keys
    /// (`2025-01-01` becomes `!!timestamp`, `=` `!!value`): a tag equal to the one its
    /// text gives is no tag the file wrote, and the key is read (and checked) as text.
    static func tagProblem(of node: Node, isKey: Bool) -> (found: String, expected: String)? {
        let tag: Tag.Name
        switch node {
        case let .scalar(scalar):
            tag = Tag.Name(rawValue: scalar.tag.rawValue)
            let plain = scalar.style == .plain ? Resolver.default.resolveTag(of: Node(scalar.string)) : nil
            if isKey, plain == .merge, tag == .implicit || tag == .merge {
                return ("the merge key <<", "the keys written out: capsim does not read merge keys (<<: *name)")
            }
            if tag == .str || isKey && tag == plain { return nil }
        case let .mapping(mapping): tag = Tag.Name(rawValue: mapping.tag.rawValue)
        case let .sequence(sequence): tag = Tag.Name(rawValue: sequence.tag.rawValue)
        case .alias: return nil
        }
        guard tag != .implicit, tag != .nonSpecific else { return nil }
        let shown = tag.rawValue.hasPrefix(yamlTags) ? "!!" + tag.rawValue.dropFirst(yamlTags.count) : tag.rawValue
        return ("the tag \(shown)", "a value without a tag: capsim reads YAML's plain values (text, numbers, mappings, lists)")
    }

    /// The prefix of YAML's own tags, which a file writes `!!`.
    static let yamlTags = "tag:yaml.org,2002:"

    init(value: Value, location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// The text of a scalar, nil for anything else.
    public var scalarText: String? {
        if case let .scalar(text, _) = value { return text }
        return nil
    }

    /// The entries of a mapping, nil for anything else.
    public var entries: [Entry]? {
        if case let .mapping(entries) = value { return entries }
        return nil
    }

    /// A short description of the value for "found …" in messages.
    public var summary: String {
        switch value {
        case let .scalar(text, _): "\"\(text.count > 80 ? text.prefix(77) + "…" : text)\""
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .null: "an empty value"
        }
    }

    /// `technologies.battery.duration`, `targets[0]`; "(yaml)" for the document itself.
    static func text(of path: [PathStep]) -> String {
        guard !path.isEmpty else { return "(yaml)" }
        return path.reduce(into: "") { text, step in
            switch step {
            case let .key(name): text += text.isEmpty ? name : ".\(name)"
            case let .index(index): text += "[\(index)]"
            }
        }
    }

    /// This node with `other` laid over it: mappings merge key by key (a null value in
    /// `other` removes the key), anything else is replaced by `other`. A null for a key
    /// the base does not have is kept, as a file without `extends:` would keep it: the
    /// decoder takes a known key's null as absent and reports an unknown one, so that a
    /// misspelt key (`full_load_hour: ~`, or the `000 m/s` that `{speed: 1,000 m/s}`
    /// makes a key of) is not dropped without a word.
    func overlaid(with other: SourceNode) -> SourceNode {
        guard case let .mapping(base) = value, case let .mapping(top) = other.value else { return other }
        var merged = base
        for entry in top {
            if let index = merged.firstIndex(where: { $0.key == entry.key }) {
                if case .null = entry.value.value {
                    merged.remove(at: index)
                } else {
                    merged[index].value = merged[index].value.overlaid(with: entry.value)
                    merged[index].keyLocation = entry.keyLocation
                }
            } else {
                merged.append(entry)
            }
        }
        return SourceNode(value: .mapping(merged), location: other.location)
    }
}
