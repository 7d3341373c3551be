/// How primary electricity is converted to standard coal in the energy balance.
public enum AccountingMethod: String, CaseIterable, Sendable {
    /// 发电煤耗计算法: at the year's average heat rate of coal power (about 300 gce/kWh).
    case coalEquivalent = "coal_equivalent"
    /// 电热当量法: at the heat content of electricity, 122.9 gce/kWh.
    case calorific
}

/// The statistics bureau's counting rules and conversion factors.
public struct AccountingRules: Sendable {
    public var method: AccountingMethod
    /// tce/GWh (= gce/kWh), by year; used by the coal-equivalent method.
    public var coalPowerHeatRate: Trajectory?
    /// tce per t of raw coal (GB/T 2589: 0.7143).
    public var rawCoalFactor: Double
    /// tce per m³ of natural gas (GB/T 2589: 1.2143 kgce/m³).
    public var naturalGasFactor: Double
    /// tce per t of oil (GB/T 2589, crude: 1.4286).
    public var oilFactor: Double
    /// t CO2 per tce of each fossil fuel.
    public var emissionFactors: EmissionFactors

    /// The calorific equivalent of electricity: 1 kWh = 0.1229 kgce, i.e. 122.9 tce/GWh.
    public static let calorificEquivalent = 122.9

    /// tce counted per GWh of primary electricity in `year`.
    public func primaryElectricityFactor(in year: Int) -> Double {
        switch method {
        case .calorific: Self.calorificEquivalent
        case .coalEquivalent: coalPowerHeatRate?.value(in: year) ?? Self.calorificEquivalent
        }
    }
}

/// t CO2 per tce. Defaults: IPCC 2006 default CO2 factors (coal 94.6, oil 73.3 for crude,
/// gas 56.1 t/TJ) at 29.3076 GJ/tce — 2.77250, 2.14825 and 1.64416 — to three decimals.
/// Coal's 2.773 is 2.7725 rounded up, 1.8·10⁻⁴ above the product (2.772499); kept, as every
/// published figure of capsim used it, and `emission_factors.coal` takes the exact value.
public struct EmissionFactors: Sendable, Equatable {
    public var coal = 2.773
    public var oil = 2.148
    public var naturalGas = 1.644

    public init() {}
}
