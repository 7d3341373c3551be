/// One plotted series: a name for the legend and tooltips, a colour, a dash pattern for
/// lines (so lines differ in print without colour), and one value per point.
public struct Series: Sendable {
    public var name: String
    public var colour: String
    public var values: [Double]
    /// SVG `stroke-dasharray` for lines, nil for solid.
    public var dash: String?

    public init(_ name: String, colour: String, values: [Double], dash: String? = nil) {
        self.name = name
        self.colour = colour
        self.values = values
        self.dash = dash
    }
}

/// One line of a legend: a filled box (bars, areas, bands) or a line sample.
public struct LegendEntry: Sendable {
    public enum Mark: Sendable {
        case box
        case line(dash: String?)
    }

    public var name: String
    public var colour: String
    public var mark: Mark

    public init(_ name: String, colour: String, mark: Mark) {
        self.name = name
        self.colour = colour
        self.mark = mark
    }
}

/// What every chart shares: the title above, the plot area, the axes with their ticks,
/// labels and units, and the legend to the right of the plot. Sizes in pixels; every
/// chart is `width` wide so that the page lines them up.
struct ChartFrame {
    static let width = 960.0
    static let legendWidth = 200.0

    var title: String
    var height: Double
    var left = 76.0
    var top = 44.0
    var right: Double
    var bottom: Double

    /// The plot area leaves room for a second axis on the right when `secondaryAxis`.
    init(title: String, height: Double = 380, secondaryAxis: Bool = false) {
        self.title = title
        self.height = height
        right = Self.width - Self.legendWidth - (secondaryAxis ? 70 : 16)
        bottom = height - 52
    }

    func canvas() -> SVGWriter {
        var svg = SVGWriter(width: Self.width, height: height)
        svg.rect(x: 0, y: 0, width: Self.width, height: height, fill: "#ffffff")
        svg.text(title, x: left, y: 24, size: 16, [("font-weight", "bold")])
        return svg
    }

    func yScale(_ ticks: NiceTicks) -> LinearScale { LinearScale(ticks, from: bottom, to: top) }

    /// The vertical axis: grid lines at each tick (`class="tick"`, `data-axis`,
    /// `data-value` for tests and readers of the file), labels, and the axis title with its
    /// unit; on the right for the secondary axis.
    func drawYAxis(_ ticks: NiceTicks, label: String, secondary: Bool = false, into svg: inout SVGWriter) {
        let scale = yScale(ticks), x = secondary ? right : left
        for value in ticks.values {
            let y = scale.pixel(value)
            svg.line(x1: secondary ? right : left, y1: y, x2: secondary ? right + 5 : right, y2: y, stroke: secondary ? "#555555" : "#dddddd",
                     [("class", "tick"), ("data-axis", secondary ? "y2" : "y"), ("data-value", "\(value)")])
            svg.text(ticks.label(value), x: secondary ? x + 8 : x - 6, y: y + 4, anchor: secondary ? "start" : "end", size: 11)
        }
        let middle = (top + bottom) / 2, labelX = secondary ? right + 62 : 16
        svg.text(label, x: labelX, y: middle, anchor: "middle", size: 12, [("transform", "rotate(-90 \(SVGWriter.px(labelX)) \(SVGWriter.px(middle)))")])
    }

    /// The horizontal axis: the base line, ticks at the given positions with their labels
    /// (each tick's `data-value`: the year, category, day or number it marks), and the
    /// axis title with its unit.
    ///
    /// Labels wider than the space between ticks (a target's id under each bar) ran into
    /// each other: they then go on two staggered rows, each cut to twice that space, and the
    /// axis title moves below them; `data-value` keeps each label whole.
    func drawXAxis(_ ticks: [(position: Double, label: String)], label: String, into svg: inout SVGWriter) {
        svg.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: "#333333")
        let spacing = zip(ticks.dropFirst(), ticks).map { $0.position - $1.position }.min() ?? .infinity
        let stagger = ticks.contains { Self.labelWidth($0.label) > spacing - 4 }
        for (index, tick) in ticks.enumerated() {
            svg.line(x1: tick.position, y1: bottom, x2: tick.position, y2: bottom + 5, stroke: "#333333",
                     [("class", "tick"), ("data-axis", "x"), ("data-value", tick.label)])
            let shown = stagger ? Self.fitted(tick.label, within: 2 * spacing - 6) : tick.label
            svg.text(shown, x: tick.position, y: bottom + 18 + (stagger && index % 2 == 1 ? 14 : 0), anchor: "middle", size: 11)
        }
        svg.text(label, x: (left + right) / 2, y: stagger ? height - 4 : height - 12, anchor: "middle", size: 12)
    }

    /// The width of an 11-px label, px, estimated: 6.6 a Latin character, 11 a Chinese one.
    static func labelWidth(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 6.6 : 11) }
    }

    /// `text`, or as much of it as fits in `width` px with "…" after it.
    static func fitted(_ text: String, within width: Double) -> String {
        guard labelWidth(text) > width else { return text }
        var shown = ""
        for character in text {
            guard labelWidth(shown + String(character)) + 6.6 <= width else { break }
            shown.append(character)
        }
        return shown + "…"
    }

    /// The legend, top to bottom in the order given (for stacks: top of the stack first).
    func drawLegend(_ entries: [LegendEntry], into svg: inout SVGWriter) {
        let x = Self.width - Self.legendWidth + 12
        for (index, entry) in entries.enumerated() {
            let y = top + 6 + 20 * Double(index)
            switch entry.mark {
            case .box:
                svg.rect(x: x, y: y - 10, width: 14, height: 14, fill: entry.colour, [("stroke", "#333333"), ("stroke-width", "0.5")])
            case let .line(dash):
                svg.line(x1: x - 2, y1: y - 3, x2: x + 16, y2: y - 3, stroke: entry.colour, width: 2.5, dash: dash)
            }
            svg.text(entry.name, x: x + 22, y: y + 1, size: 12, [("class", "legend")])
        }
    }
}
