import Foundation

/// Writes output files whole or not at all: the data goes to a temporary file in the
/// same folder, which is then renamed over the destination. A reader never sees half a file.
///
/// A destination that is a symbolic link is followed: the file it points to is replaced
/// and the link kept. A destination that exists and is not a regular file — a pipe
/// (`mkfifo`), a terminal, `/dev/stdout` — is written through, since renaming over it
/// would put an ordinary file in its place; a folder is refused.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public static func write(_ data: Data, to path: String) throws(WriteError) {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var info = stat()
        if stat(target, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw WriteError(path: path, reason: "it is a folder")
            default: return try writeThrough(data, to: target, reportedAs: path)
            }
        }
        do {
            try data.write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw WriteError(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    /// Writes `data` into an existing file that is not a regular one, in order, reporting
    /// the first failure (a full device, a closed pipe).
    private static func writeThrough(_ data: Data, to target: String, reportedAs path: String) throws(WriteError) {
        let descriptor = open(target, O_WRONLY)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let failure: Int32? = data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw WriteError(path: path, reason: String(cString: strerror(failure))) }
    }
}
