import EnergyModel

/// Every hourly series dispatch needs for one year (8 760 hours, see `ProfileCalendar`).
public struct YearProfiles: Sendable {
    public let calendar: ProfileCalendar
    /// Electricity demand, GW.
    public var load: [Double]
    /// Capacity factors (0–1) of each wind and solar technology, in scenario order.
    public var capacityFactors: [TechnologySeries]
    /// Natural inflow of each hydro station (run-of-river and reservoir), GW of the
    /// power it could generate, in scenario order.
    public var inflows: [TechnologySeries]
    /// Availability (0–1) of each thermal, biomass and waste-to-energy unit.
    public var availabilities: [TechnologySeries]

    public var year: Int { calendar.year }

    public func capacityFactor(of id: String) -> [Double]? { capacityFactors.first { $0.id == id }?.values }
    public func inflow(of id: String) -> [Double]? { inflows.first { $0.id == id }?.values }
    public func availability(of id: String) -> [Double]? { availabilities.first { $0.id == id }?.values }
}

/// One technology's hourly series.
public struct TechnologySeries: Sendable {
    public var id: String
    public var kind: TechnologyKind
    public var values: [Double]
}
