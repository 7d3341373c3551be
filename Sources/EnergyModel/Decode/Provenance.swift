/// Where a number comes from: a `source:` (plan section, FACTS row, publication) or an
/// `assumption:` (one line of why). A `source:` or `assumption:` key in a mapping labels
/// every number inside that mapping, including nested ones, unless a nested mapping
/// has its own label.
public struct Provenance: Hashable, Sendable {
    public enum Kind: String, Sendable { case source, assumption }
    public var kind: Kind
    public var text: String
}

/// A number written in a scenario, as `capsim validate --provenance` lists it.
public struct NumberRecord: Hashable, Sendable {
    public var location: SourceLocation
    public var path: String
    public var text: String
    public var provenance: Provenance?
}
