import Foundation

/// The files a command will write and the files it reads, checked before it computes
/// anything: two outputs that are one file would leave only the last written (a
/// `--html` over a sweep's points.csv loses every point), and an output that is an input
/// replaces the scenario or LP it was computed from. Paths are compared as resolved
/// (`ResolvedPath`: links and `..` followed), so another spelling of a file is caught,
/// and byte by byte, so another file whose name only looks the same is not.
public struct OutputPaths: Sendable {
    /// A file and how the command line named it, for the message: `--json run.json`,
    /// `annual.csv of --csv out`, `the scenario city.yaml`.
    public struct File: Sendable {
        public var label: String
        public var path: String

        public init(_ label: String, _ path: String) {
            (self.label, self.path) = (label, path)
        }
    }

    /// An output file that is another file, or where an output folder goes.
    public struct Clash: Error, CustomStringConvertible {
        /// What `other` is to the output.
        public enum Other: Sendable {
            /// Another output: the two are one file.
            case output
            /// An input the output would replace.
            case input
            /// An output folder at the output's path.
            case folder
            /// An output folder below the output's path.
            case folderBelow
        }

        public var output: File
        public var other: File
        public var otherIs: Other
        public var resolved: String

        public var description: String {
            switch otherIs {
            case .input: "\(output.label) would replace \(other.label) (both are \(resolved)): expected an output path that is not an input"
            case .output: "\(other.label) and \(output.label) are one file (\(resolved)): expected each output at its own path"
            case .folder, .folderBelow:
                "\(output.label) is \(otherIs == .folder ? "the folder of" : "a folder above") \(other.label) (\(resolved)): "
                    + "expected a file path apart from the folder, which the command makes and writes into"
            }
        }
    }

    public var outputs: [File] = []
    public var inputs: [File] = []
    /// The folders the command makes and writes its files into (`--csv`, a sweep's `--out`).
    public var folders: [File] = []

    public init(outputs: [File] = [], inputs: [File] = [], folders: [File] = []) {
        (self.outputs, self.inputs, self.folders) = (outputs, inputs, folders)
    }

    /// The first output that is another output or an input, or the path of an output
    /// folder or of a folder above one (`--csv out --json out`: the JSON was found to be a
    /// folder only once every year was computed), in the order given. An empty path is
    /// left to `AtomicFile.checkWritable`, which refuses it as such; a device or a pipe
    /// handed to the process (`/dev/null`, `/dev/stdout` into a pipe) is written through,
    /// not replaced, so two outputs may share one (`isStream`).
    public func check() throws(Clash) {
        var seen: [ResolvedPath: File] = [:]
        for input in inputs.reversed() { seen[ResolvedPath(input.path)] = input }
        let inputPaths = Set(seen.keys)
        let folders = self.folders.filter { !$0.path.isEmpty }.map { ($0, ResolvedPath($0.path)) }
        for output in outputs where !output.path.isEmpty {
            let resolved = ResolvedPath(output.path)
            if Self.isStream(resolved.text) { continue }
            if let other = seen[resolved] {
                throw Clash(output: output, other: other, otherIs: inputPaths.contains(resolved) ? .input : .output, resolved: resolved.text)
            }
            if let (folder, path) = folders.first(where: { resolved.holds($0.1) }) {
                throw Clash(output: output, other: folder, otherIs: path == resolved ? .folder : .folderBelow, resolved: resolved.text)
            }
            seen[resolved] = output
        }
    }

    /// Whether `path` is a character device (`/dev/null`, a terminal), or a pipe or socket
    /// a process was handed (`/dev/stdout`, `/dev/fd/N`): each output opens it anew and
    /// writes through. A named pipe in a folder is not: once its reader has read the first
    /// output to its end, a second would wait for a reader for ever.
    static func isStream(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        switch info.st_mode & S_IFMT {
        case S_IFCHR: return true
        case S_IFIFO, S_IFSOCK: return path.hasPrefix("/dev/") || path.hasPrefix("/proc/")
        default: return false
        }
    }
}
