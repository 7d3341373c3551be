import EnergyModel
import Foundation

/// Builds a year's hourly series from a scenario: each series is read from its CSV or
/// generated from the weather (deterministic for a seed and year), then calibrated to
/// the scenario's annual figures:
/// - load: peak and energy exactly (`Calibration.load`);
/// - wind and solar: full-load hours exactly, no hour above 1 (solar: above the
///   clear-sky output) (`Calibration.cappedScale`);
/// - hydro: annual inflow energy × the year's `hydro_inflow_factor` exactly; run-of-river
///   inflow is full-load hours × capacity, with no hour above capacity;
/// - availability: maintenance window and forced-outage derate.
/// A measured capacity-factor CSV without `full_load_hours` is used as it is.
///
/// Problems that only show once the series exist (full-load hours above what the
/// resource allows, a peak below the average load) are `ScenarioError`s that name the
/// scenario key, file and line.
public struct ProfileGenerator: Sendable {
    public let scenario: Scenario
    public let seed: UInt64

    public init(scenario: Scenario, seed: UInt64? = nil) {
        self.scenario = scenario
        self.seed = seed ?? scenario.weather.seed
    }

    /// Every hourly series of `year`: the load, each wind and solar technology's capacity
    /// factors, each hydro station's inflow (GW) and each plant's availability, every
    /// weather resource generated once for all the technologies that use it. Problems of
    /// a year (a load shape the energy and peak cannot be fitted to, full-load hours a
    /// resource cannot reach) are thrown together, at the keys that set them.
    public func profiles(for year: Int) throws(ScenarioError) -> YearProfiles {
        guard scenario.years.contains(year) else {
            throw error("years", found: "the year \(year)", expected: "a year from \(scenario.baseYear) to \(scenario.endYear) (the scenario's years)")
        }
        let calendar = ProfileCalendar(year: year, utcOffsetHours: scenario.location.utcOffsetHours)
        var problems: [Diagnostic] = []
        let load = self.load(calendar, &problems)
        var factors: [TechnologySeries] = [], inflows: [TechnologySeries] = [], availabilities: [TechnologySeries] = []
        /// Each weather resource is generated once, at the first technology that needs it.
        var solar: SolarResource?, wind: WindResource?, hydro: HydroInflow?
        func hydroShape(_ station: String) -> [Double] {
            let basin = hydro ?? HydroInflow(climate: scenario.weather.hydro, calendar: calendar, seed: seed)
            hydro = basin
            return basin.shape(station: station)
        }
        let inflowFactor = scenario.weather.hydroInflowFactor.value(in: year)
        for technology in scenario.technologies {
            let path = "technologies.\(technology.id)"
            switch technology.parameters {
            case let .variable(parameters):
                let hours = parameters.fullLoadHours?.value(in: year)
                var values: [Double]
                switch technology.kind {
                case .solarCentralised, .solarDistributed:
                    if let measured = parameters.profile?.values {
                        values = calibrated(measured, hours: hours, path: path, year: year, &problems)
                    } else {
                        let resource = solar ?? SolarResource(location: scenario.location, calendar: calendar, climate: scenario.weather.solar, seed: seed)
                        solar = resource
                        values = self.solar(resource, parameters, hours: hours ?? 0, path: path, year: year, &problems)
                    }
                    factors.append(TechnologySeries(id: technology.id, kind: technology.kind, values: values))
                case .wind:
                    if let measured = parameters.profile?.values {
                        values = calibrated(measured, hours: hours, path: path, year: year, &problems)
                    } else {
                        let resource = wind ?? WindResource(climate: scenario.weather.wind, calendar: calendar, seed: seed)
                        wind = resource
                        var raw = [Double](repeating: 0, count: ProfileCalendar.hoursPerYear)
                        resource.output(of: parameters.powerCurve ?? PowerCurve(), into: &raw)
                        values = calibrated(raw, hours: hours ?? 0, path: path, year: year, resource: "the hours with wind between cut-in and cut-out speed, each at full output", &problems)
                    }
                    factors.append(TechnologySeries(id: technology.id, kind: technology.kind, values: values))
                default:
                    let shape = parameters.profile?.values ?? hydroShape(technology.id)
                    let target = hours.map { $0 * inflowFactor }
                    let scaled = hours.flatMap { inflowFactor == 1 ? nil : "\(Diagnostic.number($0)) full-load hours × weather.hydro_inflow_factor \(Diagnostic.number(inflowFactor * 100)) % = \(Diagnostic.number($0 * inflowFactor)) h in \(year)" }
                    values = calibrated(shape, hours: target, found: scaled, path: path, year: year, &problems)
                    if target == nil { values = values.map { min(1, $0 * inflowFactor) } }
                    let capacity = technology.capacity.value(in: year)
                    inflows.append(TechnologySeries(id: technology.id, kind: technology.kind, values: values.map { $0 * capacity }))
                }
            case let .reservoir(reservoir):
                let shape = reservoir.inflow?.values ?? hydroShape(technology.id)
                let total = shape.reduce(0, +), energy = reservoir.inflowEnergy.value(in: year) * inflowFactor
                let values = total > 0 ? shape.map { $0 * energy / total } : shape
                inflows.append(TechnologySeries(id: technology.id, kind: technology.kind, values: values))
            case let .thermal(thermal):
                availabilities.append(TechnologySeries(id: technology.id, kind: technology.kind, values: AvailabilityModel.hourly(thermal.availability)))
            case let .bioenergy(bioenergy):
                availabilities.append(TechnologySeries(id: technology.id, kind: technology.kind, values: AvailabilityModel.hourly(bioenergy.availability)))
            case .storage:
                continue
            }
        }
        guard problems.isEmpty else { throw ScenarioError(problems) }
        return YearProfiles(calendar: calendar, load: load, capacityFactors: factors, inflows: inflows, availabilities: availabilities)
    }

    private func load(_ calendar: ProfileCalendar, _ problems: inout [Diagnostic]) -> [Double] {
        let year = calendar.year
        var shape = scenario.demand.hourly?.values ?? [Double](repeating: 0, count: ProfileCalendar.hoursPerYear)
        if scenario.demand.hourly == nil { LoadShapeModel.shape(scenario.demand.shape, calendar: calendar, seed: seed, into: &shape) }
        let energy = scenario.demand.annualEnergy.value(in: year), peak = scenario.demand.peak.value(in: year)
        var load = [Double](repeating: 0, count: ProfileCalendar.hoursPerYear)
        switch Calibration.load(shape: shape, energy: energy, peak: peak, into: &load) {
        case .success: break
        case let .failure(.peakBelowAverage(average)):
            problems.append(error("demand.peak", found: "a peak of \(Diagnostic.number(peak)) GW in \(year)",
                                  expected: "a peak at least the average load \(Diagnostic.number(average)) GW (annual energy ÷ 8760 h)").diagnostics[0])
        case let .failure(.energyTooSmall(highestPeak)):
            problems.append(error("demand.peak", found: "a peak of \(Diagnostic.number(peak)) GW in \(year)",
                                  expected: "at most \(Diagnostic.number(highestPeak, roundingDown: true)) GW with demand.annual_energy of \(Diagnostic.number(energy)) GWh in \(year): "
                                      + "the load shape's peak hours alone would use more than the year's energy, so either the peak is too high or the annual energy too low").diagnostics[0])
        case .failure(.flat):
            problems.append(error("demand.hourly_csv", found: "the same load in every hour",
                                  expected: "a reference load that varies: a flat one gives only a peak equal to the average load, "
                                      + "\(Diagnostic.number(energy / Double(ProfileCalendar.hoursPerYear))) GW in \(year) (demand.annual_energy ÷ 8760 h)").diagnostics[0])
        case let .failure(.zeroHours(count)):
            problems.append(error("demand.hourly_csv", found: "\(count) hours with no load",
                                  expected: "a reference load above zero in every hour").diagnostics[0])
        }
        return load
    }

    private func solar(_ resource: SolarResource, _ parameters: VariableRenewable, hours: Double, path: String, year: Int, _ problems: inout [Diagnostic]) -> [Double] {
        let latitude = scenario.location.latitude
        var allSky = [Double](repeating: 0, count: ProfileCalendar.hoursPerYear), clearSky = allSky
        resource.planeOfArray(tilt: parameters.tilt ?? abs(latitude), azimuth: parameters.azimuth ?? (latitude >= 0 ? 180 : 0),
                              allSky: &allSky, clearSky: &clearSky)
        for h in allSky.indices {
            allSky[h] /= 1000
            clearSky[h] = min(1, clearSky[h] / 1000)
        }
        return calibrated(allSky, cap: clearSky, hours: hours, path: path, year: year,
                          resource: "what a lossless panel gives under clear skies all year at this site and orientation", &problems)
    }

    /// A capacity-factor series scaled to `hours` full-load hours with no hour above
    /// `cap` (default 1); returned as it is when `hours` is nil. `found` says how `hours`
    /// came from the file when it is not the number written (run-of-river: × the year's
    /// inflow factor).
    private func calibrated(_ raw: [Double], cap: [Double]? = nil, hours: Double?, found: String? = nil, path: String, year: Int,
                            resource: String = "every hour of the series with any output, at full output", _ problems: inout [Diagnostic]) -> [Double] {
        guard let hours else { return raw }
        var values = raw
        let limit = cap ?? [Double](repeating: 1, count: raw.count)
        if case let .failure(unreachable) = Calibration.cappedScale(raw: raw, cap: limit, target: hours, into: &values) {
            problems.append(error("\(path).full_load_hours", found: found ?? "\(Diagnostic.number(hours)) full-load hours in \(year)",
                                  expected: "at most \(Diagnostic.number((unreachable.limit * 10).rounded(.down) / 10)) h: \(resource)").diagnostics[0])
        }
        return values
    }

    private func error(_ path: String, found: String, expected: String) -> ScenarioError {
        let location = scenario.location(ofKey: path) ?? SourceLocation(file: scenario.file, line: 1, column: 1)
        return ScenarioError([Diagnostic(location: location, path: path, found: found, expected: expected)])
    }
}
