import Foundation

/// Where commands print. The executable prints to the process's stdout and stderr;
/// tests run commands in-process with a `Console` that collects the text.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: (out: String, err: String) = ("", "")
    private let collecting: Bool

    public init(collecting: Bool) {
        self.collecting = collecting
    }

    @TaskLocal public static var current = Console(collecting: false)

    public func out(_ text: String) {
        if collecting {
            lock.withLock { collected.out += text }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    public func err(_ text: String) {
        if collecting {
            lock.withLock { collected.err += text }
        } else {
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    public var standardOutput: String { lock.withLock { collected.out } }
    public var standardError: String { lock.withLock { collected.err } }
}
