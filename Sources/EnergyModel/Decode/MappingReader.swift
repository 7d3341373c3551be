/// Reads the keys of one mapping. Every key a decoder asks for becomes a known key, so
/// `finish` can report the keys nobody asked for, with a did-you-mean suggestion.
/// `source:` and `assumption:` are allowed in every mapping and label its numbers.
struct MappingReader {
    let field: Field
    let decoder: Decoder
    let entries: [SourceNode.Entry]
    /// The provenance for values in this mapping: its own label, else the inherited one.
    let provenance: Provenance?
    private var known: [String] = ["source", "assumption"]

    init?(_ field: Field, _ decoder: Decoder, expected: String) {
        guard let entries = field.node.entries else {
            decoder.fail(field, expected: expected)
            return nil
        }
        self.field = field
        self.decoder = decoder
        self.entries = entries
        var own: Provenance?
        for entry in entries {
            guard let kind = Provenance.Kind(rawValue: entry.key) else { continue }
            let labelField = field.child(entry.key, entry.value, nil)
            if let text = entry.value.scalarText, text.contains(where: \.isLetter) {
                own = Provenance(kind: kind, text: text)
            } else {
                let found = entry.value.scalarText.map { "\"\($0)\"" } ?? entry.value.summary
                decoder.fail(labelField, found: found, expected: "a line of text saying where the numbers come from (words, not a bare number)")
            }
        }
        provenance = own ?? field.provenance
    }

    /// The value of `key`, or nil when it is absent or null.
    mutating func optional(_ key: String) -> Field? {
        if !known.contains(key) { known.append(key) }
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        if case .null = entry.value.value { return nil }
        return field.child(key, entry.value, provenance)
    }

    /// The value of `key`; its absence is reported.
    mutating func required(_ key: String, expected: String) -> Field? {
        let value = optional(key)
        if value == nil {
            decoder.fail(
                at: field.node.location, field.path.isEmpty ? key : "\(field.path).\(key)",
                found: "no value", expected: "\(expected) (\"\(key)\" is required)")
        }
        return value
    }

    /// Reports every key that no decoder asked for.
    func finish(subject: String) {
        for entry in entries where !known.contains(entry.key) {
            let hint = Suggestion.phrase(for: entry.key, among: known)
            decoder.fail(
                at: entry.keyLocation, field.path.isEmpty ? entry.key : "\(field.path).\(entry.key)",
                found: "the unknown key \"\(entry.key)\"\(hint)",
                expected: "a key of \(subject): \(known.filter { $0 != "source" && $0 != "assumption" }.joined(separator: ", "))")
        }
    }
}
