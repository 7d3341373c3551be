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

    /// Refuses each of `keys` written beside `given` (both present and not null), whose
    /// value `given` replaces: a value written and then ignored would be a silent wrong
    /// answer (`tilt:` beside `profile_csv:`). Returns whether all is well.
    func refuse(_ keys: [String], besides given: String, because reason: String) -> Bool {
        guard written(given) != nil else { return true }
        var valid = true
        for key in keys where !refuse(key, found: "\(key) beside \(given)", expected: "one or the other: \(reason), so \(key) would be ignored") {
            valid = false
        }
        return valid
    }

    /// Refuses `key` if it is written (present and not null), at the key, with `found`
    /// and `expected` as the message says them. Returns whether all is well.
    func refuse(_ key: String, found: String, expected: String) -> Bool {
        guard let entry = written(key) else { return true }
        decoder.fail(at: entry.keyLocation, field.path.isEmpty ? key : "\(field.path).\(key)", found: found, expected: expected)
        return false
    }

    /// The entry of `key`, unless it is absent or null.
    private func written(_ key: String) -> SourceNode.Entry? {
        entries.first { entry in
            guard entry.key == key else { return false }
            if case .null = entry.value.value { return false }
            return true
        }
    }

    /// When required `keys` are missing and what else may be written depends on them (a
    /// technology's keys on its kind), the keys that look like a misspelling of one are
    /// reported unknown: `kinds: wind` is the cause of "kind is required", and would
    /// otherwise go unnamed.
    func reportMisspellings(of keys: [String]) {
        for key in keys where written(key) == nil {
            reportMisspellings(of: key)
        }
    }

    private func reportMisspellings(of key: String) {
        for entry in entries where !known.contains(entry.key) && Suggestion.closest(to: entry.key, among: [key]) != nil {
            decoder.fail(
                at: entry.keyLocation, field.path.isEmpty ? entry.key : "\(field.path).\(entry.key)",
                found: "the unknown key \"\(entry.key)\"\(Suggestion.phrase(for: entry.key, among: [key]))", expected: "\(key), which is required")
        }
    }

    /// Reports every key that no decoder asked for. The keys listed leave out `source` and
    /// `assumption`, allowed everywhere, unless `listingLabels` (a `{value: …}` mapping,
    /// whose only other key is `value`).
    func finish(subject: String, listingLabels: Bool = false) {
        let labels = ["source", "assumption"]
        let listed = known.filter { !labels.contains($0) } + (listingLabels ? labels : [])
        for entry in entries where !known.contains(entry.key) {
            let hint = Suggestion.phrase(for: entry.key, among: known)
            decoder.fail(
                at: entry.keyLocation, field.path.isEmpty ? entry.key : "\(field.path).\(entry.key)",
                found: "the unknown key \"\(entry.key)\"\(hint)",
                expected: "a key of \(subject): \(listed.joined(separator: ", "))")
        }
    }
}
