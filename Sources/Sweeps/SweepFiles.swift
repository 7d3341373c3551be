/// The names of the files a sweep's `--out` folder holds, in one place: the sweep writes
/// them, a resume and a merge read them, and the commands check that no other output
/// (an `--html` report, say) lands on one of them.
public enum SweepFiles {
    public static let manifest = "sweep.json"
    public static let points = "points.csv"
    public static let pointLines = "points.jsonl"
    public static let summary = "summary.csv"
    public static let failures = "failures.jsonl"
    public static let searchTable = "search.csv"
    public static let searchManifest = "search.json"
    /// A grid's (and a merge's) results, which capsim writes and so checks it may
    /// replace (a read-only one is refused); the lock beside them is only opened.
    public static let gridResults = [manifest, points, pointLines, summary, failures]
    /// A grid's (and a merge's) files, with the folder's lock.
    public static let grid = gridResults + [FolderLock.name]
    /// A search's files, with the folder's lock.
    public static let search = [searchTable, searchManifest, FolderLock.name]
}
