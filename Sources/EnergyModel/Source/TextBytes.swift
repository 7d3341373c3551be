import Foundation

/// Where a file's bytes stop being UTF-8 text, so that the message can name the line.
enum TextBytes {
    /// The first line (from 1) of `data` that is not valid UTF-8, or nil when all of it
    /// is. Lines split at "\n" bytes, which never occur inside a UTF-8 sequence.
    static func firstLineNotUTF8(_ data: Data) -> Int? {
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        return lines.firstIndex { String(bytes: $0, encoding: .utf8) == nil }.map { $0 + 1 }
    }
}
