import Foundation

/// The exclusive lock a sweep, a search or a merge holds on its `--out` folder while it
/// reads and writes there: `flock` on `DIR/.lock`. Two writers of one folder used to append
/// every point twice, or leave one sweep's rows under the other's columns.
///
/// `flock` rather than `fcntl`: its lock belongs to the open file, so a second opening in
/// the same process is refused as another process's is, and the operating system releases
/// it when the process ends however it ends (Ctrl-C, `kill -9`, a crashed node) — the file
/// left behind is no lock, and a killed sweep never blocks its rerun.
public enum FolderLock {
    /// The lock file's name inside the folder.
    public static let name = ".lock"

    /// Creates `folder` if need be, locks it without waiting, runs `body` and unlocks. A
    /// folder another sweep, search or merge holds is refused at once with a message naming it.
    public static func hold<T>(_ folder: String, _ body: () throws -> T) throws -> T {
        try SweepStore.createFolder(folder)
        let path = (folder as NSString).appendingPathComponent(name)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SweepError("cannot open the lock file \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            guard errno == EWOULDBLOCK else { throw SweepError("cannot lock \(path): \(String(cString: strerror(errno)))") }
            throw SweepError("\(folder) is in use by another sweep, search or merge (it holds \(path)): wait for it to end, or give another --out folder")
        }
        return try body()
    }
}
