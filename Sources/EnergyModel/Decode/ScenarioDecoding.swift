import Foundation

/// Reads and checks a scenario file: YAML → located tree (following `extends:`) → typed,
/// unit-checked `Scenario`. Every problem of the file is reported in one `ScenarioError`.
public enum ScenarioLoader {
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        try decode(ScenarioSource.load(path: path), file: path)
    }

    /// Decodes and checks a tree read by `ScenarioSource.load` from `path`.
    /// `pathBases` maps a place that is not a file (a `--set` option) to the file whose
    /// folder the paths it gives are relative to.
    static func decode(_ root: SourceNode, file path: String, pathBases: [String: String] = [:]) throws(ScenarioError) -> Scenario {
        let decoder = Decoder()
        decoder.pathBases = pathBases
        let scenario = decoder.scenario(Field(node: root, path: "", provenance: nil), file: path)
        if let scenario { ScenarioChecks.run(scenario, decoder) }
        guard decoder.diagnostics.isEmpty, let scenario else {
            throw ScenarioError(decoder.diagnostics.isEmpty ? [Diagnostic(location: root.location, path: "(file)", found: "an incomplete scenario", expected: "a valid scenario")] : decoder.diagnostics)
        }
        return scenario
    }
}

extension Decoder {
    func scenario(_ field: Field, file: String) -> Scenario? {
        guard var top = MappingReader(field, self, expected: "a mapping of scenario keys") else { return nil }
        let name = top.required("name", expected: "the scenario's name").flatMap { text($0) }
        let description = top.optional("description").flatMap { text($0, printable: false) }
        let years = top.required("years", expected: "{base: YEAR, end: YEAR}").flatMap(self.yearRange)
        self.years = years
        let location = top.required("location", expected: "latitude, longitude and utc_offset").flatMap(self.location)
        let weather = self.weather(top.optional("weather"))
        let accounting = top.required("accounting", expected: "the accounting method").flatMap(self.accounting)
        let demand = top.required("demand", expected: "annual energy and peak by year").flatMap(self.demand)
        let fuels = top.required("non_power_fuels", expected: "fuel use outside power by year").flatMap { self.nonPowerFuels($0, accounting) }
        let decoded = top.required("technologies", expected: "a mapping of technology ids").map { self.technologies($0, accounting) }
        let grid = top.optional("grid").flatMap(self.grid)
        let costs = top.required("costs", expected: "the value of lost load and prices").flatMap(self.costs)
        var targets: [Target] = []
        if let targetsField = top.optional("targets") {
            // Invalid targets (each reported) leave none, so that the checks across the
            // other keys, which read no target, still run and report in the same pass.
            if let valid = self.targets(targetsField, decoded?.list ?? [], accounting ?? .defaults) {
                targets = valid
            } else if diagnostics.isEmpty {
                fail(targetsField, found: "targets that could not be read", expected: "a list of valid targets")
            }
        }
        top.finish(subject: "a scenario")
        let technologies = decoded.flatMap { $0.valid ? $0.list : nil }
        guard let name, let years, let location, let weather, let accounting, let demand, let fuels, let technologies, let costs else { return nil }
        return Scenario(
            name: name, file: file, description: description, location: location, baseYear: years.lowerBound,
            endYear: years.upperBound, weather: weather, demand: demand, nonPowerFuels: fuels, technologies: technologies,
            grid: grid, costs: costs, accounting: accounting, targets: targets, numbers: numbers, keyLocations: keyLocations)
    }

    private func yearRange(_ field: Field) -> ClosedRange<Int>? {
        guard var reader = MappingReader(field, self, expected: "{base: YEAR, end: YEAR}") else { return nil }
        let baseField = reader.required("base", expected: "the base year")
        let base = baseField.flatMap { integer($0, expected: "a year such as 2020") }
        let endField = reader.required("end", expected: "the last year")
        let end = endField.flatMap { integer($0, expected: "a year such as 2030") }
        reader.finish(subject: "years")
        guard let base, let baseField, let end, let endField else { return nil }
        guard Self.milestoneYears.contains(base) else {
            fail(baseField, found: "\(base)", expected: "a base year from \(Self.milestoneYears.lowerBound) to \(Self.milestoneYears.upperBound)")
            return nil
        }
        guard end >= base, end - base < 200 else {
            fail(endField, found: "\(end)", expected: "an end year from the base year \(base) to \(base + 199)")
            return nil
        }
        return base...end
    }

    private func location(_ field: Field) -> Location? {
        guard var reader = MappingReader(field, self, expected: "latitude, longitude and utc_offset") else { return nil }
        let name = reader.optional("name").flatMap { text($0) }
        let latitude = reader.required("latitude", expected: "an angle such as 27.24 °N").flatMap {
            compassAngle($0, letters: ["°N", "°S"], .within(-90...90, "from -90° to 90° (or with °N, °S)"))
        }
        let longitude = reader.required("longitude", expected: "an angle such as 111.47 °E").flatMap {
            compassAngle($0, letters: ["°E", "°W"], .within(-180...180, "from -180° to 180° (or with °E, °W)"))
        }
        let offsetField = reader.required("utc_offset", expected: "hours ahead of UTC, such as 8 h")
        var offset = offsetField.flatMap { quantity($0, .time, .within(-12...14, "from -12 h to 14 h")) }
        // Every time zone in use is a whole number of quarter hours ahead of UTC; the hourly
        // files label times to the minute (+08:20 for 8.33 h, which the model used as 8 h 19.8 min).
        if let hours = offset, let offsetField, abs(hours * 4 - (hours * 4).rounded()) > 1e-9 {
            // To twelve digits: 0.3333333333 d is 7.9999999992 h, which three decimals show as 8 h.
            fail(offsetField, found: "\(String(format: "%.12g", hours)) h", expected: "a whole number of quarter hours, as every time zone is (8 h, 5.75 h, -3.5 h)")
            offset = nil
        }
        let zone = reader.optional("time_zone").flatMap { text($0) }
        reader.finish(subject: "location")
        guard let latitude, let longitude, let offset else { return nil }
        return Location(name: name, latitude: latitude, longitude: longitude, utcOffsetHours: offset, timeZone: zone)
    }

    /// An angle whose compass letter, if it has one, is one of `letters` (none for an
    /// angle that is not a position) and has no sign beside it: the unit table reads °E
    /// like °N and °W like °S, so a latitude written in °W would be taken as a southern
    /// one, and `-27.24 °S` would be read as north.
    func compassAngle(_ field: Field, letters: [String], _ check: Check) -> Double? {
        let value = field.node.entries?.first { $0.key == "value" }.map { field.child("value", $0.value, field.provenance) } ?? field
        let written = value.node.scalarText?.trimmingCharacters(in: .whitespaces) ?? ""
        if let letter = ["°N", "°S", "°E", "°W"].first(where: { written.hasSuffix($0) }) {
            guard letters.contains(letter) else {
                let allowed = letters.isEmpty ? "no compass letter (\(letter) names a direction on the globe)" : "\(letters.joined(separator: " or ")): \(letter) belongs to the other axis"
                fail(value, found: "\"\(written)\"", expected: "an angle in °, \(allowed)")
                return nil
            }
            guard !written.hasPrefix("-"), !written.hasPrefix("+") else {
                fail(value, found: "\"\(written)\"", expected: "a sign or a compass letter, not both: \(letters.joined(separator: " or ")) gives the direction")
                return nil
            }
        }
        return quantity(field, .angle, check)
    }

    private func demand(_ field: Field) -> Demand? {
        guard var reader = MappingReader(field, self, expected: "annual_energy and peak") else { return nil }
        let energy = reader.required("annual_energy", expected: "electricity use per year").flatMap {
            trajectory($0, .energy, .positive, start: .baseYear)
        }
        let peak = reader.required("peak", expected: "the highest hourly load per year").flatMap {
            trajectory($0, .power, .positive, start: .baseYear)
        }
        let shape = reader.optional("shape").map(loadShape) ?? LoadShape()
        let hourly = reader.optional("hourly_csv").map { series($0, range: 0...1e6, positive: true, meaning: "a load in GW") }
        let used = reader.refuse(["shape"], besides: "hourly_csv", because: "hourly_csv gives the load's shape hour by hour, scaled to annual_energy and peak")
        reader.finish(subject: "demand")
        guard let energy, let peak, let shape, used else { return nil }
        if case .some(.none) = hourly { return nil }
        return Demand(annualEnergy: energy, peak: peak, shape: shape, hourly: hourly ?? nil)
    }

    private func loadShape(_ field: Field) -> LoadShape? {
        guard var reader = MappingReader(field, self, expected: "load shape parameters") else { return nil }
        var shape = LoadShape()
        var valid = parameters(&reader, into: &shape, [
            ParameterKey(key: "summer_uplift", dimension: .fraction, check: .within(0...1, "from 0 % to 100 %"), field: \.summerUplift),
            ParameterKey(key: "winter_uplift", dimension: .fraction, check: .within(0...1, "from 0 % to 100 %"), field: \.winterUplift),
            ParameterKey(key: "weekend_factor", dimension: .fraction, check: .within(0.1...1.5, "from 10 % to 150 %"), field: \.weekendFactor),
        ])
        for (key, apply) in [("day_peak_hours", { shape.dayPeakHours = $0 }), ("evening_peak_hours", { shape.eveningPeakHours = $0 })] as [(String, (ClosedRange<Int>) -> Void)] {
            guard let f = reader.optional(key) else { continue }
            if let range = span(f, within: 0...23, what: "local hours such as \"10-14\" (from 10:00 to the end of the 14:00 hour)") { apply(range) } else { valid = false }
        }
        reader.finish(subject: "demand.shape")
        return valid ? shape : nil
    }

    private func nonPowerFuels(_ field: Field, _ accounting: AccountingRules?) -> NonPowerFuels? {
        guard var reader = MappingReader(field, self, expected: "coal, oil, natural_gas by year") else { return nil }
        let rules = accounting ?? AccountingRules.defaults
        func fuel(_ key: String, _ alternatives: [Dimension: Double], required: Bool) -> Trajectory?? {
            let named = "an amount of \(key.replacingOccurrences(of: "_", with: " ")) per year in " + alternatives.keys.map(\.unitHint).sorted().joined(separator: " or ")
            guard let f = required ? reader.required(key, expected: named) : reader.optional(key) else { return required ? .some(nil) : .none }
            return .some(trajectory(f, accepting: alternatives, .nonNegative, named: named, start: .baseYear))
        }
        let coal = fuel("coal", [.coal: 1, .mass: rules.rawCoalFactor], required: true)
        let oil = fuel("oil", [.coal: 1, .mass: rules.oilFactor], required: true)
        let gas = fuel("natural_gas", [.coal: 1, .volume: rules.naturalGasFactor], required: true)
        let other = fuel("other_non_fossil", [.coal: 1], required: false)
        reader.finish(subject: "non_power_fuels")
        guard let coal = coal ?? nil, let oil = oil ?? nil, let gas = gas ?? nil else { return nil }
        if case .some(.none) = other { return nil }
        return NonPowerFuels(coal: coal, oil: oil, naturalGas: gas, otherNonFossil: (other ?? nil) ?? .constant(0))
    }

    private func grid(_ field: Field) -> GridLink? {
        guard var reader = MappingReader(field, self, expected: "import and export limits and prices") else { return nil }
        let importLimit = reader.required("import_limit", expected: "the import limit").flatMap { trajectory($0, .power, .nonNegative) }
        let exportLimit = reader.required("export_limit", expected: "the export limit").flatMap { trajectory($0, .power, .nonNegative) }
        let importPrice = reader.required("import_price", expected: "the import price").flatMap {
            trajectory($0, .electricityPrice, start: .baseYear)
        }
        let exportPrice = reader.required("export_price", expected: "the export price").flatMap {
            trajectory($0, .electricityPrice, start: .baseYear)
        }
        let share = reader.required("non_fossil_share", expected: "the non-fossil share of imported electricity").flatMap {
            trajectory($0, .fraction, .fraction, start: .baseYear)
        }
        reader.finish(subject: "grid")
        guard let importLimit, let exportLimit, let importPrice, let exportPrice, let share else { return nil }
        return GridLink(importLimit: importLimit, exportLimit: exportLimit, importPrice: importPrice, exportPrice: exportPrice, nonFossilShare: share)
    }

    private func costs(_ field: Field) -> Costs? {
        guard var reader = MappingReader(field, self, expected: "value_of_lost_load and carbon_price") else { return nil }
        let carbon = reader.optional("carbon_price").map { trajectory($0, .massPrice, .nonNegative, start: .baseYear) }
        let voll = reader.required("value_of_lost_load", expected: "the cost of load not served").flatMap {
            quantity($0, .electricityPrice, .positive)
        }
        let curtailment = reader.optional("curtailment_cost").map { quantity($0, .electricityPrice, .nonNegative) }
        reader.finish(subject: "costs")
        guard let voll else { return nil }
        if case .some(.none) = carbon { return nil }
        if case .some(.none) = curtailment { return nil }
        return Costs(carbonPrice: (carbon ?? nil) ?? .constant(0), valueOfLostLoad: voll, curtailmentCost: (curtailment ?? nil) ?? 0)
    }

    private func accounting(_ field: Field) -> AccountingRules? {
        guard var reader = MappingReader(field, self, expected: "the accounting method") else { return nil }
        var rules = AccountingRules.defaults
        var valid = true
        let method = reader.required("method", expected: "coal_equivalent or calorific").flatMap { choice($0, AccountingMethod.self, what: "an accounting method") }
        if let method {
            rules.method = method
        } else {
            valid = false
        }
        if method == .calorific {
            // Counted at 122.9 gce/kWh whatever the heat rate, which would be ignored.
            valid = reader.refuse("coal_power_heat_rate", found: "coal_power_heat_rate with method: calorific",
                                  expected: "no coal_power_heat_rate: it counts only under the coal-equivalent method (calorific counts every kWh at 122.9 gce), "
                                      + "so it would be ignored; remove it (in a variant: coal_power_heat_rate: ~; with --set: accounting.coal_power_heat_rate=~)") && valid
            _ = reader.optional("coal_power_heat_rate")
        } else if let f = reader.optional("coal_power_heat_rate") {
            rules.coalPowerHeatRate = trajectory(f, .heatRate, Self.heatRates, start: .baseYear)
            valid = valid && rules.coalPowerHeatRate != nil
        } else if method == .coalEquivalent {
            _ = reader.required("coal_power_heat_rate", expected: "the average heat rate of coal power by year (gce/kWh), which the coal-equivalent method needs")
            valid = false
        }
        if let f = reader.optional("conversion"), var conversion = MappingReader(f, self, expected: "raw_coal, natural_gas, oil factors") {
            func factor(_ key: String, _ dimension: Dimension, _ range: Check, _ apply: (Double) -> Void) {
                guard let c = conversion.optional(key) else { return }
                if let value = quantity(c, dimension, range) { apply(value) } else { valid = false }
            }
            factor("raw_coal", .coalPerMass, Self.solidFuelFactors) { rules.rawCoalFactor = $0 }
            factor("natural_gas", .coalPerVolume, Self.gasFactors) { rules.naturalGasFactor = $0 }
            factor("oil", .coalPerMass, Self.solidFuelFactors) { rules.oilFactor = $0 }
            conversion.finish(subject: "accounting.conversion")
        }
        if let f = reader.optional("emission_factors"), var factors = MappingReader(f, self, expected: "coal, oil, natural_gas factors") {
            func factor(_ key: String, _ apply: (Double) -> Void) {
                guard let c = factors.optional(key) else { return }
                if let value = quantity(c, .emissionFactor, Self.emissionFactors) { apply(value) } else { valid = false }
            }
            factor("coal") { rules.emissionFactors.coal = $0 }
            factor("oil") { rules.emissionFactors.oil = $0 }
            factor("natural_gas") { rules.emissionFactors.naturalGas = $0 }
            factors.finish(subject: "accounting.emission_factors")
        }
        reader.finish(subject: "accounting")
        return valid ? rules : nil
    }
}

extension Decoder {
    /// Ranges of the accounting factors, wide around every fuel of GB/T 2589 (lignite
    /// 0.43, raw coal 0.7143, LPG 1.7143 kgce/kg; coke-oven gas 0.57, natural gas
    /// 1.2143 kgce/m³) and of IPCC's emission factors (gas 1.6, coal 2.66 tCO₂/tce): a
    /// factor far outside is a slip of unit that would turn into a solver failure or a
    /// share off by orders of magnitude.
    static let solidFuelFactors = Check.within(0.1...3, "from 0.1 to 3 kgce/kg")
    static let gasFactors = Check.within(1e-4...1e-2, "from 0.1 to 10 kgce/m³")
    static let emissionFactors = Check.within(0...10, "from 0 to 10 tCO2/tce")
    /// Heat rates (gce/kWh = tce/GWh) from the heat content of a kWh, 122.9 gce/kWh — a
    /// plant of 100 % efficiency, which none beats — to 1 000 gce/kWh, 12 % efficiency,
    /// below the oldest small coal units (about 25 %). Outside is a slip of unit or a stray
    /// exponent, which counts fuel and primary electricity wrong by as much and gives
    /// non-fossil shares that mean nothing.
    static let heatRates = Check.within(AccountingRules.calorificEquivalent...1000,
                                        "from 122.9 gce/kWh (the heat content of 1 kWh: 100 % efficiency) to 1 000 gce/kWh (12 % efficiency)")
}

extension AccountingRules {
    /// GB/T 2589 conversion factors and IPCC emission factors; the method is set by the file.
    static let defaults = AccountingRules(
        method: .coalEquivalent, coalPowerHeatRate: nil, rawCoalFactor: 0.7143, naturalGasFactor: 1.2143e-3,
        oilFactor: 1.4286, emissionFactors: EmissionFactors())
}

extension Dimension {
    /// Short unit examples for messages about alternatives.
    var unitHint: String {
        switch self {
        case .coal: "tce"
        case .mass: "t"
        case .volume: "m³"
        default: description
        }
    }
}
