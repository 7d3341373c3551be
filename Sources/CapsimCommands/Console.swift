import Foundation

/// Where commands print. The executable prints to the process's stdout and stderr;
/// tests run commands in-process with a `Console` that collects the text.
///
/// A write that fails — standard output closed (`>&-`), a full disk (`>/dev/full`) —
/// must not stop the command: Foundation's `FileHandle.write` traps on such an error,
/// which lost the years still to be solved and the files still to be written. The
/// text goes out with `write(2)`; after a failure the stream is left alone, and
/// `outputFailure` says why, so that the command can end with status 1.
///
/// `@unchecked Sendable`: every mutable field (`collected`, `failures`) is read and
/// written only under `lock`; the rest is set once in `init`.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: (out: String, err: String) = ("", "")
    private let collecting: Bool
    private var failures: [Int32: String] = [:]
    private let output: Int32, error: Int32

    public init(collecting: Bool) {
        self.collecting = collecting
        (output, error) = (STDOUT_FILENO, STDERR_FILENO)
    }

    /// A console that writes to these descriptors (tests: a full device, a closed one).
    init(output: Int32, error: Int32) {
        collecting = false
        (self.output, self.error) = (output, error)
    }

    @TaskLocal public static var current = Console(collecting: false)

    public func out(_ text: String) {
        if collecting {
            lock.withLock { collected.out += text }
        } else {
            send(text, to: output)
        }
    }

    public func err(_ text: String) {
        if collecting {
            lock.withLock { collected.err += text }
        } else {
            send(text, to: error)
        }
    }

    /// Why standard output could not be written, nil when all of it was.
    public var outputFailure: String? { lock.withLock { failures[output] } }

    /// All of `text` to `descriptor`, unless an earlier write to it failed.
    private func send(_ text: String, to descriptor: Int32) {
        lock.withLock {
            guard failures[descriptor] == nil else { return }
            var bytes = Array(text.utf8)[...]
            while !bytes.isEmpty {
                let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
                if written < 0, errno == EINTR { continue }
                guard written > 0 else {
                    failures[descriptor] = String(cString: strerror(errno))
                    return
                }
                bytes = bytes.dropFirst(written)
            }
        }
    }

    public var standardOutput: String { lock.withLock { collected.out } }
    public var standardError: String { lock.withLock { collected.err } }
}
