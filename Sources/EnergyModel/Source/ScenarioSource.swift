import Foundation
import Yams

/// Reads a scenario file, follows its `extends:` chain and returns one merged tree.
///
/// `extends: base.yaml` (a path relative to the file that names it) loads the base
/// first and lays this file's keys over it (`SourceNode.overlaid(with:)`). A chain
/// that comes back to a file already in it is an error, reported at the `extends` key.
public enum ScenarioSource {
    public static func load(path: String) throws(ScenarioError) -> SourceNode {
        var chain: [String] = [], read: [String] = []
        return try load(path: path, chain: &chain, read: &read, requestedAt: nil)
    }

    /// The files a scenario is read from: `path`, then each file of its `extends:` chain
    /// (as far as they can be read), for a command that must not write over its inputs.
    public static func files(path: String) -> [String] {
        var chain: [String] = [], read: [String] = []
        _ = try? load(path: path, chain: &chain, read: &read, requestedAt: nil)
        return read
    }

    private static func load(
        path: String, chain: inout [String], read: inout [String], requestedAt: (SourceLocation, String)?
    ) throws(ScenarioError) -> SourceNode {
        let canonical = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let whereAsked = requestedAt?.0 ?? SourceLocation(file: path, line: 1, column: 1)
        let keyPath = requestedAt?.1 ?? "(file)"
        if chain.contains(canonical) {
            let cycle = (chain + [canonical]).map(PathComponents.name(of:)).joined(separator: " → ")
            throw ScenarioError([
                Diagnostic(location: whereAsked, path: keyPath, found: "a cycle of extends: \(cycle)", expected: "a chain of extends that ends")
            ])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            var isFolder: ObjCBool = false
            let found = path.isEmpty ? "an empty file name"
                : FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue ? "a folder at \(path)" : "no readable file at \(path)"
            throw ScenarioError([Diagnostic(location: whereAsked, path: keyPath, found: found, expected: "a scenario file (YAML)")])
        }
        read.append(path)
        guard let text = String(data: data, encoding: .utf8) else {
            let line = TextBytes.firstLineNotUTF8(data) ?? 1
            throw ScenarioError([Diagnostic(location: SourceLocation(file: path, line: line, column: 1), path: "(file)",
                                            found: "bytes that are not UTF-8", expected: "a UTF-8 text file")])
        }
        let root = try parse(text, file: path)
        guard var entries = root.entries else {
            throw ScenarioError([Diagnostic(location: root.location, path: "(file)", found: root.summary, expected: "a mapping of scenario keys")])
        }
        guard let index = entries.firstIndex(where: { $0.key == "extends" }) else { return root }
        let extends = entries.remove(at: index)
        guard let relative = extends.value.scalarText, !relative.isEmpty else {
            throw ScenarioError([
                Diagnostic(location: extends.value.location, path: "extends", found: extends.value.summary, expected: "the path of the scenario this one extends")
            ])
        }
        let basePath = resolve(relative, against: path)
        chain.append(canonical)
        let base = try load(path: basePath, chain: &chain, read: &read, requestedAt: (extends.value.location, "extends"))
        chain.removeLast()
        return base.overlaid(with: SourceNode(value: .mapping(entries), location: root.location))
    }

    /// Parses YAML text into a located tree; a syntax error becomes a diagnostic.
    public static func parse(_ text: String, file: String) throws(ScenarioError) -> SourceNode {
        if let problem = hiddenLineBreak(in: text, file: file) { throw ScenarioError([problem]) }
        if let alias = AliasKeyScan.firstAliasKey(in: text) {
            throw ScenarioError([
                Diagnostic(location: SourceLocation(file: file, line: alias.line, column: alias.column), path: "(yaml)",
                           found: "the alias *\(alias.name) as a mapping key", expected: "a key written out: an alias (*name) may stand for a value, not a key")
            ])
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ScenarioError([
                    Diagnostic(location: SourceLocation(file: file, line: 1, column: 1), path: "(file)", found: "an empty document", expected: "a mapping of scenario keys")
                ])
            }
            var budget = SourceNode.valueLimit, path: [SourceNode.PathStep] = []
            return try SourceNode(node, file: file, path: &path, budget: &budget)
        } catch let error as ScenarioError {
            throw error
        } catch let error as YamlError {
            throw ScenarioError([yamlDiagnostic(error, file: file)])
        } catch {
            throw ScenarioError([
                Diagnostic(location: SourceLocation(file: file, line: 1, column: 1), path: "(file)", found: "\(error)", expected: "valid YAML")
            ])
        }
    }

    /// The characters the YAML parser counts as line breaks and editors show inside a
    /// line, or not at all: every line number the parser gave after one was one too many.
    static let hiddenLineBreaks: [Unicode.Scalar: String] = [
        "\u{85}": "the next-line character U+0085", "\u{2028}": "the line separator U+2028", "\u{2029}": "the paragraph separator U+2029",
    ]

    /// The first of `hiddenLineBreaks` in `text`, at its line and column as an editor
    /// counts them; nil when there is none.
    private static func hiddenLineBreak(in text: String, file: String) -> Diagnostic? {
        let scalars = Array(text.unicodeScalars)
        guard let offset = scalars.firstIndex(where: { hiddenLineBreaks[$0] != nil }), let name = hiddenLineBreaks[scalars[offset]] else { return nil }
        let (line, column) = TextLines.position(of: offset, in: scalars)
        return Diagnostic(location: SourceLocation(file: file, line: line, column: column), path: "(yaml)",
                          found: "\(name), which YAML reads as a line break and editors do not show",
                          expected: "text without it: it can be removed (or replaced by a space), and line numbers after it would be wrong")
    }

    /// A path written in a scenario, relative to the file that wrote it. The result stays
    /// relative when the file's path was, so messages show paths as the user typed them.
    /// `folder/..` is dropped only when `folder` is no symbolic link: after a link, `..`
    /// is the parent of its target, as the system reads it (`lnk/../b.yaml` with `lnk` a
    /// link to `real/dir` is `real/b.yaml`, and dropping the pair read another `b.yaml`).
    public static func resolve(_ path: String, against file: String) -> String {
        if path.hasPrefix("/") { return path }
        let directory = PathComponents.folder(of: file)
        let root = directory.hasPrefix("/") ? "/" : ""
        var parts: [Substring] = []
        for part in "\(directory)/\(path)".split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == "..", let last = parts.last, last != "..", !isLink(root + parts.joined(separator: "/")) {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return root + parts.joined(separator: "/")
    }

    private static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// Line and column (from 1) of the character at `offset` (libyaml's reader counts
    /// characters, not bytes) of `text`.
    private static func readerLocation(character offset: Int, in text: String, file: String) -> SourceLocation {
        let (line, column) = TextLines.position(of: offset, in: Array(text.unicodeScalars.prefix(offset + 1)))
        return SourceLocation(file: file, line: line, column: column)
    }

    private static func yamlDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, yaml), let .parser(context, problem, mark, yaml), let .composer(context, problem, mark, yaml):
            let context = context.map { " (\($0.text))" } ?? ""
            // A tab is the commonest character that "cannot start any token": YAML indents
            // with spaces only, and an editor's tab looks like them.
            let line = TextLines.lines(of: yaml).dropFirst(mark.line - 1).first
            let tab = line?.contains("\t") == true ? " (the line has a tab: YAML indents with spaces only)" : ""
            return Diagnostic(location: at(mark), path: "(yaml)", found: "a syntax error: \(problem)\(context)\(tab)", expected: "valid YAML")
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            let (line, column) = (context.mark.line, context.mark.column)
            guard duplicates.count == 1, let repeated = DuplicateKey(key: duplicates[0], line: line, column: column, in: context.text)
                ?? DuplicateKey(flowKey: duplicates[0], line: line, column: column, in: context.text) else {
                return Diagnostic(location: at(context.mark), path: "(yaml)", found: "the key \(names) twice in one mapping", expected: "each key once")
            }
            return Diagnostic.repeatedKey(names, at: SourceLocation(file: file, line: repeated.line, column: repeated.column),
                                          path: repeated.path ?? "(yaml)", first: at(context.mark))
        case let .reader(problem, offset, value, yaml):
            let location = offset.map { readerLocation(character: $0, in: yaml, file: file) } ?? SourceLocation(file: file, line: 1, column: 1)
            return Diagnostic(location: location, path: "(yaml)", found: "\(problem) (byte \(value))", expected: "valid YAML text")
        default:
            return Diagnostic(location: SourceLocation(file: file, line: 1, column: 1), path: "(yaml)", found: "\(error)", expected: "valid YAML")
        }
    }
}
