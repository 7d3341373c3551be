import Foundation
import Testing
@testable import CapsimCommands

/// Printing to a standard output that cannot take it: Foundation's `FileHandle.write`
/// trapped on the error (`capsim capacity … >&-` and `>/dev/full` ended with SIGILL, and
/// `capsim run` with stderr closed lost every year after the first).
@Suite struct ConsoleTests {
    @Test func aFullDeviceIsRecordedNotATrap() throws {
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0, "/dev/full is missing")
        defer { close(full) }
        let console = Console(output: full, error: full)
        console.out("a summary\n")
        console.err("a progress line\n")
        #expect(console.outputFailure == String(cString: strerror(ENOSPC)))
    }

    @Test func aClosedDescriptorIsRecordedAndLeftAlone() {
        let console = Console(output: -1, error: -1)
        console.out("one")
        console.out("two")
        #expect(console.outputFailure == String(cString: strerror(EBADF)))
    }

    /// The whole text arrives through a pipe, and nothing is recorded as failed.
    @Test func everythingReachesAWorkingDescriptor() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let console = Console(output: ends[1], error: ends[1])
        let text = String(repeating: "0123456789", count: 400) + "\n"
        console.out(text)
        close(ends[1])
        var received: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 1024)
        while case let count = read(ends[0], &buffer, buffer.count), count > 0 { received += buffer[..<count] }
        close(ends[0])
        #expect(String(decoding: received, as: UTF8.self) == text)
        #expect(console.outputFailure == nil)
    }
}
