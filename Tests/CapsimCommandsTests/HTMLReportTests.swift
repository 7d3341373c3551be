import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Reports
import Testing
@testable import CapsimCommands
@testable import EconomicDispatch

/// `capsim run --html` and `capsim sweep --html`: one self-contained page that parses as
/// XML, with no address of anything outside, whose plotted values are the run's.
@Suite struct HTMLReportTests: CommandRunner {
    /// An element of the page with its attributes and the id of the `<svg>` it is in.
    struct Element {
        var name: String
        var attributes: [String: String]
        var chart: String?
    }

    /// Every element of the page, or nil when the page is not well-formed XML.
    static func parse(_ page: String) -> [Element]? {
        final class Collector: NSObject, XMLParserDelegate {
            var elements: [Element] = [], chart: String?
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                if name == "svg" { chart = attributes["id"] }
                elements.append(Element(name: name, attributes: attributes, chart: chart))
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "svg" { chart = nil }
            }
        }
        let parser = XMLParser(data: Data(page.utf8)), collector = Collector()
        parser.delegate = collector
        return parser.parse() ? collector.elements : nil
    }

    /// The y pixel of `value` on the axis of `chart`, from two of its ticks.
    static func pixel(of value: Double, in chart: String, _ elements: [Element]) throws -> Double {
        let ticks = elements.filter { $0.chart == chart && $0.attributes["data-axis"] == "y" }
            .map { (Double($0.attributes["data-value"]!)!, Double($0.attributes["y1"]!)!) }
        let (a, b) = (try #require(ticks.first), try #require(ticks.last))
        return a.1 + (value - a.0) / (b.0 - a.0) * (b.1 - a.1)
    }

    func runFolder(_ name: String = "small <city> & co") throws -> (URL, String) {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("city.yaml")
        let text = RunCommandTests.scenario(shareTarget: "13 %, tolerance: 1 %").replacingOccurrences(of: "name: small city", with: "name: \"\(name)\"")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (folder, file.path)
    }

    @Test func runReportParsesAndPlotsTheRunsValues() throws {
        let (folder, file) = try runFolder()
        let html = folder.appendingPathComponent("report.html").path, json = folder.appendingPathComponent("run.json").path
        let result = capsim("run", file, "--html", html, "--json", json)
        #expect(result.status == 0, "\(result.err)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("<script") && !page.contains("xmlns"))
        #expect(page.contains("small &lt;city&gt; &amp; co"))
        let elements = try #require(Self.parse(page), "the page is well-formed XML")
        for chart in ["share", "capacity", "mix", "week", "soc", "duration"] {
            #expect(elements.contains { $0.name == "svg" && $0.attributes["id"] == chart }, "chart \(chart)")
        }

        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let years = try #require(document["years"] as? [[String: Any]])
        let dots = elements.filter { $0.chart == "share" && $0.name == "circle" }
        #expect(dots.map { $0.attributes["data-x"] } == ["2020", "2021"])
        for (dot, year) in zip(dots, years) {
            let value = try #require(Double(dot.attributes["data-value"] ?? ""))
            #expect(abs(value - (year["non_fossil_share"] as? Double ?? .nan)) < 1e-9)
            #expect(abs(try Self.pixel(of: value, in: "share", elements) - Double(dot.attributes["cy"]!)!) < 1, "within a pixel")
        }
        let band = try #require(elements.first { $0.chart == "share" && $0.attributes["class"] == "band" })
        #expect(abs(Double(band.attributes["data-low"]!)! - 0.12) < 1e-12 && abs(Double(band.attributes["data-high"]!)! - 0.13) < 1e-12)
        #expect(page.contains("about 13 % (2021)"))

        let coal = elements.filter { $0.chart == "capacity" && $0.attributes["data-series"] == "coal" }
        #expect(coal.map { $0.attributes["data-value"] } == ["0.3", "0.3"])
        let load = elements.filter { $0.chart == "mix" && $0.attributes["data-series"] == "load" }.map { Double($0.attributes["data-value"]!)! }
        #expect(load.count == 2 && load.allSatisfy { abs($0 - 1000) < 1 }, "1 TWh of load a year")
        #expect(page.contains("✓ met") || page.contains("~ within tolerance"), "statuses in words")
        #expect(page.contains("class=\"number status-"), "statuses coloured")
        #expect(page.contains("week 20") || page.contains("most curtailment") || page.contains("summer peak"))
        #expect(page.contains("Counted by the calorific method; China&#39;s statistics"), "the calorific caveat, as in the terminal summary")
    }

    @Test func weekAndYearOptions() throws {
        let (folder, file) = try runFolder()
        let html = folder.appendingPathComponent("report.html").path
        #expect(capsim("run", file, "--html", html, "--week", "10", "--report-year", "2020").status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("Dispatch of week 10, 2020"))
        #expect(page.contains("chosen with --week"))
        #expect(page.contains("Duration curves, 2020"))
        #expect(capsim("run", file, "--html", html, "--week", "53").status == 2)
        #expect(capsim("run", file, "--html", html, "--report-year", "2019").status == 2)
        #expect(capsim("run", file, "--week", "3").status == 2, "--week without --html")
    }

    @Test(arguments: [1, 2])
    func sweepReportMapsTheShareOverTheAxes(axes: Int) throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("city.yaml")
        try SweepCommandTests.scenario().write(to: file, atomically: true, encoding: .utf8)
        let html = folder.appendingPathComponent("sweep.html").path, out = folder.appendingPathComponent("out").path
        let sets = ["--set", "technologies.battery.capacity=0GW,0.1GW"] + (axes == 2 ? ["--set", "technologies.wind.full_load_hours=1800 h,2200 h"] : [])
        let result = capsim(["sweep", file.path] + sets + ["--years", "2021", "--out", out, "--jobs", "2", "--html", html])
        #expect(result.status == 0, "\(result.err)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(!page.contains("http://") && !page.contains("https://"))
        let elements = try #require(Self.parse(page))
        let share = elements.filter { $0.chart == "sweep-share" && $0.attributes["data-value"] != nil && $0.name != "line" }
        #expect(share.count == (axes == 2 ? 4 : 2 * 3), "heat-map cells, or three lines of two dots")
        let csv = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8).split(separator: "\n")
        let header = csv[0].split(separator: ",").map(String.init), mean = header.firstIndex(of: "non_fossil_share_mean")!
        let means = csv.dropFirst().map { Double($0.split(separator: ",")[mean])! }
        for value in share.compactMap({ Double($0.attributes["data-value"]!) }).prefix(axes == 2 ? 4 : 2) {
            #expect(means.contains { abs($0 - value) < 1e-12 }, "\(value) is a mean of summary.csv")
        }
        #expect(elements.contains { $0.attributes["id"] == "sweep-probability" })
        #expect(page.contains("share_2021"))
        if axes == 1 {
            let dots = elements.filter { $0.chart == "sweep-share" && $0.name == "circle" }
            #expect(Set(dots.map { $0.attributes["data-x"] }) == ["0GW", "0.1GW"], "dots named by the axis value, not its position")
        }
    }

    /// An at-most share target with a tolerance was labelled "about" on the share chart,
    /// which hid its direction; it is labelled as the scorecard writes it.
    @Test func atMostBandKeepsItsDirection() throws {
        let folder = try temporaryFolder()
        let variant = folder.appendingPathComponent("variant.yaml"), html = folder.appendingPathComponent("r.html").path
        try """
            extends: \(Self.path("shaoyang.yaml"))
            targets:
              - {id: cap, kind: non_fossil_share, year: 2030, at_most: 45 %, tolerance: 2 %}
            """.write(to: variant, atomically: true, encoding: .utf8)
        let result = capsim("run", variant.path, "--years", "2030", "--html", html)
        #expect(result.status == 0, "\(result.err)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("≤ 45 % ±2 pp (2030)") && !page.contains("about 45 %"))
    }

    /// A sweep over seeds alone drew no share at all; it now lists each seed's share and
    /// their mean, lowest and highest, equal to summary.csv's.
    @Test func seedsOnlySweepReportListsTheShares() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("city.yaml")
        try SweepCommandTests.scenario().write(to: file, atomically: true, encoding: .utf8)
        let html = folder.appendingPathComponent("sweep.html").path, out = folder.appendingPathComponent("out").path
        let result = capsim("sweep", file.path, "--seeds", "1...3", "--years", "2021", "--out", out, "--jobs", "2", "--html", html)
        #expect(result.status == 0, "\(result.err)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        let csv = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8).split(separator: "\n")
        let header = csv[0].split(separator: ",").map(String.init), row = csv[1].split(separator: ",").map(String.init)
        for (name, label) in [("non_fossil_share_mean", "mean"), ("non_fossil_share_min", "lowest"), ("non_fossil_share_max", "highest")] {
            let value = try #require(header.firstIndex(of: name).flatMap { Double(row[$0]) })
            #expect(page.contains("<tr><td>\(label)</td><td class=\"number\">\(String(format: "%.3f %%", 100 * value))</td></tr>"), "\(name)")
        }
        #expect(page.contains("capacity targets need no dispatch and are counted for every year"))
    }

    /// The default scenario's report (one year): small, self-contained, well-formed.
    @Test func defaultScenarioReport() throws {
        let folder = try temporaryFolder()
        let html = folder.appendingPathComponent("report.html").path
        let result = capsim("run", Self.path("shaoyang.yaml"), "--years", "2030", "--html", html)
        #expect(result.status == 0, "\(result.err)")
        #expect(!result.out.contains("counted by the calorific method"), "the coal-equivalent default has no note")
        let data = try Data(contentsOf: URL(fileURLWithPath: html))
        #expect(data.count < 2_000_000)
        let page = String(decoding: data, as: UTF8.self)
        #expect(!page.contains("http://") && !page.contains("https://"))
        let elements = try #require(Self.parse(page))
        #expect(elements.filter { $0.name == "svg" }.count == 6)
        #expect(page.contains("about 28 % (2030)"))
        // The capacity targets are listed, not drawn on bars of every kind (a missed one
        // looked met beside a taller bar).
        #expect(!elements.contains { $0.attributes["class"] == "mark" })
        #expect(page.contains("new_energy_2030 — ") && page.contains("pumped_storage_2030 — "))
        #expect(elements.filter { $0.chart == "share" && $0.attributes["data-axis"] == "x" }.map { $0.attributes["data-value"] } == ["2030"], "x ticks carry their value")
        #expect(elements.filter { $0.chart == "duration" && $0.attributes["data-axis"] == "x" }.last?.attributes["data-value"] == "8760", "the axis ends at the last hour")
        let band = try #require(elements.first { $0.chart == "share" && $0.attributes["class"] == "band" })
        #expect(band.attributes["data-low"] == "0.27" && band.attributes["data-high"] == "0.28", "no noise of 0.28 − 0.01")
    }

    /// Storage not built in the report's year is not drawn (four flat lines at zero were);
    /// week 52 takes the year's last day (a shortfall on 31 December was never shown).
    @Test func storageNotInServiceAndTheLastDay() throws {
        let folder = try temporaryFolder()
        let html = folder.appendingPathComponent("report.html").path
        let early = capsim("run", Self.path("shaoyang.yaml"), "--years", "2020...2021", "--report-year", "2020", "--html", html, "--week", "52")
        #expect(early.status == 0, "\(early.err)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("No storage in this year."))
        #expect(page.contains("Week 52 (hours 8568–8759 of 2020)"))
        let elements = try #require(Self.parse(page))
        #expect(elements.filter { $0.chart == "week" && $0.attributes["data-axis"] == "x" }.map { $0.attributes["data-value"] }
                == ["24 Dec", "25 Dec", "26 Dec", "27 Dec", "28 Dec", "29 Dec", "30 Dec", "31 Dec"], "eight days")
        #expect(ReportWeek(number: 52, reason: "").range == 8568..<8760 && ReportWeek(number: 51, reason: "").range == 8400..<8568)
    }

    /// Weeks are compared per hour: 75 GWh over week 52's 192 hours (0.39 GW) is less than
    /// 70 GWh over week 51's 168 (0.42 GW), and the week is named with its whole amount.
    @Test func theEightDayWeekIsComparedPerHour() {
        var unserved = [Double](repeating: 0, count: 8760)
        for t in 8400..<8470 { unserved[t] = 1 }
        for t in 8600..<8675 { unserved[t] = 1 }
        let zero = [Double](repeating: 0, count: 8760)
        let solver = SolverReport(status: "optimal", message: "", objective: 0, iterations: 0, seconds: 0, path: "banded", rows: 0, columns: 0)
        var dispatch = YearDispatch(year: 2030, load: zero, technologies: [], imports: zero, exports: zero, unserved: unserved, price: zero, solver: solver)
        let week = ReportWeek.choose(dispatch, threshold: 1e-6)
        #expect(week.number == 51 && week.reason == "the week with the most unserved energy per hour (70 GWh in the week)")
        for t in 8675..<8700 { unserved[t] = 1 }
        dispatch.unserved = unserved
        #expect(ReportWeek.choose(dispatch, threshold: 1e-6) == ReportWeek(number: 52, reason: "the week with the most unserved energy per hour (100 GWh in the week)"))
    }
}
