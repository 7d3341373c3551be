import Foundation

/// The unit symbols capsim reads, each with its dimension and its size in canonical units.
///
/// Canonical units: GWh, h, tce, t, m³, yuan, m, degree, cycle (see `Dimension`). So a
/// symbol's `scale` is "how many canonical units one of it is": 1 MW = 0.001 GW
/// (= 0.001 GWh/h), 1 亿千瓦时 = 100 GWh, 1 gce = 1e-6 tce.
/// A symbol may be preceded by the Chinese multipliers 万 (1e4) or 亿 (1e8):
/// `万千瓦`, `亿千瓦时`, `万吨标准煤`, `亿立方米`, and also `亿kWh`.
enum UnitTable {
    struct Unit {
        let dimension: Dimension
        let scale: Double
    }

    static let multipliers: [(prefix: String, factor: Double)] = [("万", 1e4), ("亿", 1e8)]

    static let symbols: [String: Unit] = {
        var table: [String: Unit] = [:]
        func add(_ names: [String], _ dimension: Dimension, _ scale: Double) {
            for name in names { table[name] = Unit(dimension: dimension, scale: scale) }
        }
        // Energy, canonical GWh. 度 is the everyday Chinese word for kWh.
        add(["Wh"], .energy, 1e-9)
        add(["kWh", "千瓦时", "度"], .energy, 1e-6)
        add(["MWh", "兆瓦时"], .energy, 1e-3)
        add(["GWh", "吉瓦时"], .energy, 1)
        add(["TWh", "太瓦时"], .energy, 1e3)
        add(["J"], .energy, 1 / 3.6e12)
        add(["kJ"], .energy, 1 / 3.6e9)
        add(["MJ"], .energy, 1 / 3.6e6)
        add(["GJ"], .energy, 1 / 3.6e3)
        add(["TJ"], .energy, 1 / 3.6)
        add(["PJ"], .energy, 1e3 / 3.6)
        // Power, canonical GW = GWh/h.
        add(["W", "瓦"], .power, 1e-9)
        add(["kW", "千瓦"], .power, 1e-6)
        add(["MW", "兆瓦"], .power, 1e-3)
        add(["GW", "吉瓦"], .power, 1)
        add(["TW", "太瓦"], .power, 1e3)
        // Time, canonical h. A year is 8 760 h: capsim's years have 365 days.
        add(["s"], .time, 1.0 / 3600)
        add(["min"], .time, 1.0 / 60)
        add(["h", "hr", "hour", "hours", "小时"], .time, 1)
        add(["d", "day", "days", "天"], .time, 24)
        add(["yr", "year", "years", "a", "年"], .time, 8760)
        // Standard coal, canonical tce.
        add(["gce", "克标准煤", "克标煤"], .coal, 1e-6)
        add(["kgce", "千克标准煤", "千克标煤"], .coal, 1e-3)
        add(["tce", "吨标准煤", "吨标煤"], .coal, 1)
        add(["ktce"], .coal, 1e3)
        add(["Mtce"], .coal, 1e6)
        // Mass, canonical t (fuel and CO2 alike).
        add(["g", "克"], .mass, 1e-6)
        add(["kg", "千克", "kgCO2"], .mass, 1e-3)
        add(["t", "tonne", "tonnes", "吨", "tCO2"], .mass, 1)
        add(["kt", "ktCO2"], .mass, 1e3)
        add(["Mt", "MtCO2"], .mass, 1e6)
        // Volume, canonical m³.
        add(["m³", "m3", "m^3", "Nm³", "Nm3", "立方米"], .volume, 1)
        // Money, canonical yuan.
        add(["yuan", "CNY", "RMB", "元"], .money, 1)
        // Length, canonical m.
        add(["m", "米"], .length, 1)
        add(["km", "公里"], .length, 1e3)
        // Angle, canonical degree; south and west are negative.
        add(["°", "deg", "degree", "degrees", "°N", "°E"], .angle, 1)
        add(["°S", "°W"], .angle, -1)
        // Fractions and counts.
        // pp, percentage points: how capsim prints a share target's tolerance (±1 pp).
        add(["%", "percent", "pp"], .fraction, 0.01)
        add(["‰"], .fraction, 0.001)
        add(["cycle", "cycles"], Dimension(cycle: 1), 1)
        return table
    }()

    /// Parses a unit expression such as `GW`, `万千瓦`, `gce/kWh`, `yuan/MWh`, `%/h`,
    /// `元/千瓦时`: one numerator symbol (or `1`) divided by any number of symbols, none of
    /// them a fraction (`%`, `‰`).
    static func parse(_ text: String) -> Unit? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first, !first.isEmpty else { return nil }
        var unit = first == "1" ? Unit(dimension: .none, scale: 1) : symbol(first)
        for part in parts.dropFirst() {
            // "GW/%" would read as 100 GW: a fraction divides nothing capsim reads.
            guard let current = unit, let divisor = symbol(part), divisor.dimension != .fraction else { return nil }
            unit = Unit(dimension: current.dimension / divisor.dimension, scale: current.scale / divisor.scale)
        }
        return unit
    }

    /// A correction for an unknown unit expression, or nil: each part that is no symbol
    /// replaced by the closest symbol, a 万 or 亿 in front of it kept (`万kw` → `万kW`, not
    /// `kW`, which is 10 000 times less). It is offered only when the corrected expression
    /// has one of the dimensions the key takes (a misspelt time is never offered `%`),
    /// when each replaced part was Latin text (one character apart, 月 and 年 are other
    /// units, not typos of each other), and when a part keeps at least one of its
    /// characters (`wk` is not a typo of `W`).
    static func suggestion(for text: String, accepting dimensions: Set<Dimension>) -> String? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var corrected: [String] = []
        for (index, part) in parts.enumerated() {
            if (index == 0 && part == "1") || symbol(part) != nil {
                corrected.append(part)
                continue
            }
            let prefix = multipliers.first { part.hasPrefix($0.prefix) && part.count > $0.prefix.count }?.prefix ?? ""
            let word = String(part.dropFirst(prefix.count))
            // A lone symbol must have the key's dimension; a part of a ratio is checked
            // with the whole expression below.
            let candidates = parts.count == 1 ? symbols.filter { dimensions.contains($0.value.dimension) }.map(\.key) : Array(symbols.keys)
            guard word.unicodeScalars.allSatisfy(\.isASCII),
                  let closest = Suggestion.closest(to: word, among: candidates),
                  Suggestion.distance(word.lowercased(), closest.lowercased()) < word.count else { return nil }
            corrected.append(prefix + closest)
        }
        let expression = corrected.joined(separator: "/")
        guard let unit = parse(expression), dimensions.contains(unit.dimension) else { return nil }
        return expression
    }

    private static func symbol(_ text: String) -> Unit? {
        if let unit = symbols[text] { return unit }
        for (prefix, factor) in multipliers where text.hasPrefix(prefix) {
            if let unit = symbols[String(text.dropFirst(prefix.count))] {
                return Unit(dimension: unit.dimension, scale: unit.scale * factor)
            }
        }
        return nil
    }
}
