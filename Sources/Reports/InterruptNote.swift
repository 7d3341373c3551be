import Foundation
import Synchronization

/// What capsim says on standard error when Ctrl-C, SIGTERM or SIGHUP ends it: where the
/// work already done is, and how to go on. A signal handler may only write bytes prepared
/// before it runs, so a command sets the note once it knows its outputs, and
/// `AtomicFile.removeTemporaryFilesOnInterrupt`'s handler writes it (`write(2)`, which a
/// handler may call) after removing the temporary files.
public enum InterruptNote {
    /// The address of the note, a NUL-terminated C string, or 0 for none (an address, as a
    /// pointer is not `Sendable`). A note replaced is not freed: the handler may be reading
    /// it, and a process sets one or two.
    private static let note = Atomic<Int>(0)

    /// Sets the note, one line or more, each ending with a line break; nil removes it.
    public static func set(_ text: String?) {
        note.store(Int(bitPattern: text.map { strdup($0) }), ordering: .releasing)
    }

    private static var text: UnsafeMutablePointer<CChar>? { UnsafeMutablePointer(bitPattern: note.load(ordering: .acquiring)) }

    /// Whether a progress line without its line break stands on standard error (a sweep's
    /// `\r` line at a terminal), which the note must not be glued onto.
    private static let lineOpen = Atomic<Bool>(false)

    /// Says that a progress line stands unfinished (true) or was ended (false).
    public static func progressLine(open: Bool) {
        lineOpen.store(open, ordering: .releasing)
    }

    /// Writes the note to standard error, on a line of its own; for the signal handler.
    static func write() {
        guard let text else { return }
        if lineOpen.load(ordering: .acquiring) { _ = Foundation.write(STDERR_FILENO, "\n", 1) }
        _ = Foundation.write(STDERR_FILENO, text, strlen(text))
    }
}
