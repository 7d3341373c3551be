import Foundation

/// The markup of one SVG picture, element by element. Charts draw into it in pixels; it
/// escapes every text and attribute value, so a scenario name with `<` or `&` keeps the
/// file well-formed XML. The picture is meant to sit inline in an HTML page, so it has no
/// `xmlns` attribute (HTML5 puts `<svg>` in the SVG namespace by itself) and no reference
/// to anything outside the page.
public struct SVGWriter: Sendable {
    public typealias Attributes = [(String, String)]

    public let width: Double
    public let height: Double
    private var parts: [String] = []

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// `<name attributes…/>`, or with `text` or a tooltip `title` (shown by browsers on
    /// hover, read by screen readers) as its content.
    public mutating func element(_ name: String, _ attributes: Attributes, text: String? = nil, title: String? = nil) {
        let head = "<\(name)" + attributes.map { " \($0.0)=\"\(XMLText.escape($0.1))\"" }.joined()
        guard text != nil || title != nil else {
            parts.append(head + "/>")
            return
        }
        let tooltip = title.map { "<title>\(XMLText.escape($0))</title>" } ?? ""
        parts.append(head + ">" + tooltip + XMLText.escape(text ?? "") + "</\(name)>")
    }

    /// Opens a group `<g …>`; every `open` needs its `close`.
    public mutating func open(_ attributes: Attributes) {
        parts.append("<g" + attributes.map { " \($0.0)=\"\(XMLText.escape($0.1))\"" }.joined() + ">")
    }

    public mutating func close() { parts.append("</g>") }

    public mutating func text(_ string: String, x: Double, y: Double, anchor: String = "start", size: Double = 12, _ extra: Attributes = []) {
        element("text", [("x", Self.px(x)), ("y", Self.px(y)), ("text-anchor", anchor), ("font-size", Self.px(size))] + extra, text: string)
    }

    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil, _ extra: Attributes = []) {
        var attributes = [("x1", Self.px(x1)), ("y1", Self.px(y1)), ("x2", Self.px(x2)), ("y2", Self.px(y2)), ("stroke", stroke), ("stroke-width", Self.px(width))]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        element("line", attributes + extra)
    }

    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, _ extra: Attributes = [], title: String? = nil) {
        element("rect", [("x", Self.px(x)), ("y", Self.px(y)), ("width", Self.px(width)), ("height", Self.px(height)), ("fill", fill)] + extra, title: title)
    }

    /// An open line through `points` (pixels).
    public mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 1.5, dash: String? = nil, _ extra: Attributes = []) {
        var attributes = [("points", Self.points(points)), ("fill", "none"), ("stroke", stroke), ("stroke-width", Self.px(width))]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        element("polyline", attributes + extra)
    }

    /// A closed filled shape through `points` (pixels).
    public mutating func polygon(_ points: [(Double, Double)], fill: String, _ extra: Attributes = [], title: String? = nil) {
        element("polygon", [("points", Self.points(points)), ("fill", fill)] + extra, title: title)
    }

    /// The whole picture, with `title` as its accessible name; `id` names it in the page.
    public func document(id: String, title: String) -> String {
        "<svg id=\"\(XMLText.escape(id))\" class=\"chart\" width=\"\(Self.px(width))\" height=\"\(Self.px(height))\" "
            + "viewBox=\"0 0 \(Self.px(width)) \(Self.px(height))\" role=\"img\" aria-label=\"\(XMLText.escape(title))\">"
            + parts.joined(separator: "\n") + "</svg>"
    }

    /// A pixel coordinate with one decimal (a tenth of a pixel), without a trailing `.0`.
    public static func px(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : (text == "-0" ? "0" : text)
    }

    private static func points(_ points: [(Double, Double)]) -> String {
        points.map { "\(px($0.0)),\(px($0.1))" }.joined(separator: " ")
    }
}

/// Escaping for XML text and attribute values: the five characters XML reserves become
/// the five entities every XML parser knows (so no HTML-only entity is ever written).
public enum XMLText {
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
