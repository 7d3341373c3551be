import EnergyModel
import Foundation
import Synchronization

/// Writes output files whole or not at all: the data goes to a temporary file in the
/// same folder (`.NAME.capsim-PID-N.tmp`, NAME cut short when the whole would pass the
/// 255-byte limit of a file name; a name already taken is skipped for the next N), which
/// is then renamed over the destination. A reader
/// never sees half a file, and an interrupt (SIGINT, SIGTERM, SIGHUP) leaves no temporary file
/// behind once `removeTemporaryFilesOnInterrupt()` is installed. A file replaced keeps its
/// permission bits (a results file made private stays private) and, when capsim runs as
/// root, its owner and group (`Kept`); one without
/// write permission (`chmod a-w`) is refused, not replaced.
///
/// A destination that is a symbolic link is followed (`PathResolution`): the file it
/// points to is replaced, or made when it does not exist yet, and the link kept. A
/// destination that exists and is not a regular file — a pipe
/// (`mkfifo`), a terminal, `/dev/stdout` — is written through, since renaming over it
/// would put an ordinary file in its place; a folder is refused.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        /// What could not be done to `path`: "write", "create the folder" or "remove the earlier file".
        public var action = "write"
        public var description: String { "cannot \(action) \(path.isEmpty ? "\"\"" : path): \(reason)" }
    }

    public static func write(_ data: Data, to path: String) throws(WriteError) {
        if let reason = notAFileName(path) { throw WriteError(path: path, reason: reason) }
        let target = PathResolution.resolved(path)
        if let reason = linkLoop(target) { throw WriteError(path: path, reason: reason) }
        var info = stat(), kept = removedFiles.withLock { $0[target] }
        if stat(target, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                if let reason = readOnly(info, target) { throw WriteError(path: path, reason: reason) }
                kept = Kept(info)
            case S_IFDIR: throw WriteError(path: path, reason: "it is a folder")
            default: return try writeThrough(data, to: target, reportedAs: path)
            }
        }
        let (temporary, slot, descriptor) = try createTemporary(for: target, reportedAs: path)
        defer { TemporaryFiles.release(slot) }
        if let kept { kept.apply(to: descriptor) }
        // On disk before the rename, so that a power cut leaves the old file or the new one,
        // not an empty one under the name (a rename can reach the disk before the data).
        let failure = writeAll(data, to: descriptor) ?? (fsync(descriptor) == 0 ? nil : errno)
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: String(cString: strerror(failure)))
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
    }

    /// Whether `path` can be written, checked before a long computation rather than
    /// found after it: its folder exists and is writable, as written and as resolved, and
    /// it is neither a folder nor a read-only file.
    public static func checkWritable(_ path: String) throws(WriteError) {
        if let reason = notAFileName(path) { throw WriteError(path: path, reason: reason) }
        let resolved = PathResolution.resolved(path)
        if let reason = linkLoop(resolved) { throw WriteError(path: path, reason: reason) }
        var info = stat()
        if stat(resolved, &info) == 0, info.st_mode & S_IFMT == S_IFREG, let reason = readOnly(info, resolved) {
            throw WriteError(path: path, reason: reason)
        }
        let target = URL(fileURLWithPath: resolved)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder), isFolder.boolValue {
            throw WriteError(path: path, reason: "it is a folder")
        }
        let folder = target.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw WriteError(path: path, reason: "the folder \(folder) does not exist")
        }
        guard isFolder.boolValue else { throw WriteError(path: path, reason: "\(folder) is a file, not a folder") }
        guard access(folder, W_OK) == 0 else { throw WriteError(path: path, reason: "the folder \(folder) is not writable") }
        if let reason = unreachable(path) { throw WriteError(path: path, reason: reason) }
    }

    /// Why `path` cannot be followed as written, nil when it can: `missing/../x.json`
    /// resolves, as text, to x.json, but the kernel follows the path as written and finds
    /// no `missing` (or finds `file/..` not a folder). The path up to its last `..` must
    /// be reachable; what comes after may be made.
    static func unreachable(_ path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let last = parts.lastIndex(of: "..") else { return nil }
        let prefix = parts[...last].joined(separator: "/")
        var info = stat()
        guard stat(prefix, &info) != 0 else { return nil }
        return "the folder \(prefix) cannot be reached: \(String(cString: strerror(errno)))"
    }

    /// Why the regular file `target` with status `info` is not replaced: it has no write
    /// permission for anyone (`chmod a-w`, a result kept from being overwritten), or not
    /// for this user. Renaming over it would need only the folder's permission, so
    /// capsim asks the file's as `cp` and a shell's `>` do — and refuses a file nobody
    /// may write even as root, for whom `access` allows everything.
    static func readOnly(_ info: stat, _ target: String) -> String? {
        let permissions = String(format: "%03o", info.st_mode & 0o777)
        if info.st_mode & 0o222 == 0 { return "it is read-only (permissions \(permissions)): make it writable (chmod u+w) or remove it" }
        guard access(target, W_OK) != 0 else { return nil }
        return "this user may not write it (permissions \(permissions), owner \(info.st_uid), group \(info.st_gid))"
    }

    /// What a file replaced keeps: its permission bits, and its owner and group when
    /// capsim runs as root (a user's private result rewritten by root had become root's,
    /// unreadable to its owner). Another user cannot give a file away, and keeps it.
    struct Kept {
        var mode: mode_t, owner: uid_t, group: gid_t

        init(_ info: stat) {
            (mode, owner, group) = (info.st_mode & 0o777, info.st_uid, info.st_gid)
        }

        func apply(to descriptor: Int32) {
            if geteuid() == 0 { _ = fchown(descriptor, owner, group) }
            fchmod(descriptor, mode)
        }
    }

    /// Removes the regular file `path` leads to, if any — a link is followed and kept, as
    /// `write` keeps it — so that an earlier run's file of that name does not outlive this
    /// run when this one stops before writing it. A pipe, a device or a folder is left, and
    /// so is whatever a path in /dev or /proc leads to (`--json /dev/stdout > file` names
    /// the file the shell opened, which a write then replaces in place of the stream).
    public static func removeEarlier(_ path: String) throws(WriteError) {
        guard !path.hasPrefix("/dev/"), !path.hasPrefix("/proc/") else { return }
        let target = PathResolution.resolved(path)
        var info = stat()
        guard lstat(target, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
        guard unlink(target) == 0 || errno == ENOENT else {
            throw WriteError(path: path, reason: String(cString: strerror(errno)), action: "remove the earlier file")
        }
        removedFiles.withLock { $0[target] = Kept(info) }
    }

    /// What the files `removeEarlier` removed kept (`Kept`), by resolved path: the file
    /// written there later gets it, as a file replaced keeps its own (a private 600
    /// annual.csv had come back 644).
    static let removedFiles = Mutex<[String: Kept]>([:])

    /// Makes `folder` and the folders above it, for files written into it as a computation
    /// goes: called before the computation, it says in words why the folder cannot be
    /// (a path above it that is a file, a folder that is not writable) rather than as
    /// Foundation's error code after the first result.
    public static func makeFolder(_ folder: String) throws(WriteError) {
        func refusal(_ reason: String) -> WriteError { WriteError(path: folder, reason: reason, action: "create the folder") }
        guard !folder.isEmpty else { throw refusal(emptyPath) }
        guard folder != "-" else { throw refusal(dash) }
        if let reason = unreachable(folder) { throw refusal(reason) }
        let target = PathResolution.resolved(folder)
        if let reason = linkLoop(target) { throw refusal(reason) }
        var existing = target, isFolder: ObjCBool = false
        while !FileManager.default.fileExists(atPath: existing, isDirectory: &isFolder) { existing = PathComponents.folder(of: existing) }
        guard isFolder.boolValue else { throw refusal("\(existing) is a file, not a folder") }
        guard access(existing, W_OK) == 0 else {
            guard existing != target else { throw WriteError(path: folder, reason: "it is not writable", action: "write into the folder") }
            throw refusal("the folder \(existing) is not writable")
        }
        // Each missing folder by mkdir, so that a refusal is the system's own reason
        // (Foundation's error for /proc/x printed its whole NSError).
        var missing: [String] = []
        var folder = target
        while folder != existing {
            missing.append(folder)
            folder = PathComponents.folder(of: folder)
        }
        for path in missing.reversed() where mkdir(path, 0o777) != 0 && errno != EEXIST {
            throw refusal(String(cString: strerror(errno)))
        }
    }

    /// Installs handlers for SIGINT, SIGTERM and SIGHUP (a closed terminal or dropped
    /// session) that remove the temporary files being written and print the command's
    /// `InterruptNote`, then end the process as the signal would have (so the exit status
    /// still says which signal it was). A signal
    /// the process was started ignoring stays ignored: `nohup capsim sweep …` must outlive
    /// its terminal, and a background job its Ctrl-C. A signal blocked when the process
    /// started — the mask of a thread that started it (a test runner's) — is unblocked: the
    /// handler is there to run. For the executable; a library user keeps its own.
    public static func removeTemporaryFilesOnInterrupt() {
        TemporaryFiles.prepare()
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            var current = sigaction()
            guard sigaction(signalNumber, nil, &current) == 0, !isIgnored(current) else { continue }
            var blocked = sigset_t()
            sigemptyset(&blocked)
            sigaddset(&blocked, signalNumber)
            pthread_sigmask(SIG_UNBLOCK, &blocked, nil)
            signal(signalNumber) { received in
                TemporaryFiles.removeAll()
                InterruptNote.write()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    /// Whether a signal's disposition is "ignore" (SIG_IGN, the handler value 1).
    private static func isIgnored(_ action: sigaction) -> Bool {
        unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1
    }

    /// The number of the last temporary name tried, for the next `.NAME.capsim-PID-N.tmp`.
    static let counter = Atomic<Int>(0)

    /// Why an empty path is refused (resolved, it would name the current folder).
    static let emptyPath = "an empty path, expected a name"
    /// A lone dash: capsim's `--json -` (of `run` and `capacity`) prints the JSON instead;
    /// any other output refuses it rather than make a file or folder named `-`.
    static let dash = "a dash, which only --json of run and capacity take as standard output: write ./- for a file named -"

    /// Why `path` cannot name a file to write: empty, or ending in "/", "." or ".." (a
    /// folder's name; `--json out/` and `--json out/.` wrote a file named `out`).
    static func notAFileName(_ path: String) -> String? {
        if path.isEmpty { return emptyPath }
        if path == "-" { return dash }
        if path.hasSuffix("/") { return "a path ending in /, which names a folder: expected a file name" }
        let name = PathComponents.name(of: path)
        return name == "." || name == ".." ? "a path ending in \(name), which names a folder: expected a file name" : nil
    }

    /// Why the resolved `target` cannot be written when its links loop: `PathResolution`
    /// stops after `linkLimit` links, and renaming over the last one replaced a link with a
    /// file. The kernel says so (ELOOP); a link that leads to a pipe (/dev/fd/N) does not.
    static func linkLoop(_ target: String) -> String? {
        var info = stat()
        guard stat(target, &info) != 0, errno == ELOOP else { return nil }
        return "a loop of symbolic links (\(String(cString: strerror(ELOOP))))"
    }

    /// The most bytes in one file name (NAME_MAX on Linux and macOS).
    static let nameLimit = 255

    /// `.NAME.capsim-PID-N.tmp` beside `target`, the `number`-th name this process tries.
    /// NAME is cut at a character boundary when the whole would pass `nameLimit`: it
    /// keeps the name recognisable; PID and N make it unique within this process, and
    /// `createTemporary` skips a name another left.
    static func temporaryPath(for target: String, number: Int) -> String {
        let folder = PathComponents.folder(of: target), name = PathComponents.name(of: target)
        let suffix = ".capsim-\(getpid())-\(number).tmp"
        var kept = Substring(name)
        while 1 + kept.utf8.count + suffix.utf8.count > nameLimit { kept = kept.dropLast() }
        return (folder as NSString).appendingPathComponent(".\(kept)\(suffix)")
    }

    /// Creates the temporary file for `target`, registered for removal on an interrupt: its
    /// path, slot and descriptor. A name already taken — a temporary file that `kill -9` left
    /// behind, of a process with this one's PID (in a container capsim is always PID 1), or
    /// of a process in another PID namespace writing beside it — is never opened or
    /// removed: the next number is tried, so that the result computed is still written.
    /// The name is registered only once this process has created the file: registered
    /// before, an interrupt between a failed open and the release removed the other's file
    /// (one made between the open and the registration is left, as `kill -9` leaves one).
    static func createTemporary(for target: String, reportedAs path: String) throws(WriteError) -> (path: String, slot: Int?, descriptor: Int32) {
        for _ in 0..<temporaryAttempts {
            let temporary = temporaryPath(for: target, number: counter.add(1, ordering: .relaxed).newValue)
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if descriptor >= 0 { return (temporary, TemporaryFiles.register(temporary), descriptor) }
            let failure = errno
            guard failure == EEXIST else {
                throw WriteError(path: path, reason: "cannot create the temporary file \(temporary): \(String(cString: strerror(failure)))")
            }
        }
        throw WriteError(path: path, reason: "\(temporaryAttempts) temporary names beside it are taken (.NAME.capsim-PID-N.tmp files left by killed runs): delete them")
    }

    /// The temporary names tried before giving up: far more than killed runs leave.
    static let temporaryAttempts = 1000

    /// Writes `data` into an existing file that is not a regular one, in order, reporting
    /// the first failure (a full device, a closed pipe).
    private static func writeThrough(_ data: Data, to target: String, reportedAs path: String) throws(WriteError) {
        let descriptor = open(target, O_WRONLY)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        if let failure = writeAll(data, to: descriptor) { throw WriteError(path: path, reason: String(cString: strerror(failure))) }
    }

    /// All of `data` written to `descriptor`; the errno of the first failure, if any.
    private static func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
        data.withUnsafeBytes { bytes in
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
    }
}

/// The temporary files being written at this moment, in fixed slots that a signal
/// handler can read without allocating or locking: each slot holds a path as C text
/// and a flag set while the path is in use.
enum TemporaryFiles {
    static let slots = 32, capacity = Int(PATH_MAX) + 1
    nonisolated(unsafe) private static let paths = UnsafeMutablePointer<CChar>.allocate(capacity: slots * capacity)
    nonisolated(unsafe) private static let inUse: UnsafeMutablePointer<Int32> = {
        let flags = UnsafeMutablePointer<Int32>.allocate(capacity: slots)
        flags.initialize(repeating: 0, count: slots)
        return flags
    }()
    private static let lock = Mutex(())

    /// Makes the storage before any handler can run (a static is made on first use).
    static func prepare() {
        _ = (paths, inUse)
    }

    /// Records `path` until `release`; nil when every slot is taken or the path is too
    /// long (the file is still written whole, only not removed on an interrupt).
    static func register(_ path: String) -> Int? {
        let bytes = Array(path.utf8CString)
        guard bytes.count <= capacity else { return nil }
        return lock.withLock { _ -> Int? in
            guard let slot = (0..<slots).first(where: { inUse[$0] == 0 }) else { return nil }
            bytes.withUnsafeBufferPointer { (paths + slot * capacity).update(from: $0.baseAddress!, count: bytes.count) }
            inUse[slot] = 1
            return slot
        }
    }

    static func release(_ slot: Int?) {
        guard let slot else { return }
        lock.withLock { _ in inUse[slot] = 0 }
    }

    /// Removes the recorded files of the slots `chosen` (every slot, as the signal handler
    /// does, by default): only `unlink`, which a signal handler may call.
    static func removeAll(_ chosen: Range<Int> = 0..<slots) {
        for slot in chosen where inUse[slot] != 0 { unlink(paths + slot * capacity) }
    }
}
