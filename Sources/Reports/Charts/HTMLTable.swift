/// An HTML table of text cells; a cell may carry a class (a status colour) — its text
/// says the same thing, so the colour is never the only cue. Every text is escaped.
public struct HTMLTable: Sendable {
    public struct Cell: Sendable, ExpressibleByStringLiteral {
        public var text: String
        public var className: String?

        public init(_ text: String, className: String? = nil) {
            self.text = text
            self.className = className
        }

        public init(stringLiteral text: String) { self.init(text) }
    }

    public var header: [String]
    public var rows: [[Cell]]
    /// Columns after the first few hold numbers: right-aligned.
    public var numericFrom: Int

    public init(header: [String], rows: [[Cell]], numericFrom: Int = 1) {
        (self.header, self.rows, self.numericFrom) = (header, rows, numericFrom)
    }

    public func html(id: String) -> String {
        var text = "<table id=\"\(XMLText.escape(id))\"><thead><tr>"
        text += header.map { "<th>\(XMLText.escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in rows {
            text += "<tr>" + row.enumerated().map { index, cell in
                let classes = [index >= numericFrom ? "number" : nil, cell.className].compactMap { $0 }.joined(separator: " ")
                return (classes.isEmpty ? "<td>" : "<td class=\"\(XMLText.escape(classes))\">") + XMLText.escape(cell.text) + "</td>"
            }.joined() + "</tr>\n"
        }
        return text + "</tbody></table>"
    }
}
