/// The lines of a YAML text as the YAML parser counts them: a line ends at "\n", at
/// "\r\n" or at a lone "\r". Swift reads "\r\n" as one Character, so splitting a
/// String's characters at "\n" left a CRLF file one line long, and a line number the
/// parser gave indexed past its end; these work on Unicode scalars instead.
enum TextLines {
    /// Whether `scalar`, followed by `next`, ends a line: the "\r" of "\r\n" does not,
    /// its "\n" does.
    static func endsLine(_ scalar: Unicode.Scalar, before next: Unicode.Scalar?) -> Bool {
        scalar == "\n" || scalar == "\r" && next != "\n"
    }

    /// The lines of `text`, without their line breaks; a text ending in a break has an
    /// empty last line, as its line count says.
    static func lines(of text: String) -> [Substring] {
        let scalars = text.unicodeScalars
        var lines: [Substring] = [], start = scalars.startIndex, index = scalars.startIndex
        while index < scalars.endIndex {
            let next = scalars.index(after: index)
            let crlf = scalars[index] == "\r" && next < scalars.endIndex && scalars[next] == "\n"
            if crlf || scalars[index] == "\n" || scalars[index] == "\r" {
                lines.append(Substring(scalars[start..<index]))
                index = crlf ? scalars.index(after: next) : next
                start = index
            } else {
                index = next
            }
        }
        lines.append(Substring(scalars[start...]))
        return lines
    }

    /// Line and column (from 1) of the scalar at `offset` of `scalars`.
    static func position(of offset: Int, in scalars: [Unicode.Scalar]) -> (line: Int, column: Int) {
        var (line, column) = (1, 1)
        for index in 0..<min(offset, scalars.count) {
            if endsLine(scalars[index], before: index + 1 < scalars.count ? scalars[index + 1] : nil) {
                (line, column) = (line + 1, 1)
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
