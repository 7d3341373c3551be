import Foundation
import Synchronization
import Testing
@testable import Reports

/// Output files: whole or not at all, without replacing what is not an ordinary file.
@Suite struct AtomicFileTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func replacesAFileWhole() throws {
        let folder = try folder()
        let file = folder.appendingPathComponent("out.json")
        try AtomicFile.write(Data("first, longer text".utf8), to: file.path)
        try AtomicFile.write(Data("second".utf8), to: file.path)
        #expect(try String(contentsOf: file, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.json"], "no temporary file left")
    }

    /// What the SIGINT/SIGTERM handler does: remove the temporary files being written,
    /// and only those.
    @Test func interruptRemovesTheFilesBeingWritten() throws {
        let folder = try folder()
        let writing = folder.appendingPathComponent(".out.json.capsim-1-1.tmp").path, done = folder.appendingPathComponent("out.json").path
        for path in [writing, done] { #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8))) }
        let slot = try #require(TemporaryFiles.register(writing))
        // Its own slot only: the tests run in one process, and every slot would also take
        // the temporary files other tests are writing at this moment.
        TemporaryFiles.removeAll(slot..<slot + 1)
        TemporaryFiles.release(slot)
        #expect(!FileManager.default.fileExists(atPath: writing))
        #expect(FileManager.default.fileExists(atPath: done))
    }

    /// A temporary file that `kill -9` left behind, of a process with this one's PID (in a
    /// container capsim is always PID 1), held the name the write wanted: the output failed
    /// with "File exists" after the whole computation. Names taken are skipped and left as
    /// they are.
    @Test func temporaryFilesLeftBehindAreSkipped() throws {
        let folder = try folder()
        let file = folder.appendingPathComponent("out.json").path
        let next = AtomicFile.counter.load(ordering: .relaxed)
        let left = (1...50).map { AtomicFile.temporaryPath(for: PathResolution.resolved(file), number: next + $0) }
        for path in left { #expect(FileManager.default.createFile(atPath: path, contents: Data("partial".utf8))) }
        try AtomicFile.write(Data("whole".utf8), to: file)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "whole")
        for path in left { #expect(try String(contentsOfFile: path, encoding: .utf8) == "partial") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 1 + left.count, "no temporary file of its own left")
    }

    /// The link stays a link; the file it names gets the data.
    @Test func followsASymbolicLink() throws {
        let folder = try folder()
        let target = folder.appendingPathComponent("target.json"), link = folder.appendingPathComponent("link.json")
        try Data("old".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "target.json")
        try AtomicFile.write(Data("new".utf8), to: link.path)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "target.json")
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
    }

    /// A named pipe is written through, and is still a pipe afterwards.
    @Test func writesThroughAPipe() throws {
        let pipe = try folder().appendingPathComponent("out.fifo").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let received = Mutex(Data())
        let reader = Thread {
            let data = FileHandle(forReadingAtPath: pipe)?.readDataToEndOfFile() ?? Data()
            received.withLock { $0 = data }
        }
        reader.start()
        try AtomicFile.write(Data("through the pipe".utf8), to: pipe)
        for _ in 0..<500 where received.withLock({ $0.isEmpty }) { usleep(10_000) }
        #expect(received.withLock { String(decoding: $0, as: UTF8.self) } == "through the pipe")
        var info = stat()
        #expect(stat(pipe, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func refusesAFolder() throws {
        let folder = try folder()
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Data("x".utf8), to: folder.path) }
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) && isFolder.boolValue)
    }

    /// A name of 236 to 255 bytes is legal, but `.NAME.capsim-PID-N.tmp` passed the
    /// 255-byte limit ("File name too long"): NAME is now cut, at a character boundary.
    @Test func longNamesGetAShortenedTemporaryName() throws {
        let folder = try folder()
        for name in [String(repeating: "b", count: 236) + ".csv", String(repeating: "é", count: 125) + ".csv"] {
            let file = folder.appendingPathComponent(name)
            try AtomicFile.write(Data("long".utf8), to: file.path)
            #expect(try String(contentsOf: file, encoding: .utf8) == "long")
            let temporary = (AtomicFile.temporaryPath(for: file.path, number: 12) as NSString).lastPathComponent
            #expect(temporary.utf8.count <= 255 && temporary.utf8.count >= 250, "\(temporary.utf8.count) bytes")
            #expect(temporary.hasPrefix("." + name.prefix(100)) && temporary.hasSuffix(".capsim-\(getpid())-12.tmp"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 2, "no temporary file left")
        let short = AtomicFile.temporaryPath(for: "/x/out.json", number: 3)
        #expect(short == "/x/.out.json.capsim-\(getpid())-3.tmp", "a name that fits is kept whole")
    }

    /// A link to a file not made yet: the file is made where the link points and the link
    /// kept (a regular file had replaced the link, and the destination was never made).
    @Test func followsALinkToAFileNotYetMade() throws {
        let folder = try folder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("real"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("links"), withIntermediateDirectories: true)
        let link = folder.appendingPathComponent("links/dangling").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "../real/target.json")
        try AtomicFile.checkWritable(link)
        try AtomicFile.write(Data("made".utf8), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "../real/target.json")
        #expect(try String(contentsOfFile: folder.appendingPathComponent("real/target.json").path, encoding: .utf8) == "made")
        // A link into a folder that does not exist names that folder.
        let nowhere = folder.appendingPathComponent("links/nowhere").path
        try FileManager.default.createSymbolicLink(atPath: nowhere, withDestinationPath: "../missing/target.json")
        #expect(message { try AtomicFile.checkWritable(nowhere) } == "cannot write \(nowhere): the folder \(PathResolution.resolved(folder.path))/missing does not exist")
    }

    /// A result made read-only (`chmod a-w`) was replaced all the same: renaming over a
    /// file needs only its folder's permission. It is refused, before the computation and
    /// at the write, even for root, and left as it was.
    @Test func aReadOnlyFileIsNotReplaced() throws {
        let folder = try folder()
        let file = folder.appendingPathComponent("kept.json").path
        try AtomicFile.write(Data("kept".utf8), to: file)
        chmod(file, 0o444)
        let expected = "cannot write \(file): it is read-only (permissions 444): make it writable (chmod u+w) or remove it"
        #expect(message { try AtomicFile.checkWritable(file) } == expected)
        #expect(message { try AtomicFile.write(Data("new".utf8), to: file) } == expected)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "kept")
        chmod(file, 0o044)
        #expect(message { try AtomicFile.checkWritable(file) }?.contains("(permissions 044)") == true, "three octal digits")
        chmod(file, 0o644)
        try AtomicFile.write(Data("new".utf8), to: file)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "new")
    }

    /// A folder refused as written is not made where its text resolves (`--csv
    /// missing/../out` made ./out, then said it could not be reached), and a folder path
    /// that is a loop of links is named so (it was Foundation's "file exists", code 516).
    @Test func foldersAsWrittenAndLinkLoops() throws {
        let folder = try folder()
        let path = folder.appendingPathComponent("missing/../out").path
        #expect(message { try AtomicFile.makeFolder(path) } == "cannot create the folder \(path): the folder \(folder.path)/missing/.. cannot be reached: No such file or directory")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        let loop = folder.appendingPathComponent("self").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "self")
        #expect(message { try AtomicFile.makeFolder(loop) } == "cannot create the folder \(loop): a loop of symbolic links (Too many levels of symbolic links)")
        try AtomicFile.makeFolder(folder.appendingPathComponent("made/../made2/deeper").path.replacingOccurrences(of: "made/..", with: "."))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("made2/deeper").path))
    }

    /// A file replaced by root kept its permissions but became root's, unreadable to the
    /// user whose private result it was; its owner and group are kept too.
    @Test(.enabled(if: geteuid() == 0, "only root can give a file to another user")) func rootKeepsTheOwner() throws {
        let folder = try folder()
        let file = folder.appendingPathComponent("theirs.json").path
        try AtomicFile.write(Data("first".utf8), to: file)
        #expect(chown(file, 65534, 65534) == 0 && chmod(file, 0o600) == 0)
        try AtomicFile.write(Data("second".utf8), to: file)
        var info = stat()
        #expect(stat(file, &info) == 0)
        #expect(info.st_uid == 65534 && info.st_gid == 65534 && info.st_mode & 0o777 == 0o600)
    }

    /// `missing/../x.json` resolved, as text, to x.json, and was written there, where the
    /// kernel finds no `missing` (ENOENT); it is refused, naming the folder as written.
    @Test func aFolderAsWrittenMustExist() throws {
        let folder = try folder()
        let path = folder.appendingPathComponent("missing/../x.json").path
        #expect(message { try AtomicFile.checkWritable(path) } == "cannot write \(path): the folder \(folder.path)/missing/.. cannot be reached: No such file or directory")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("missing"), withIntermediateDirectories: true)
        try AtomicFile.checkWritable(path)
    }

    /// A file replaced keeps its permission bits (a private result stayed private only
    /// until it was rewritten, then became 644).
    @Test func keepsThePermissionsOfTheFileReplaced() throws {
        let file = try folder().appendingPathComponent("private.csv").path
        try AtomicFile.write(Data("first".utf8), to: file)
        #expect(chmod(file, 0o600) == 0)
        try AtomicFile.write(Data("second".utf8), to: file)
        var info = stat()
        #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "second")
        // Removed by a run before its first year (`removeEarlier`), written again later:
        // the same permissions, not the default's 644.
        try AtomicFile.removeEarlier(file)
        #expect(!FileManager.default.fileExists(atPath: file))
        try AtomicFile.write(Data("third".utf8), to: file)
        #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o600)
    }

    /// An empty path named the current folder ("cannot write : it is a folder").
    /// `--json out/.` wrote a file named `out`, and a loop of links was replaced by a file.
    @Test func refusesFolderNamesAndLinkLoops() throws {
        let folder = try folder()
        for name in ["out/.", "out/..", ".", ".."] {
            #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Data("x".utf8), to: folder.appendingPathComponent(name).path) }
            #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.checkWritable(folder.appendingPathComponent(name).path) }
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        let (one, two) = (folder.appendingPathComponent("loop1").path, folder.appendingPathComponent("loop2").path)
        try FileManager.default.createSymbolicLink(atPath: one, withDestinationPath: "loop2")
        try FileManager.default.createSymbolicLink(atPath: two, withDestinationPath: "loop1")
        #expect { try AtomicFile.write(Data("x".utf8), to: one) } throws: { error in
            (error as? AtomicFile.WriteError)?.reason.hasPrefix("a loop of symbolic links") == true
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: one) == "loop2", "the link is kept")
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.checkWritable(two) }
    }

    @Test func refusesAnEmptyPath() {
        #expect(message { try AtomicFile.write(Data("x".utf8), to: "") } == "cannot write \"\": an empty path, expected a name")
        #expect(message { try AtomicFile.checkWritable("") } == "cannot write \"\": an empty path, expected a name")
        #expect(message { try AtomicFile.makeFolder("") } == "cannot create the folder \"\": an empty path, expected a name")
    }

    /// A folder under a file, or in a folder that cannot be written, is named in words
    /// (it was Foundation's "NSCocoaErrorDomain error 512").
    @Test func makeFolderSaysWhyItCannot() throws {
        let folder = try folder()
        let file = folder.appendingPathComponent("afile").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data()))
        #expect(message { try AtomicFile.makeFolder(file + "/sub/deeper") }
                == "cannot create the folder \(file)/sub/deeper: \(PathResolution.resolved(file)) is a file, not a folder")
        try AtomicFile.makeFolder(folder.appendingPathComponent("a/b").path)
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("a/b").path, isDirectory: &isFolder) && isFolder.boolValue)
    }

    /// Paths are resolved whether or not the file exists: `..` after a folder not made yet,
    /// a link to a link, a relative path.
    @Test func resolvesPathsOfFilesNotYetMade() throws {
        let folder = PathResolution.resolved(try folder().path)
        #expect(PathResolution.resolved(folder + "/new/../x.csv") == folder + "/x.csv")
        #expect(PathResolution.resolved(folder + "/./new/deeper/") == folder + "/new/deeper")
        #expect(symlink("second", folder + "/first") == 0 && symlink("sub/target", folder + "/second") == 0)
        #expect(PathResolution.resolved(folder + "/first") == folder + "/sub/target")
        #expect(symlink("loop", folder + "/loop") == 0)
        #expect(PathResolution.resolved(folder + "/loop") == folder + "/loop", "a loop ends")
        #expect(PathResolution.resolved("relative.csv") == PathResolution.resolved(FileManager.default.currentDirectoryPath) + "/relative.csv")
    }

    /// Two outputs that are one file, or an output that is an input, are named with the
    /// path both lead to.
    @Test func outputPathsNameTheirClash() throws {
        let folder = PathResolution.resolved(try folder().path)
        var paths = OutputPaths(outputs: [.init("--json a/x", folder + "/a/x"), .init("--html a/../a/x", folder + "/a/../a/x")])
        #expect(message { try paths.check() } == "--json a/x and --html a/../a/x are one file (\(folder)/a/x): expected each output at its own path")
        paths.outputs.removeLast()
        paths.inputs = [.init("the scenario s.yaml", folder + "/s.yaml"), .init("the LP a/x", folder + "/a/x")]
        #expect(message { try paths.check() } == "--json a/x would replace the LP a/x (both are \(folder)/a/x): expected an output path that is not an input")
        paths.outputs.append(.init("--html", ""))
        paths.inputs.removeLast()
        #expect(message { try paths.check() } == nil, "an empty path is left to checkWritable")
    }

    /// The message of the error `body` throws; nil when it throws none.
    func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// `/dev/fd/N` (and `/dev/stdout`) into a pipe links to "pipe:[N]", which has no path:
    /// it is written through as it is, and two outputs on one device do not clash.
    @Test func pipesAndDevicesAreWrittenThrough() throws {
        let pipe = Pipe()
        let path = "/dev/fd/\(pipe.fileHandleForWriting.fileDescriptor)"
        #expect(PathResolution.resolved(path) == path)
        try AtomicFile.checkWritable(path)
        try AtomicFile.write(Data("through\n".utf8), to: path)
        try pipe.fileHandleForWriting.close()
        #expect(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "through\n")
        try OutputPaths(outputs: [.init("--json", "/dev/null"), .init("--html", "/dev/null")]).check()
        // A named pipe in a folder is one file: a second output would wait for a reader for ever.
        let fifo = try folder().appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: OutputPaths.Clash.self) { try OutputPaths(outputs: [.init("--json", fifo), .init("--html", fifo)]).check() }
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "/dev/null left a device")
    }

    /// A path ending in "/" names a folder: `--json out/` wrote a file named `out`.
    @Test func aPathEndingInASlashIsNotAFile() throws {
        let slash = try folder().path + "/sub/"
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.checkWritable(slash) }
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Data("x".utf8), to: slash) }
        #expect(!FileManager.default.fileExists(atPath: String(slash.dropLast())), "no file named sub")
    }

    /// A signal the process was started ignoring (`nohup` ignores SIGHUP) stays ignored.
    @Test func anIgnoredHangupStaysIgnored() {
        signal(SIGHUP, SIG_IGN)
        defer { signal(SIGHUP, SIG_DFL) }
        AtomicFile.removeTemporaryFilesOnInterrupt()
        var action = sigaction()
        #expect(sigaction(SIGHUP, nil, &action) == 0)
        #expect(unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1, "SIGHUP still ignored")
    }
}
