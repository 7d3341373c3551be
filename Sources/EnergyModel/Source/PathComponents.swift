/// The folder and the last name of a path, split as text. Foundation's
/// `NSString.deletingLastPathComponent` and `lastPathComponent` trap on a relative path
/// of one character ("x", "é", "x/") on Linux (swift-corelibs-foundation with Swift 6.3),
/// which made `capsim sweep … --html x` crash; capsim splits paths here instead, with the
/// same results for every other path.
public enum PathComponents {
    /// The path without its last name and the slashes before it: "a/b" → "a",
    /// "a//b/" → "a", "/x" → "/", "x" → "", "/" → "/", "" → "".
    public static func folder(of path: String) -> String {
        let trimmed = withoutTrailingSlashes(Substring(path))
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let head = withoutTrailingSlashes(trimmed[...slash])
        return String(head)
    }

    /// The last name: "a/b" → "b", "a/b/" → "b", "x" → "x", "/" → "/", "" → "".
    public static func name(of path: String) -> String {
        let trimmed = withoutTrailingSlashes(Substring(path))
        guard trimmed != "/", let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `path` without slashes at its end, but "/" kept when it is all there is.
    private static func withoutTrailingSlashes(_ path: Substring) -> Substring {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        return path
    }
}
