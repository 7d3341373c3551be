import Foundation
import LinearProgramming

/// A synthetic one-region, one-window dispatch LP of the shape in DESIGN.md §4, for
/// benchmarking capsim's interior-point solver against HiGHS. It does not depend on
/// capsim's scenarios or profiles: every series is made here from the hour index and a
/// seed, so the same `hours` and `seed` always give the same problem, and the data of
/// hour t do not depend on `hours` (a shorter window sees the first hours of a longer
/// one; only the end conditions and the cap differ).
///
/// The region is made up: about 8 GW average load (peaks near 11 GW), 6 GW of coal and
/// 18 GW of wind and solar, sized so that every technology runs, wind is curtailed in
/// some hours, the reservoir spills in the flood season and every kind of row is
/// active somewhere. It is not a real place.
///
/// Units: power in GW, energy in GWh (one-hour steps, so an hour's energy equals its
/// power), costs in million yuan per GWh (1 = 1 000 yuan/MWh; coal's 0.37 is
/// 370 yuan/MWh), the objective in million yuan (about 12 000 for a year).
///
/// ## Columns: 17 per hour, hour by hour, each with its hour as stage
///
/// | name (hour h = 1…T) | meaning | bounds | cost |
/// |---|---|---|---|
/// | `coal_h` | coal fleet, C = 6 GW | must-run 0.45·C·a_h ≤ p ≤ C·a_h; a = 0.92, 0.70 in a spring overhaul (days 90–149) | 0.37 |
/// | `gas_h` | gas, 2.5 GW | 0 … 0.95·C | 0.55 |
/// | `bio_h` | biomass, 0.4 GW | 0 … 0.85·C | 0.40 |
/// | `wind_h` | wind output, 8 GW | 0 … C·cf_h (the rest is curtailed) | −0.02 |
/// | `solar_h` | solar output, 10 GW | 0 … C·cf_h | −0.02 |
/// | `hturb_h` | hydro turbine, 1.5 GW | 0 … C | 0.003 |
/// | `hspill_h` | hydro spill (GWh in the hour) | 0 … +∞ | 0.0005 |
/// | `hlevel_h` | reservoir content at the end of hour h (GWh) | 120 … 600; the last hour ≥ the start, 300 | 0 |
/// | `phsc_h`, `phsd_h` | pumped storage pumping, generating, P = 1.2 GW | 0 … P | 0.004 each |
/// | `phse_h` | pumped-storage energy at the end of hour h, E = 8.4 GWh | 0.1·E … E; the last hour ≥ the start, 0.5·E | 0 |
/// | `lfpc_h`, `lfpd_h` | LFP battery charge, discharge, P = 1 GW | 0 … P | 0.008 each |
/// | `lfpe_h` | LFP energy, E = 2 GWh | 0.05·E … E; the last hour ≥ the start, 0.5·E | 0 |
/// | `imp_h`, `exp_h` | import, export over the grid link | 0 … 1.0, 0 … 1.0 GW | time-of-use price 0.30 / 0.45 / 0.60; export earns 0.15 less (a negative cost) |
/// | `uns_h` | unserved energy | 0 … load_h | 10 (value of lost load, 10 000 yuan/MWh) |
///
/// Curtailment costs κ = 0.02 per GWh: κ·(C·cf − r) is written as −κ on the output r
/// plus the constant κ·Σ C·cf in `objectiveConstant` (so the MPS file has an objective
/// offset). The throughput costs keep storage from charging and discharging in the
/// same hour.
///
/// ## Rows: 6 per hour, the rows of hour h together in this order, each with its hour as stage
///
/// | name | row | bounds |
/// |---|---|---|
/// | `bal_h` | coal + gas + bio + wind + solar + hturb + phsd − phsc + lfpd − lfpc + imp − exp + uns | = load_h |
/// | `ramp_h` | coal_h − coal_h−1 (the first hour: coal_1 alone, against 0.6·C·a_1) | −R … R, R = 0.25·C per hour: the ramp-up and ramp-down limits as one range row |
/// | `hyd_h` | hlevel_h − hlevel_h−1 + hturb_h + hspill_h | = inflow_h (the first hour: + the start level) |
/// | `env_h` | hturb_h + hspill_h (environmental flow) | ≥ 0.15 GW |
/// | `phs_h` | phse_h − (1 − σ)·phse_h−1 − η_c·phsc_h + phsd_h / η_d | = 0 (the first hour: (1 − σ)·start); η_c = η_d = √0.75, σ = 2·10⁻⁵ per hour |
/// | `lfp_h` | the same for the battery | = 0; η_c = η_d = √0.85, σ = 5·10⁻⁵ per hour |
///
/// With `annualLinkingRow`, one more row, the last, with stage `LinearProgram.linking`:
/// `coalcap`: Σ_h coal_h ≤ 0.60 · Σ_h C·a_h, a cap on coal energy at 60 % of the
/// available capacity. It is above the must-run energy (45 %), so always feasible, and
/// well below what coal, the cheapest dispatchable source, runs without it (about 71 %
/// over a year, 80–95 % in winter windows), so it binds. Checked with HiGHS for T from 1
/// to 8 760 and seeds 1–5: binding every time, with a dual between −0.03 and −0.37
/// (−0.08 over a year): the cost of what replaces coal less coal's own.
///
/// The storage and reservoir end conditions (end ≥ start) are lower bounds on the last
/// hour's level columns, not rows, so without `coalcap` no row couples more than two
/// consecutive hours.
///
/// Series: load from a daily shape, winter and summer peaks, weekends and AR(1) noise;
/// wind from a seasonal and daily cycle plus persistent AR(1) weather; solar from the
/// sun's elevation at 27.2° N times a daily cloudiness; inflow with a flood season in
/// April–July, never below the environmental flow. All from SplitMix64 seeded by `seed`.
///
/// Counts: 17·T columns, 6·T rows (+ 1 with the linking row), 29·T − 4 nonzeros (+ T).
/// At T = 8 760: 148 920 columns, 52 560 rows (52 561), 254 036 nonzeros (262 796).
///
/// Feasible and bounded for every T ≥ 1: every column but the spill has finite bounds
/// (and the spill costs ≥ 0), unserved energy can close any balance (the load is far
/// above the coal must-run in every hour), the inflow is never below the environmental
/// flow, storage can hold its level by charging, and the coal bounds and ramp limits
/// are compatible from one hour to the next and with the initial output.
public enum SyntheticDispatch {
    /// Columns per hour.
    public static let columnsPerHour = 17
    /// Rows per hour (without the linking row).
    public static let rowsPerHour = 6

    /// The dispatch LP over `hours` hours starting on 1 January, with or without the
    /// annual coal cap `coalcap`; `seed` sets the weather and load noise.
    public static func problem(hours: Int, annualLinkingRow: Bool, seed: UInt64 = 1) -> LinearProgram {
        precondition(hours >= 1, "a dispatch problem needs at least one hour")
        let series = Series(hours: hours, seed: seed)
        var builder = Builder(hours: hours, link: annualLinkingRow)
        let digits = max(4, String(hours).count)

        // Rows: bounds, names and stages.
        let rowNames = ["bal", "ramp", "hyd", "env", "phs", "lfp"]
        for t in 0..<hours {
            let suffix = hourSuffix(t + 1, digits: digits)
            for name in rowNames { builder.rowNames.append("\(name)_\(suffix)") }
            // The first hour carries the initial coal output, reservoir level and storage contents.
            let first = t == 0
            let coalReference = first ? Coal.initialShare * Coal.capacity * series.coalAvailability[0] : 0
            let water = series.inflow[t] + (first ? Hydro.startLevel : 0)
            let pumped = first ? (1 - Storage.pumped.selfDischarge) * Storage.pumped.start : 0
            let battery = first ? (1 - Storage.battery.selfDischarge) * Storage.battery.start : 0
            builder.rowLower += [series.load[t], coalReference - Coal.ramp, water, Hydro.environmentalFlow, pumped, battery]
            builder.rowUpper += [series.load[t], coalReference + Coal.ramp, water, .infinity, pumped, battery]
            for _ in 0..<rowsPerHour { builder.rowStages.append(t) }
        }
        if annualLinkingRow {
            builder.rowNames.append("coalcap")
            builder.rowLower.append(-.infinity)
            builder.rowUpper.append(coalCap(series))
            builder.rowStages.append(LinearProgram.linking)
        }

        // Columns, hour by hour; the entries of each column in increasing row order.
        var constant = 0.0
        for t in 0..<hours {
            let suffix = hourSuffix(t + 1, digits: digits)
            let last = t == hours - 1
            let bal = builder.row(t, 0), ramp = builder.row(t, 1), hyd = builder.row(t, 2), env = builder.row(t, 3)
            let phs = builder.row(t, 4), lfp = builder.row(t, 5)
            let next = last ? nil : t + 1
            let a = series.coalAvailability[t]
            let price = importPrice(hourOfDay: t % 24)

            var coalEntries = [(bal, 1.0), (ramp, 1.0)]
            if let n = next { coalEntries.append((builder.row(n, 1), -1.0)) }
            if annualLinkingRow { coalEntries.append((builder.linkRow, 1.0)) }
            builder.column("coal_\(suffix)", t, cost: Coal.cost, Coal.mustRun * Coal.capacity * a, Coal.capacity * a, coalEntries)
            builder.column("gas_\(suffix)", t, cost: Gas.cost, 0, Gas.availability * Gas.capacity, [(bal, 1)])
            builder.column("bio_\(suffix)", t, cost: Biomass.cost, 0, Biomass.availability * Biomass.capacity, [(bal, 1)])
            let wind = windCapacity * series.windFactor[t], solar = solarCapacity * series.solarFactor[t]
            constant += curtailmentCost * (wind + solar)
            builder.column("wind_\(suffix)", t, cost: -curtailmentCost, 0, wind, [(bal, 1)])
            builder.column("solar_\(suffix)", t, cost: -curtailmentCost, 0, solar, [(bal, 1)])

            builder.column("hturb_\(suffix)", t, cost: Hydro.turbineCost, 0, Hydro.turbine, [(bal, 1), (hyd, 1), (env, 1)])
            builder.column("hspill_\(suffix)", t, cost: Hydro.spillCost, 0, .infinity, [(hyd, 1), (env, 1)])
            var levelEntries = [(hyd, 1.0)]
            if let n = next { levelEntries.append((builder.row(n, 2), -1.0)) }
            builder.column(
                "hlevel_\(suffix)", t, cost: 0, last ? max(Hydro.minLevel, Hydro.startLevel) : Hydro.minLevel, Hydro.maxLevel,
                levelEntries)

            for (store, row, stateRow) in [(Storage.pumped, phs, 4), (Storage.battery, lfp, 5)] {
                let prefix = store.prefix
                builder.column("\(prefix)c_\(suffix)", t, cost: store.throughputCost, 0, store.power, [(bal, -1), (row, -store.efficiency)])
                builder.column("\(prefix)d_\(suffix)", t, cost: store.throughputCost, 0, store.power, [(bal, 1), (row, 1 / store.efficiency)])
                var entries = [(row, 1.0)]
                if let n = next { entries.append((builder.row(n, stateRow), -(1 - store.selfDischarge))) }
                builder.column(
                    "\(prefix)e_\(suffix)", t, cost: 0, last ? max(store.minEnergy, store.start) : store.minEnergy, store.energy,
                    entries)
            }

            builder.column("imp_\(suffix)", t, cost: price, 0, Grid.importLimit, [(bal, 1)])
            builder.column("exp_\(suffix)", t, cost: -(price - Grid.exportDiscount), 0, Grid.exportLimit, [(bal, -1)])
            builder.column("uns_\(suffix)", t, cost: valueOfLostLoad, 0, series.load[t], [(bal, 1)])
        }

        let matrix = SparseMatrix(
            rowCount: builder.rowNames.count, columnCount: builder.columnNames.count, columnStarts: builder.columnStarts,
            rowIndices: builder.rowIndices, values: builder.values)
        return LinearProgram(
            name: "SYNTH\(hours)\(annualLinkingRow ? "L" : "")", sense: .minimize, objective: builder.cost, objectiveConstant: constant,
            matrix: matrix, rowLower: builder.rowLower, rowUpper: builder.rowUpper, columnLower: builder.columnLower,
            columnUpper: builder.columnUpper, rowNames: NameList(builder.rowNames), columnNames: NameList(builder.columnNames),
            objectiveName: "COST", rowStages: builder.rowStages, columnStages: builder.columnStages)
    }

    /// The right-hand side of `coalcap`: 60 % of the available coal energy (GWh).
    public static func coalCap(hours: Int, seed: UInt64 = 1) -> Double {
        coalCap(Series(hours: hours, seed: seed))
    }

    private static func coalCap(_ series: Series) -> Double {
        series.coalAvailability.reduce(0) { $0 + coalCapShare * Coal.capacity * $1 }
    }

    // MARK: - Parameters

    static let coalCapShare = 0.60
    static let windCapacity = 8.0
    static let solarCapacity = 10.0
    static let curtailmentCost = 0.02
    static let valueOfLostLoad = 10.0

    enum Gas {
        static let capacity = 2.5
        static let availability = 0.95
        static let cost = 0.55
    }

    enum Biomass {
        static let capacity = 0.4
        static let availability = 0.85
        static let cost = 0.40
    }

    enum Grid {
        static let importLimit = 1.0
        static let exportLimit = 1.0
        /// Export earns the import price less this.
        static let exportDiscount = 0.15
    }

    enum Coal {
        static let capacity = 6.0
        static let mustRun = 0.45
        static let ramp = 0.25 * capacity
        static let initialShare = 0.6
        static let cost = 0.37
    }

    enum Hydro {
        static let turbine = 1.5
        static let minLevel = 120.0
        static let maxLevel = 600.0
        static let startLevel = 300.0
        static let environmentalFlow = 0.15
        static let meanInflow = 1.0
        static let turbineCost = 0.003
        static let spillCost = 0.0005
    }

    struct Storage {
        let prefix: String
        let power: Double, energy: Double, minEnergy: Double, start: Double
        /// Charge and discharge efficiency each (the square root of the round trip).
        let efficiency: Double
        /// Fraction of the content lost per hour.
        let selfDischarge: Double
        /// Cost per GWh charged and per GWh discharged.
        let throughputCost: Double

        static let pumped = Storage(
            prefix: "phs", power: 1.2, energy: 8.4, minEnergy: 0.84, start: 4.2, efficiency: 0.75.squareRoot(),
            selfDischarge: 2e-5, throughputCost: 0.004)
        static let battery = Storage(
            prefix: "lfp", power: 1.0, energy: 2.0, minEnergy: 0.1, start: 1.0, efficiency: 0.85.squareRoot(),
            selfDischarge: 5e-5, throughputCost: 0.008)
    }

    /// Time-of-use import price: valley 23:00–07:00, peak 08:00–11:00 and 17:00–21:00.
    static func importPrice(hourOfDay h: Int) -> Double {
        if h >= 23 || h < 7 { return 0.30 }
        if (8..<11).contains(h) || (17..<21).contains(h) { return 0.60 }
        return 0.45
    }

    static func hourSuffix(_ hour: Int, digits: Int) -> String {
        let text = String(hour)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    // MARK: - Building the matrix column by column

    struct Builder {
        let hours: Int
        let link: Bool
        var rowNames: [String] = [], rowLower: [Double] = [], rowUpper: [Double] = [], rowStages: [Int] = []
        var columnNames: [String] = [], columnLower: [Double] = [], columnUpper: [Double] = [], columnStages: [Int] = []
        var cost: [Double] = []
        var columnStarts: [Int] = [0], rowIndices: [Int] = [], values: [Double] = []

        init(hours: Int, link: Bool) {
            self.hours = hours
            self.link = link
            let rows = hours * rowsPerHour + (link ? 1 : 0), columns = hours * columnsPerHour
            let nonzeros = 28 * hours + (link ? hours : 0)
            rowNames.reserveCapacity(rows)
            rowLower.reserveCapacity(rows)
            rowUpper.reserveCapacity(rows)
            rowStages.reserveCapacity(rows)
            columnNames.reserveCapacity(columns)
            columnLower.reserveCapacity(columns)
            columnUpper.reserveCapacity(columns)
            columnStages.reserveCapacity(columns)
            cost.reserveCapacity(columns)
            columnStarts.reserveCapacity(columns + 1)
            rowIndices.reserveCapacity(nonzeros)
            values.reserveCapacity(nonzeros)
        }

        func row(_ hour: Int, _ kind: Int) -> Int { hour * rowsPerHour + kind }
        var linkRow: Int { hours * rowsPerHour }

        mutating func column(
            _ name: String, _ stage: Int, cost c: Double, _ lower: Double, _ upper: Double, _ entries: [(Int, Double)]
        ) {
            columnNames.append(name)
            columnStages.append(stage)
            cost.append(c)
            columnLower.append(lower)
            columnUpper.append(upper)
            var previous = -1
            for (row, value) in entries {
                precondition(row > previous, "entries of \(name) out of row order")
                previous = row
                rowIndices.append(row)
                values.append(value)
            }
            columnStarts.append(rowIndices.count)
        }
    }

    // MARK: - Synthetic series

    /// Hourly load (GW), wind and solar capacity factors, hydro inflow (GW) and coal
    /// availability, made hour by hour from a seeded generator so that a prefix of a
    /// longer series is the shorter series. The calendar repeats every 365 days; day 0
    /// is a Wednesday (1 January 2025).
    struct Series {
        var load: [Double] = [], windFactor: [Double] = [], solarFactor: [Double] = []
        var inflow: [Double] = [], coalAvailability: [Double] = []

        /// Relative load by hour of day: a morning and an evening peak.
        static let dailyShape: [Double] = [
            0.86, 0.83, 0.81, 0.80, 0.80, 0.83, 0.90, 0.98, 1.05, 1.09, 1.11, 1.09,
            1.04, 1.03, 1.06, 1.07, 1.08, 1.10, 1.15, 1.18, 1.16, 1.10, 1.01, 0.92,
        ]

        init(hours: Int, seed: UInt64) {
            var random = SplitMix64(seed: seed)
            var loadNoise = 0.0, windNoise = 0.0, inflowNoise = 0.0, cloud = 1.0
            let twoPi = 2 * Double.pi
            let latitude = 27.2 * Double.pi / 180
            for t in 0..<hours {
                let day = t / 24, hour = t % 24
                let dayOfYear = Double(day % 365)
                if hour == 0 { cloud = 0.3 + 0.7 * random.uniform() }
                loadNoise = 0.9 * loadNoise + 0.44 * random.normal()
                windNoise = 0.97 * windNoise + 0.243 * random.normal()
                inflowNoise = 0.995 * inflowNoise + 0.1 * random.normal()

                // Load: winter and (higher) summer peaks, a weekday/weekend factor, noise.
                let season = 1 + 0.10 * cos(2 * twoPi * (dayOfYear - 15) / 365) - 0.03 * cos(twoPi * (dayOfYear - 15) / 365)
                let weekend = (day + 2) % 7 >= 5 ? 0.94 : 1.0
                load.append(8.0 * season * weekend * Series.dailyShape[hour] * (1 + 0.02 * loadNoise))

                // Wind: windier in late winter and at night, persistent weather.
                let wind = 0.22 + 0.05 * cos(twoPi * (dayOfYear - 60) / 365) + 0.04 * cos(twoPi * (Double(hour) - 2) / 24)
                    + 0.16 * windNoise
                windFactor.append(min(0.92, max(0, wind)))

                // Solar: clear-sky elevation at 27.2° N, solar time, times a daily cloudiness.
                let declination = 23.44 * Double.pi / 180 * sin(twoPi * (284 + dayOfYear) / 365)
                let hourAngle = (Double(hour) + 0.5 - 12) * Double.pi / 12
                let elevation = sin(latitude) * sin(declination) + cos(latitude) * cos(declination) * cos(hourAngle)
                solarFactor.append(max(0, elevation) * 0.75 * cloud)

                // Inflow: flood season April–July, slow noise, never below the environmental flow.
                let wet = 1 + 0.75 * cos(twoPi * (dayOfYear - 150) / 365)
                inflow.append(max(Hydro.environmentalFlow + 0.05, Hydro.meanInflow * wet * (1 + 0.15 * inflowNoise)))

                // Coal: a spring overhaul window (days 90–149) takes 22 % of the fleet.
                coalAvailability.append((90..<150).contains(day % 365) ? 0.70 : 0.92)
            }
        }
    }

    /// SplitMix64: a tiny, fast, seedable generator (Steele, Lea and Flood 2014).
    struct SplitMix64 {
        var state: UInt64
        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// Uniform in [0, 1).
        mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

        /// Standard normal (Box–Muller, one of the pair).
        mutating func normal() -> Double {
            let u = 1 - uniform(), v = uniform()
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
    }
}
