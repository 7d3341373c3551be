import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Reports

/// The charting module on its own: nice ticks, escaping, and pictures that parse as XML
/// with their shapes where the axes say.
@Suite struct ChartTests {
    /// Every attribute of every element of `markup`, in document order; nil if it is not well-formed XML.
    static func elements(_ markup: String) -> [(name: String, attributes: [String: String])]? {
        final class Collector: NSObject, XMLParserDelegate {
            var elements: [(name: String, attributes: [String: String])] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                elements.append((name, attributes))
            }
        }
        let parser = XMLParser(data: Data(markup.utf8)), collector = Collector()
        parser.delegate = collector
        return parser.parse() ? collector.elements : nil
    }

    @Test(arguments: [(0.0, 0.4159), (0.0, 13_800), (-2.3, 0.7), (0.1, 0.1), (2020, 2030), (0, 0)])
    func ticksAreOneTwoOrFiveTimesAPowerOfTen(low: Double, high: Double) {
        let ticks = NiceTicks(covering: low, high)
        #expect(ticks.low <= min(low, high) && ticks.high >= max(low, high))
        #expect((3...12).contains(ticks.values.count), "\(ticks.values)")
        let mantissa = ticks.step / pow(10, log10(ticks.step).rounded(.down))
        #expect([1.0, 2, 5].contains { abs($0 - mantissa) < 1e-9 }, "step \(ticks.step)")
        for (a, b) in zip(ticks.values, ticks.values.dropFirst()) { #expect(abs(b - a - ticks.step) < 1e-9 * max(1, ticks.step)) }
    }

    /// Ticks are the doubles nearest their decimals, so that `data-value` reads 0.15, not
    /// 0.15000000000000002 (3 × 0.05).
    @Test func tickValuesAreTheirDecimals() {
        #expect(NiceTicks(covering: 0, 0.25).values.map { "\($0)" } == ["0.0", "0.05", "0.1", "0.15", "0.2", "0.25"])
        #expect(NiceTicks(covering: 0, 0.7).values.map { "\($0)" } == ["0.0", "0.2", "0.4", "0.6", "0.8"])
        #expect(NiceTicks(covering: -0.003, 0.0021).values.map { "\($0)" } == ["-0.004", "-0.002", "0.0", "0.002", "0.004"])
        #expect(NiceTicks(covering: 0, 13_800).values == [0, 5_000, 10_000, 15_000])
        #expect(NiceTicks(covering: 0, 0.25).step == 0.05)
    }

    /// Values so far apart that their span overflows (shares of ±1e308 edited into a
    /// sweep's points) trapped converting NaN to a whole number: the scale starts there.
    @Test func spansThatOverflowDrawWithoutTrapping() {
        #expect(HeatMap.colour(.nan) == HeatMap.colour(0))
        #expect(HeatMap.colour(.infinity) == HeatMap.colour(1))
        #expect(NiceTicks.step(for: .infinity) == (1, 0) && NiceTicks.step(for: .nan) == (1, 0) && NiceTicks.step(for: 0) == (1, 0))
        #expect(NiceTicks.step(for: 0.25) == (5, -1))
    }

    /// The week chart's prices: yuan/GWh to yuan/MWh to the nearest 0.001, so that the
    /// solver's ±10⁻⁷ around a zero price is drawn as 0 (and the right axis as 0 to 1).
    @Test func weekPricesDropTheSolversNoise() {
        #expect(HourlyCharts.shownPrices([450_000.0000004, -3e-4, 2e-4, 123_456.7]) == [450, 0, 0, 123.457])
        #expect(HourlyCharts.shownPrices([-3e-4]).map { $0.sign } == [.plus])
        let axis = NiceTicks(covering: 0, HourlyCharts.shownPrices([1e-4, -2e-4]).max()!)
        #expect(axis.low == 0 && axis.high == 1, "\(axis.values)")
    }

    @Test func tickLabels() {
        #expect(NiceTicks(covering: 0, 0.4159, format: .percent).values.map { NiceTicks(covering: 0, 0.4159, format: .percent).label($0) }
            == ["0 %", "10 %", "20 %", "30 %", "40 %", "50 %"])
        #expect(NiceTicks(covering: 0, 0.45).label(0.3) == "0.3")
        #expect(NiceTicks(covering: 0, 25_000).label(20_000) == "20\u{202F}000")
        #expect(NiceTicks(covering: -10, 10).label(-0.0) == "0")
        #expect(NiceTicks(covering: -1, 1).label(0) == "0.0")
    }

    @Test func textIsEscapedAndTheSVGParses() throws {
        var chart = LineChart(id: "t", title: "a < b & \"c\" 'd'", xLabel: "x <1>", yLabel: "y & z", x: [1, 2, 3],
                              series: [Series("s&p", colour: Palette.blue, values: [0.1, 0.2, 0.15])])
        chart.dots = true
        let svg = chart.svg()
        #expect(svg.contains("a &lt; b &amp; &quot;c&quot; &#39;d&#39;"))
        #expect(!svg.contains("http"))
        let elements = try #require(Self.elements(svg))
        #expect(elements.first?.name == "svg")
        #expect(elements.filter { $0.name == "circle" }.count == 3)
    }

    /// Dots and bar segments sit where the ticks' own positions put their values.
    @Test func shapesMapToTheAxis() throws {
        var line = LineChart(id: "l", title: "t", xLabel: "x", yLabel: "y", x: [2020, 2025, 2030], series: [Series("s", colour: Palette.blue, values: [0.198, 0.316, 0.404])])
        line.dots = true
        let lineElements = try #require(Self.elements(line.svg()))
        let ticks = lineElements.filter { $0.attributes["data-axis"] == "y" }.map { (Double($0.attributes["data-value"]!)!, Double($0.attributes["y1"]!)!) }
        let (a, b) = (try #require(ticks.first), try #require(ticks.last))
        for dot in lineElements where dot.name == "circle" {
            let value = Double(dot.attributes["data-value"]!)!, cy = Double(dot.attributes["cy"]!)!
            #expect(abs(a.1 + (value - a.0) / (b.0 - a.0) * (b.1 - a.1) - cy) < 0.11)
        }
        let bars = StackedBarChart(id: "b", title: "t", xLabel: "x", yLabel: "y", categories: ["2020", "2030"],
                                   series: [Series("p", colour: Palette.blue, values: [3, 5]), Series("q", colour: Palette.orange, values: [1, -2])])
        let barElements = try #require(Self.elements(bars.svg()))
        let barTicks = barElements.filter { $0.attributes["data-axis"] == "y" }.map { (Double($0.attributes["data-value"]!)!, Double($0.attributes["y1"]!)!) }
        let pixelsPerUnit = (barTicks.first!.1 - barTicks.last!.1) / (barTicks.last!.0 - barTicks.first!.0)
        let rects = barElements.filter { $0.attributes["data-series"] != nil && $0.name == "rect" }
        #expect(rects.count == 4)
        for rect in rects {
            #expect(abs(Double(rect.attributes["height"]!)! - abs(Double(rect.attributes["data-value"]!)!) * pixelsPerUnit) < 0.2)
        }
    }

    /// Category labels wider than the space between bars (ten target ids) ran into each
    /// other: they go on two rows, each cut to twice that space, ticks keeping them whole.
    @Test func wideCategoryLabelsAreStaggeredAndCut() throws {
        let ids = (1...10).map { "non_fossil_share_20\(20 + $0)" }
        let chart = StackedBarChart(id: "p", title: "t", xLabel: "target", yLabel: "%", categories: ids,
                                    series: [Series("met", colour: Palette.blue, values: Array(repeating: 0.5, count: 10))])
        let svg = chart.svg()
        let elements = try #require(Self.elements(svg))
        #expect(elements.filter { $0.attributes["data-axis"] == "x" }.map { $0.attributes["data-value"] } == ids)
        let rows = Set(elements.filter { $0.name == "text" && $0.attributes["font-size"] == "11" && $0.attributes["text-anchor"] == "middle" }.compactMap { $0.attributes["y"] })
        #expect(rows.count == 2, "\(rows)")
        #expect(ChartFrame.fitted("non_fossil_share_2025", within: 100) == "non_fossil_sha…")
        #expect(ChartFrame.fitted("2030", within: 100) == "2030")
        #expect(ChartFrame.labelWidth("万千瓦") == 33)
    }

    @Test func heatMapCellsCarryTheirValues() throws {
        var map = HeatMap(id: "h", title: "t", rowLabel: "r", columnLabel: "c", valueLabel: "v", rows: ["a", "b"], columns: ["x", "y", "z"],
                          values: [[0.1, 0.2, nil], [0.3, 0.4, 0.5]])
        map.format = .percent
        let elements = try #require(Self.elements(map.svg()))
        let cells = elements.filter { $0.attributes["data-value"] != nil && $0.attributes["data-axis"] == nil }
        #expect(cells.count == 5)
        #expect(elements.filter { $0.attributes["data-axis"] == "x" }.map { $0.attributes["data-value"] } == ["x", "y", "z"], "column ticks carry their column")
        #expect(cells.first { $0.attributes["data-row"] == "b" && $0.attributes["data-column"] == "z" }?.attributes["data-value"] == "0.5")
        #expect(elements.filter { $0.attributes["class"] == "key" }.count == 5)
    }

    /// The key repeats no label: one swatch when every cell is equal, the two ends when
    /// the values span less than the labels' digits show.
    @Test func heatMapKeyNamesEachValueOnce() throws {
        #expect(HeatMap.keySteps(low: 0.1, high: 0.5, format: .percent).map(\.label) == ["10.00 %", "20.00 %", "30.00 %", "40.00 %", "50.00 %"])
        #expect(HeatMap.keySteps(low: 0, high: 1e-12, format: .plain).map(\.label) == ["0"])
        #expect([1e-12, -1e-9, 2.5, -0.0004].map { TickFormat.plain.text($0) } == ["0", "0", "2.5", "0"])
        #expect(HeatMap.keySteps(low: 2, high: 2.002, format: .plain).map(\.label) == ["2", "2.002"])
        let flat = HeatMap(id: "h", title: "t", rowLabel: "r", columnLabel: "c", valueLabel: "v", rows: ["a"], columns: ["x", "y"], values: [[0, 0]])
        let elements = try #require(Self.elements(flat.svg()))
        #expect(elements.filter { $0.attributes["class"] == "key" }.count == 1)
    }
}
