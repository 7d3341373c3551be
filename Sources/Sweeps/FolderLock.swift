import Foundation

/// The exclusive lock a sweep, a search or a merge holds on its `--out` folder while it
/// reads and writes there, and a merge on the shards' folders it reads: `flock` on
/// `DIR/.lock`. Two writers of one folder used to append
/// every point twice, or leave one sweep's rows under the other's columns.
///
/// `flock` rather than `fcntl`: its lock belongs to the open file, so a second opening in
/// the same process is refused as another process's is, and the operating system releases
/// it when the process ends however it ends (Ctrl-C, `kill -9`, a crashed node) — the file
/// left behind is no lock, and a killed sweep never blocks its rerun.
public final class FolderLock {
    /// The lock file's name inside the folder.
    public static let name = ".lock"

    /// The lock file's descriptor; −1 for a folder read but not writable (see `acquire`).
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Creates `folder` if need be, locks it without waiting, runs `body` and unlocks. A
    /// folder another sweep, search or merge holds is refused at once with a message naming it.
    public static func hold<T>(_ folder: String, _ body: () throws -> T) throws -> T {
        let lock = try acquire(folder)
        defer { withExtendedLifetime(lock) {} }
        return try body()
    }

    /// Locks `folder` without waiting, until the lock returned is released (it goes with the
    /// last reference to it). With `create`, makes the folder first. Without — a folder to
    /// be read, as a merge reads shards — a missing folder is an error that names it, and
    /// one whose lock file can be neither made nor opened (another user's results, a
    /// read-only copy) is read unlocked, since no sweep of this user can be writing there.
    public static func acquire(_ folder: String, create: Bool = true) throws -> FolderLock {
        if create {
            try SweepStore.createFolder(folder)
        } else {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw SweepError("\(folder): found no folder of sweep results")
            }
        }
        let path = (folder as NSString).appendingPathComponent(name)
        var descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            // `flock` needs no write permission: a lock file made read-only still locks.
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            if descriptor < 0, !create { return FolderLock(descriptor: -1) }
        }
        guard descriptor >= 0 else { throw SweepError("cannot open the lock file \(path): \(String(cString: strerror(errno)))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            close(descriptor)
            guard failure == EWOULDBLOCK else { throw SweepError("cannot lock \(path): \(String(cString: strerror(failure)))") }
            let advice = create ? "wait for it to end, or give another --out folder" : "wait for it to end before merging it"
            throw SweepError("\(folder) is in use by another sweep, search or merge (it holds \(path)): \(advice)")
        }
        return FolderLock(descriptor: descriptor)
    }
}
