import Foundation

/// A word of a command line capsim prints for the user to run: left as it is when a
/// POSIX shell would read it unchanged, else in single quotes (a quote inside written
/// '\''), so that `0.5 GW` or a path with a space arrives as one argument.
enum ShellWord {
    /// Letters, digits and the punctuation no shell treats specially.
    private static let plain = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.,/=:+%@")

    static func quoted(_ word: String) -> String {
        let isPlain = !word.isEmpty && word.unicodeScalars.allSatisfy { plain.contains($0) }
        return isPlain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
