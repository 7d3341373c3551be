import Foundation

/// Checks that span several keys, run once the scenario has been decoded: levels that
/// must be ordered, a peak that the year's energy allows, units whose parameters
/// contradict each other. Each problem names the key to change and is reported where
/// that key was written (else at the technology or the file).
enum ScenarioChecks {
    static func run(_ scenario: Scenario, _ decoder: Decoder) {
        let fileLocation = SourceLocation(file: scenario.file, line: 1, column: 1)
        // The year's own milestone when it has one; else, of the two it lies between, the
        // one whose own year fails too (the milestone written wrong), else the later one;
        // not the first one written.
        let peakYears = scenario.demand.peak.milestones.map(\.year)
        let averageLoad = { (year: Int) in scenario.demand.annualEnergy.value(in: year) / Double(HourlySeries.hoursPerYear) }
        let belowAverage = { (year: Int) in scenario.demand.peak.value(in: year) < averageLoad(year) }
        let peakLocation = { (year: Int) in
            let framing = [peakYears.filter { $0 > year }.min(), peakYears.filter { $0 < year }.max()].compactMap { $0 }
            let blamed = [year] + framing.filter(belowAverage) + framing
            return blamed.lazy.compactMap { location(of: "demand.peak.\($0)", scenario) }.first ?? location(of: "demand.peak", scenario) ?? fileLocation
        }
        var peaky: [(year: Int, loadFactor: Double)] = []
        for year in scenario.years {
            let peak = scenario.demand.peak.value(in: year), average = averageLoad(year)
            if belowAverage(year) {
                decoder.fail(at: peakLocation(year), "demand.peak", found: "a peak of \(Diagnostic.number(peak)) GW in \(year)",
                             expected: "a peak at least the average load \(Diagnostic.number(average)) GW (annual energy ÷ 8760 h)")
            } else if average < minimumLoadFactor * (1 - 1e-9) * peak {
                peaky.append((year, average / peak))
            }
        }
        checkLoadFactor(peaky, scenario, decoder, at: peakLocation)
        for technology in scenario.technologies {
            let path = "technologies.\(technology.id)"
            let at = location(of: path, scenario) ?? fileLocation
            switch technology.parameters {
            case let .reservoir(r):
                checkOrder(path, ["minimum_level", "initial_level", "maximum_level"], [r.minimumLevel, r.initialLevel, r.maximumLevel], at: at, scenario, decoder)
            case let .storage(s):
                checkOrder(path, ["minimum_soc", "initial_soc", "maximum_soc"], [s.minimumStateOfCharge, s.initialStateOfCharge, s.maximumStateOfCharge],
                           at: at, scenario, decoder)
                checkDuration(of: technology, s, path: path, at: at, scenario, decoder)
            case let .thermal(t):
                if t.minimumStableFraction > 1 - t.availability.forcedOutageRate + 1e-12 {
                    decoder.fail(at: location(of: "\(path).minimum_stable_load", scenario) ?? at, "\(path).minimum_stable_load",
                                 found: "\(percent(t.minimumStableFraction)) with a forced outage rate of \(percent(t.availability.forcedOutageRate))",
                                 expected: "a minimum stable load the available capacity can run at")
                }
            case .bioenergy, .variable: break
            }
        }
        if let grid = scenario.grid {
            checkGridPrices(grid, scenario, decoder)
            checkLostLoadValue(grid, scenario, decoder)
        }
    }

    /// In every year the link can export, the value of lost load is above the export
    /// price. Below it, leaving a GWh of load unserved and exporting it instead earns the
    /// difference, so the LP sheds load in every hour up to the export limit (at 1 yuan/MWh
    /// against 300, a year left 16.9 TWh unserved and exported 16.8 TWh).
    private static func checkLostLoadValue(_ grid: GridLink, _ scenario: Scenario, _ decoder: Decoder) {
        let voll = scenario.costs.valueOfLostLoad
        for year in scenario.years where grid.exportLimit.value(in: year) > 0 {
            let sell = grid.exportPrice.value(in: year)
            guard voll <= sell else { continue }
            let at = location(of: "costs.value_of_lost_load", scenario) ?? SourceLocation(file: scenario.file, line: 1, column: 1)
            decoder.fail(at: at, "costs.value_of_lost_load",
                         found: "\(Diagnostic.number(voll / 1000)) yuan/MWh, not above the export price of \(Diagnostic.number(sell / 1000)) yuan/MWh in \(year)",
                         expected: "a value of lost load above the export price in every year with an export limit above zero (below it, leaving load unserved to export the power pays)")
            return
        }
    }

    /// In every year the link can carry power both ways, exports earn less than imports
    /// cost. At an equal price, buying and selling in the same hour costs nothing, so the
    /// solver may return any amount of both (one such year imported and exported 87 TWh
    /// against a load of 18 TWh); at a higher one it pays, and the LP trades as much as the
    /// limits allow. Either way exports beyond local generation drove the non-fossil share
    /// below zero.
    private static func checkGridPrices(_ grid: GridLink, _ scenario: Scenario, _ decoder: Decoder) {
        for year in scenario.years where grid.importLimit.value(in: year) > 0 && grid.exportLimit.value(in: year) > 0 {
            let buy = grid.importPrice.value(in: year), sell = grid.exportPrice.value(in: year)
            guard sell >= buy else { continue }
            let at = location(of: "grid.export_price", scenario) ?? SourceLocation(file: scenario.file, line: 1, column: 1)
            decoder.fail(at: at, "grid.export_price", found: "\(Diagnostic.number(sell / 1000)) yuan/MWh in \(year), not below the import price of \(Diagnostic.number(buy / 1000)) yuan/MWh",
                         expected: "an export price below the import price in every year with both limits above zero (at an equal or higher price, buying and selling in the same hour costs nothing or pays)")
            return
        }
    }

    /// Minimum ≤ initial ≤ maximum (levels or states of charge, fractions). The problem is
    /// reported at a key that was written and is out of order — the minimum, else the
    /// maximum, else the initial level — since a key left at its default (0 %, 50 %,
    /// 100 %) cannot be where the user went wrong, nor has a line to point at.
    private static func checkOrder(_ path: String, _ keys: [String], _ values: [Double], at technology: SourceLocation, _ scenario: Scenario, _ decoder: Decoder) {
        let (minimum, initial, maximum) = (values[0], values[1], values[2])
        guard minimum > initial || initial > maximum else { return }
        let outOfOrder = [minimum > initial || minimum > maximum, minimum > initial || initial > maximum, initial > maximum || minimum > maximum]
        let written = keys.map { location(of: "\(path).\($0)", scenario) }
        // The defaults are in order, so a key out of order was written; the technology's
        // line is only a fallback.
        let blamed = [0, 2, 1].first { outOfOrder[$0] && written[$0] != nil } ?? 0
        let found = zip(["minimum", "initial", "maximum"], values.indices).map { name, i in
            "\(name) \(percent(values[i]))\(written[i] == nil ? " (the default)" : "")"
        }
        decoder.fail(at: written[blamed] ?? technology, "\(path).\(keys[blamed])", found: found.joined(separator: ", "), expected: keys.joined(separator: " ≤ "))
    }

    /// The shortest storage capsim accepts: energy ÷ power of 0.1 h (six minutes). A
    /// shorter one holds so little that the solver's tolerance (about 10⁻⁹ GWh) divided
    /// by it makes nonsense of its cycles, and of the aging that follows from them.
    static let shortestDuration = 0.1

    /// Storage energy ÷ power at least `shortestDuration` in every year with power.
    private static func checkDuration(of technology: Technology, _ s: Storage, path: String, at: SourceLocation, _ scenario: Scenario, _ decoder: Decoder) {
        for year in scenario.years {
            let power = technology.capacity.value(in: year)
            guard power > 0 else { continue }
            let hours = s.energy.map { $0.value(in: year) / power } ?? s.durationHours ?? 0
            guard hours < shortestDuration else { continue }
            let key = s.energy != nil ? "\(path).energy" : "\(path).duration"
            decoder.fail(at: location(of: key, scenario) ?? at, key, found: "\(String(format: "%g", hours)) h of energy per unit of power in \(year)",
                         expected: "at least \(String(format: "%g", shortestDuration)) h (six minutes) while the unit has power")
            return
        }
    }

    /// The lowest annual load factor (energy ÷ 8 760 h ÷ peak) a scenario may have. A
    /// city's is 0.4–0.8; one below 0.1 is the mark of a peak or an energy written in the
    /// wrong unit (286 GW for 286 万千瓦 gives 0.0055), which calibration would otherwise
    /// meet by sinking most hours to almost no load — a silent wrong answer.
    static let minimumLoadFactor = 0.1

    /// One message for the years whose load factor is below `minimumLoadFactor`, at the
    /// year where it is lowest (a milestone written wrong, usually), naming the others.
    private static func checkLoadFactor(_ years: [(year: Int, loadFactor: Double)], _ scenario: Scenario, _ decoder: Decoder,
                                        at location: (Int) -> SourceLocation) {
        guard let worst = years.min(by: { $0.loadFactor < $1.loadFactor }) else { return }
        let energy = scenario.demand.annualEnergy.value(in: worst.year), peak = scenario.demand.peak.value(in: worst.year)
        let highest = energy / Double(HourlySeries.hoursPerYear) / minimumLoadFactor
        let floor = "\(Diagnostic.number(100 * minimumLoadFactor)) %"
        let others = years.count == 1 ? "" : "; the load factor is below \(floor) in \(years.count) years, \(years[0].year) to \(years[years.count - 1].year)"
        decoder.fail(at: location(worst.year), "demand.peak",
                     found: "a peak of \(Diagnostic.number(peak)) GW in \(worst.year), a load factor of \(Diagnostic.number(100 * worst.loadFactor)) % "
                         + "(annual energy ÷ 8760 h ÷ peak)\(others)",
                     expected: "at most \(Diagnostic.number(highest, roundingDown: true)) GW with demand.annual_energy of \(Diagnostic.number(energy)) GWh "
                         + "in \(worst.year): a load factor of at least \(floor) (a city's is 0.4–0.8), so either the peak is too high or the annual energy too low")
    }

    private static func location(of path: String, _ scenario: Scenario) -> SourceLocation? {
        scenario.location(ofKey: path)
    }

    private static func percent(_ value: Double) -> String { String(format: "%g %%", value * 100) }
}

