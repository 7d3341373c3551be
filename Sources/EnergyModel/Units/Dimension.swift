/// A physical dimension as integer exponents of capsim's base quantities.
///
/// Base quantities and the canonical unit each is stored in:
/// energy (GWh), time (h), standard coal (tce), mass (t), volume (m³), money (yuan),
/// length (m), angle (degree), cycle (one full storage cycle). Standard coal is a base
/// quantity of its own, not an energy: Chinese energy statistics count primary energy
/// in tce, and converting electricity to tce depends on the accounting method.
/// Power is energy/time, so 1 GW = 1 GWh/h; a heat rate is coal/energy (1 gce/kWh = 1 tce/GWh).
public struct Dimension: Hashable, Sendable {
    public var energy: Int8 = 0
    public var time: Int8 = 0
    public var coal: Int8 = 0
    public var mass: Int8 = 0
    public var volume: Int8 = 0
    public var money: Int8 = 0
    public var length: Int8 = 0
    public var angle: Int8 = 0
    public var cycle: Int8 = 0

    public init(
        energy: Int8 = 0, time: Int8 = 0, coal: Int8 = 0, mass: Int8 = 0, volume: Int8 = 0,
        money: Int8 = 0, length: Int8 = 0, angle: Int8 = 0, cycle: Int8 = 0
    ) {
        self.energy = energy
        self.time = time
        self.coal = coal
        self.mass = mass
        self.volume = volume
        self.money = money
        self.length = length
        self.angle = angle
        self.cycle = cycle
    }

    static func combine(_ a: Dimension, _ b: Dimension, _ sign: Int8) -> Dimension {
        Dimension(
            energy: a.energy + sign * b.energy, time: a.time + sign * b.time, coal: a.coal + sign * b.coal,
            mass: a.mass + sign * b.mass, volume: a.volume + sign * b.volume, money: a.money + sign * b.money,
            length: a.length + sign * b.length, angle: a.angle + sign * b.angle, cycle: a.cycle + sign * b.cycle)
    }

    public static func * (a: Dimension, b: Dimension) -> Dimension { combine(a, b, 1) }
    public static func / (a: Dimension, b: Dimension) -> Dimension { combine(a, b, -1) }

    public static let none = Dimension()
    public static let fraction = Dimension()
    public static let energy = Dimension(energy: 1)
    public static let time = Dimension(time: 1)
    public static let power = Dimension(energy: 1, time: -1)
    public static let coal = Dimension(coal: 1)
    public static let mass = Dimension(mass: 1)
    public static let volume = Dimension(volume: 1)
    public static let money = Dimension(money: 1)
    public static let length = Dimension(length: 1)
    public static let angle = Dimension(angle: 1)
    public static let heatRate = Dimension(energy: -1, coal: 1)
    public static let electricityPrice = Dimension(energy: -1, money: 1)
    public static let coalPrice = Dimension(coal: -1, money: 1)
    public static let massPrice = Dimension(mass: -1, money: 1)
    public static let volumePrice = Dimension(volume: -1, money: 1)
    public static let emissionFactor = Dimension(coal: -1, mass: 1)
    /// Canonical t/GWh: mass of CO₂ per electricity (1 tCO2/MWh = 1 000 t/GWh).
    public static let emissionIntensity = Dimension(energy: -1, mass: 1)
    public static let perTime = Dimension(time: -1)
    public static let perCycle = Dimension(cycle: -1)
    public static let coalPerMass = Dimension(coal: 1, mass: -1)
    public static let coalPerVolume = Dimension(coal: 1, volume: -1)
    public static let flow = Dimension(time: -1, volume: 1)
    /// Canonical m/h; a wind speed in m/s is the canonical value ÷ 3600.
    public static let speed = Dimension(time: -1, length: 1)

    /// The largest magnitude a scenario may give in this dimension (canonical units, and
    /// as written in the message), where one is set: each is more than China's whole
    /// system or ten times the dearest price anyone pays, so it stops only a typo or a
    /// stray exponent — which would otherwise spread the LP's numbers over more than the
    /// fifteen digits a double holds, and come back as a solver failure.
    public var ceiling: (value: Double, text: String)? {
        switch self {
        case .power: (1e4, "10 000 GW")
        case .energy: (1e8, "100 000 TWh")
        case .coal: (1e10, "10 000 Mtce")
        case .mass: (1e10, "10 000 Mt")
        case .volume: (1e12, "10 000 亿立方米")
        case .electricityPrice: (1e9, "1 000 000 yuan/MWh")
        case .coalPrice, .massPrice: (1e6, "1 000 000 yuan/t")
        case .volumePrice: (1e4, "10 000 yuan/m³")
        case .money: (1e13, "100 000 亿元")
        case .flow: (3.6e9, "1 000 000 m³/s")
        default: nil
        }
    }

    /// The smallest magnitude other than 0 a scenario may give in this dimension, where
    /// one is set: a storage of 10⁻³⁰⁰ GW came back with 10²⁸⁶ cycles, and one of 1 W
    /// with 1 679 a year where 1 kW to 1 MW give some 365 — the dispatch solves its flows to
    /// 10⁻⁹ of the city's, so a capacity below a kilowatt is noise, not a result.
    public var floor: (value: Double, text: String)? {
        switch self {
        case .power: (1e-6, "1 kW (0.000001 GW)")
        case .energy: (1e-6, "1 kWh (0.000001 GWh)")
        default: nil
        }
    }

    /// The unit a value of this dimension is shown in, and how many of it one canonical
    /// unit is (1 yuan/GWh = 0.001 yuan/MWh), where capsim shows such values.
    public var shownUnit: (symbol: String, perCanonical: Double)? {
        switch self {
        case .power: ("GW", 1)
        case .energy: ("GWh", 1)
        case .time: ("h", 1)
        case .fraction: ("%", 100)
        case .coal: ("tce", 1)
        case .mass: ("t", 1)
        case .volume: ("m³", 1)
        case .money: ("yuan", 1)
        case .heatRate: ("gce/kWh", 1)
        case .electricityPrice: ("yuan/MWh", 1e-3)
        case .coalPrice: ("yuan/tce", 1)
        case .massPrice: ("yuan/t", 1)
        case .volumePrice: ("yuan/m³", 1)
        case .emissionFactor: ("tCO2/tce", 1)
        case .emissionIntensity: ("tCO2/MWh", 1e-3)
        case .perTime: ("%/h", 100)
        default: nil
        }
    }

    /// What a user should read in an error: the dimension's name and units that express it.
    public var description: String {
        Self.names[self] ?? "a quantity in \(symbolic)"
    }

    private static let names: [Dimension: String] = [
        .fraction: "a fraction (%)",
        .energy: "an energy (kWh, MWh, GWh, TWh, 万千瓦时, 亿千瓦时)",
        .time: "a time (h, d, yr)",
        .power: "a power (kW, MW, GW, 万千瓦)",
        .coal: "an amount of standard coal (tce, ktce, Mtce, 万吨标准煤)",
        .mass: "a mass (t, kt, Mt, 万吨)",
        .volume: "a volume (m³, 万立方米, 亿立方米)",
        .money: "an amount of money (yuan, 万元, 亿元)",
        .length: "a length (m, km)",
        .angle: "an angle (°, deg)",
        .heatRate: "a heat rate (gce/kWh)",
        .electricityPrice: "an electricity price (yuan/MWh, yuan/kWh, 元/千瓦时)",
        .coalPrice: "a fuel price per standard coal (yuan/tce)",
        .massPrice: "a price per mass (yuan/t)",
        .volumePrice: "a price per volume (yuan/m³)",
        .emissionFactor: "an emission factor (tCO2/tce)",
        .emissionIntensity: "an emission intensity (tCO2/MWh, kgCO2/kWh)",
        .perTime: "a rate per time (%/min, %/h, %/d, %/yr)",
        .perCycle: "a rate per cycle (%/cycle)",
        .coalPerMass: "a standard-coal factor per mass (kgce/kg)",
        .coalPerVolume: "a standard-coal factor per volume (kgce/m³)",
        .flow: "a flow (m³/s)",
        .speed: "a speed (m/s, km/h)",
    ]

    private var symbolic: String {
        let parts: [(String, Int8)] = [
            ("GWh", energy), ("h", time), ("tce", coal), ("t", mass), ("m³", volume), ("yuan", money),
            ("m", length), ("°", angle), ("cycle", cycle),
        ]
        let terms = parts.filter { $0.1 != 0 }.map { $0.1 == 1 ? $0.0 : "\($0.0)^\($0.1)" }
        return terms.isEmpty ? "no unit" : terms.joined(separator: "·")
    }
}
