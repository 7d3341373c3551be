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

    init(_ node: Node, file: String) {
        location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        switch node {
        case let .scalar(scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            value = !quoted && node.null != nil ? .null : .scalar(scalar.string, quoted: quoted)
        case let .mapping(mapping):
            value = .mapping(
                mapping.map { key, child in
                    let keyNode = SourceNode(key, file: file)
                    return Entry(key: keyNode.scalarText ?? "\(key)", keyLocation: keyNode.location, value: SourceNode(child, file: file))
                })
        case let .sequence(sequence):
            value = .sequence(sequence.map { SourceNode($0, file: file) })
        case let .alias(alias):
            value = .scalar("*\(alias)", quoted: false)
        }
    }

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
        case let .scalar(text, _): "\"\(text)\""
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .null: "an empty value"
        }
    }

    /// This node with `other` laid over it: mappings merge key by key (a null value in
    /// `other` removes the key), anything else is replaced by `other`.
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
            } else if case .null = entry.value.value {
                continue
            } else {
                merged.append(entry)
            }
        }
        return SourceNode(value: .mapping(merged), location: other.location)
    }
}
