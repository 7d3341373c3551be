/// The page every capsim report is: one self-contained file — inline CSS and SVG, no
/// script, font, image or address of anything outside — written as XHTML-compatible
/// HTML5 (every element closed, only XML's own entities) so that an XML parser reads it
/// whole. Styles suit the screen and a black-and-white print alike.
public enum HTMLPage {
    public static func document(title: String, sections: [String]) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(XMLText.escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(sections.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    /// A section: heading, paragraphs of explanation, then the content (already markup).
    public static func section(_ heading: String, notes: [String] = [], _ content: String) -> String {
        "<section><h2>\(XMLText.escape(heading))</h2>\n" + notes.map { "<p class=\"note\">\(XMLText.escape($0))</p>\n" }.joined() + content + "</section>"
    }

    /// A paragraph of escaped text.
    public static func paragraph(_ text: String) -> String { "<p>\(XMLText.escape(text))</p>" }

    /// A bulleted list of escaped texts.
    public static func list(_ items: [String]) -> String {
        "<ul>" + items.map { "<li>\(XMLText.escape($0))</li>" }.joined() + "</ul>"
    }

    static let style = """
        body { font-family: sans-serif; color: #000; background: #fff; max-width: 980px; margin: 1em auto; padding: 0 1em; }
        h1 { font-size: 1.5em; margin-bottom: 0.2em; }
        h2 { font-size: 1.2em; border-bottom: 1px solid #999; padding-bottom: 0.2em; margin-top: 1.6em; }
        p.note { color: #333; font-size: 0.9em; margin: 0.3em 0; }
        table { border-collapse: collapse; font-size: 0.9em; margin: 0.5em 0; }
        th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; text-align: left; }
        th { background: #eee; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        td.status-met { background: #cfe5f5; }
        td.status-within { background: #fbe3b3; }
        td.status-missed { background: #f6c3a6; font-weight: bold; }
        td.status-none { color: #555; font-style: italic; }
        svg.chart { display: block; margin: 0.5em 0; font-family: sans-serif; max-width: 100%; height: auto; }
        @media print { section { break-inside: avoid; } body { max-width: none; } }
        """
}
