import EnergyModel
import Foundation
import Profiles
import Reports

/// What a sweep computes: the product of its axes and seeds, each point a projection of
/// the chosen years. Points are numbered in grid order — the first axis slowest, the
/// seed fastest — so a number names the same point in every run, shard and merge.
public struct SweepPlan: Sendable {
    public var scenarioPath: String
    public var axes: [SweepAxis]
    public var seeds: [UInt64]
    public var years: YearSelection

    /// Years to project at each point: one contiguous projection (battery aging carried
    /// from year to year), or each year on its own (faster; aging without earlier cycles,
    /// as `capsim run --years Y` does).
    public enum YearSelection: Sendable, Hashable {
        case range(ClosedRange<Int>)
        case each([Int])

        /// The projections to run, each a range of years.
        public var runs: [ClosedRange<Int>] {
            switch self {
            case let .range(range): [range]
            case let .each(years): years.map { $0...$0 }
            }
        }

        public var description: String {
            switch self {
            case let .range(range): "\(range.lowerBound)...\(range.upperBound)"
            case let .each(years): years.map(String.init).joined(separator: ",")
            }
        }
    }

    public init(scenarioPath: String, axes: [SweepAxis], seeds: [UInt64], years: YearSelection) {
        self.scenarioPath = scenarioPath
        self.axes = axes
        self.seeds = seeds
        self.years = years
    }

    /// The grid a sweep folder's `manifest` records, projecting `years` (read from its
    /// `years` text by the caller, who names the file in a message).
    public init(_ manifest: SweepManifest, years: YearSelection) {
        self.init(scenarioPath: manifest.scenario, axes: manifest.axes.map { SweepAxis(path: $0.path, values: $0.values) },
                  seeds: manifest.seeds, years: years)
    }

    /// The number of points, `Int.max` for a grid too large to count (which `checkSize`
    /// refuses): an edited sweep.json of 10²⁰ points trapped on the overflow.
    public var count: Int {
        axes.reduce(seeds.count) { points, axis in
            let (product, overflow) = points.multipliedReportingOverflow(by: axis.values.count)
            return overflow ? Int.max : product
        }
    }

    /// The most points one sweep runs: a folder's points.csv of 10⁷ points is gigabytes,
    /// and the list of points to do (8 bytes a point) 80 MB; a grid of 10¹¹ points ran out
    /// of memory before its first point, and 10²⁰ overflowed the count.
    public static let pointLimit = 10_000_000

    /// Refuses a grid of more than `pointLimit` points, counting them without overflow
    /// (each axis and the seeds hold at least one value). `byOptions`: whether an option
    /// (`--set`, `--seeds`) is among what makes the grid (a usage error, exit 2), rather
    /// than the sweep file alone (exit 1).
    public func checkSize(byOptions: Bool = true) throws(SweepError) {
        let points = count
        guard points > Self.pointLimit else { return }
        let factors = axes.map { "\($0.values.count) values of \($0.path)" } + ["\(seeds.count) seed\(seeds.count == 1 ? "" : "s")"]
        let size = points == Int.max ? "more than 9.2e18" : "\(points)"
        let message = "the grid has \(size) points (\(factors.joined(separator: " × "))), more than the \(Self.pointLimit) one sweep runs: "
            + "use fewer values, or split it into several sweeps"
        throw byOptions ? SweepError.usage(message) : SweepError(message)
    }

    /// Point `index` (0 ..< count).
    public func point(_ index: Int) -> SweepPoint {
        SweepPoint(index: index, values: zip(axes, positions(index)).map { $0.values[$1] }, seed: seeds[index % seeds.count])
    }

    /// Where point `index`'s value of each axis is in the axis's values.
    func positions(_ index: Int) -> [Int] {
        var rest = index / seeds.count
        var positions = [Int](repeating: 0, count: axes.count)
        for (position, axis) in axes.enumerated().reversed() {
            positions[position] = rest % axis.values.count
            rest /= axis.values.count
        }
        return positions
    }

    /// The overrides of a point.
    public func overrides(_ point: SweepPoint) -> [ScenarioOverride] {
        overrides(at: positions(point.index))
    }

    /// The overrides setting each axis to its value at `positions`.
    func overrides(at positions: [Int]) -> [ScenarioOverride] {
        zip(axes, positions).map { $0.override(at: $1) }
    }

    /// Whether every point has the unswept scenario's profiles for its seed — true when
    /// every axis sets a key of a storage technology other than its kind, since no
    /// series depends on storage — so that points can share a `ProfileCache`.
    public func sharesProfiles(_ scenario: Scenario) -> Bool {
        let storage = Set(scenario.technologies.filter(\.kind.isStorage).map(\.id))
        return axes.allSatisfy { axis in
            let parts = axis.path.split(separator: ".").map(String.init)
            return parts.count >= 3 && parts[0] == "technologies" && storage.contains(parts[1]) && parts[2] != "kind"
        }
    }

    /// A profile cache for the points of this plan when they can share one, else nil.
    public func profileCache(root: SourceNode) -> ProfileCache? {
        guard let scenario = try? ScenarioLoader.decode(root, overriddenBy: [], file: scenarioPath), sharesProfiles(scenario) else { return nil }
        return ProfileCache()
    }

    /// Decodes the scenario with every value of every axis (the others at their first
    /// value), so that a misspelt key or a value without its unit is reported before any
    /// point runs or any file is written; the failure holds the values tried. Returns
    /// `series` (the scenario's own) and after them every other hourly series a value
    /// reads: a CSV an axis names decides the results as the file's own series do, so
    /// the fingerprint reads it and no output may overwrite it.
    @discardableResult
    public func checkValues(root: SourceNode, series: [HourlySeries] = []) throws(PointFailure) -> [HourlySeries] {
        var read = series
        for (index, axis) in axes.enumerated() {
            for position in axis.values.indices {
                var trial = [Int](repeating: 0, count: axes.count)
                trial[index] = position
                let values = overrides(at: trial)
                do {
                    let scenario = try ScenarioLoader.decode(root, overriddenBy: values, file: scenarioPath)
                    read += scenario.hourlySeries.filter { one in !read.contains { $0.file == one.file && $0.column == one.column } }
                } catch {
                    throw PointFailure(point: nil, scenario: scenarioPath, overrides: values, error: error)
                }
            }
        }
        return read
    }

    /// A fingerprint of everything that decides the results: the scenario as read
    /// (after `extends:`), the values of the CSV series it and the axes' values read
    /// (`series`, from `checkValues`: an edited load file changes every point), the axes, seeds and years, and the format of the
    /// results. FNV-1a over their text and the series' bits, in hexadecimal. `kind` names
    /// the format and what else decides the results (a search's key, interval and target).
    public func fingerprint(scenario root: SourceNode, series: [HourlySeries] = [], of kind: String = "capsim.sweep/1") -> String {
        var text = kind + "\n" + Self.canonical(root) + "\n"
        // A value holding a comma or a quote (a sweep file's list item) is quoted, so that
        // ['x,y'] and [x, y] differ; other values are as before, and so are their fingerprints.
        for axis in axes { text += "set \(axis.path)=\(axis.values.map(CSVField.quoted).joined(separator: ","))\n" }
        text += "seeds \(seeds.map(String.init).joined(separator: ","))\nyears \(years.description)\n"
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        for byte in text.utf8 { mix(byte) }
        // A series by its file's name, column and values: its path is as resolved from the
        // working folder, so the same sweep run from another folder (a shard of an array
        // job) was refused as another sweep.
        for one in series {
            for byte in "series \(URL(fileURLWithPath: one.file).lastPathComponent) \(one.column ?? "")\n".utf8 { mix(byte) }
            for value in one.values {
                var bits = value.bitPattern
                for _ in 0..<8 {
                    mix(UInt8(truncatingIfNeeded: bits))
                    bits >>= 8
                }
            }
        }
        return Self.padded(String(hash, radix: 16))
    }

    /// A fingerprint as 16 hex digits: one whose hash began with a 0 was written with 15,
    /// and is read (`SweepManifest`, `SearchManifest`) as the same fingerprint padded.
    static func padded(_ fingerprint: String) -> String {
        String(repeating: "0", count: max(0, 16 - fingerprint.count)) + fingerprint
    }

    /// A text that is the same for equal trees (locations left out).
    static func canonical(_ node: SourceNode) -> String {
        switch node.value {
        case let .scalar(text, quoted): quoted ? "'\(text)'" : text
        case .null: "~"
        case let .sequence(items): "[" + items.map(canonical).joined(separator: ",") + "]"
        case let .mapping(entries): "{" + entries.map { "\($0.key):\(canonical($0.value))" }.joined(separator: ",") + "}"
        }
    }
}

/// One point of a sweep: its number, the axis values, the weather seed.
public struct SweepPoint: Sendable, Hashable {
    public var index: Int
    public var values: [String]
    public var seed: UInt64
}
