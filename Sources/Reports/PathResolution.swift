import EnergyModel
import Foundation

/// The file a path names once every symbolic link and `..` is followed, whether or not
/// the file exists yet. `AtomicFile` writes there (a link to a file not yet made is
/// followed too, so the link stays a link), and `OutputPaths` compares these paths
/// (`ResolvedPath`), so that `out/../x.csv`, a link and `x.csv` count as one file.
public enum PathResolution {
    /// The absolute path `path` leads to: the real path when it exists; otherwise a
    /// dangling link's destination, or the resolved folder above it with the last name
    /// added. Gives up after `linkLimit` links (a loop), as the kernel does (ELOOP).
    public static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : currentFolder() + "/" + path
        return resolvedAbsolute(absolute, linksLeft: linkLimit)
    }

    /// The current folder, read with a buffer as long as the longest path. Foundation's
    /// `currentDirectoryPath` reads it into 1 026 bytes and gives "" for a longer one, which
    /// put every relative output path under `/`: `--json out.json` wrote /out.json. Beyond
    /// the longest path (or a folder since removed), "." — the kernel still resolves
    /// relative to it.
    static func currentFolder() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The links followed at most; Linux's own limit for one path lookup.
    static let linkLimit = 40

    private static func resolvedAbsolute(_ path: String, linksLeft: Int) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        // It opens but has no path: a pipe or socket behind /dev/stdout or /dev/fd/N,
        // whose link reads "pipe:[N]". The path itself is the way to it.
        var info = stat()
        if stat(path, &info) == 0 { return path }
        let parent = PathComponents.folder(of: path), name = PathComponents.name(of: path)
        if linksLeft > 0, let destination = linkDestination(path) {
            let next = destination.hasPrefix("/") ? destination : resolvedAbsolute(parent, linksLeft: linksLeft - 1) + "/" + destination
            return resolvedAbsolute(next, linksLeft: linksLeft - 1)
        }
        guard parent != path, !name.isEmpty, name != "/" else { return path }
        let folder = resolvedAbsolute(parent, linksLeft: linksLeft)
        switch name {
        case ".": return folder
        case "..": return PathComponents.folder(of: folder)
        default: return folder == "/" ? "/" + name : folder + "/" + name
        }
    }

    /// What the symbolic link at `path` holds, nil when `path` is not a link.
    private static func linkDestination(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A path resolved (`PathResolution`), equal to another only when their bytes are, as the
/// kernel compares names. Swift's `String ==` counts canonically equivalent spellings as
/// one — "café" precomposed (NFC) and decomposed (NFD) — which on Linux are two files:
/// `capsim capacity café.yaml --json café.yaml` in the other spelling was refused as
/// replacing the scenario.
public struct ResolvedPath: Hashable, Sendable {
    /// The resolved path, for a message.
    public let text: String
    private let bytes: [UInt8]

    public init(_ path: String) {
        text = PathResolution.resolved(path)
        bytes = Array(text.utf8)
    }

    public static func == (left: ResolvedPath, right: ResolvedPath) -> Bool { left.bytes == right.bytes }

    /// Whether `other` is this path or lies below it, so that this path must be a folder.
    public func holds(_ other: ResolvedPath) -> Bool {
        let folder = bytes.last == UInt8(ascii: "/") ? bytes : bytes + [UInt8(ascii: "/")]
        return other == self || other.bytes.starts(with: folder)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
}
