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
}
