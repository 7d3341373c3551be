extension Decoder {
    /// `technologies:` maps ids to technologies; each has a `kind` and the keys of its kind.
    /// Returns the technologies that decoded (targets are checked against them) and
    /// whether all did.
    func technologies(_ field: Field, _ accounting: AccountingRules?) -> (list: [Technology], valid: Bool) {
        guard let reader = MappingReader(field, self, expected: "a mapping from technology ids to technologies") else { return ([], false) }
        var result: [Technology] = []
        var valid = true
        for entry in reader.entries where Provenance.Kind(rawValue: entry.key) == nil {
            let child = field.child(entry.key, entry.value, reader.provenance)
            guard entry.key.wholeMatch(of: identifierPattern) != nil else {
                fail(at: entry.keyLocation, child.path, found: "the id \"\(entry.key)\"", expected: "an id of letters, digits, - and _, starting with a letter")
                undecodedTechnologies.insert(entry.key)
                valid = false
                continue
            }
            technologyIDs.append(entry.key)
            if let technology = technology(child, id: entry.key, accounting ?? .defaults) {
                result.append(technology)
            } else {
                undecodedTechnologies.insert(entry.key)
                valid = false
            }
        }
        return (result, valid)
    }

    private func technology(_ field: Field, id: String, _ accounting: AccountingRules) -> Technology? {
        guard var reader = MappingReader(field, self, expected: "a technology with a kind and a capacity") else { return nil }
        let kind = reader.required("kind", expected: "the technology's kind").flatMap { choice($0, TechnologyKind.self, what: "a technology kind") }
        let name = reader.optional("name").flatMap { text($0) }
        let capacityField = reader.required("capacity", expected: kind?.isStorage == true ? "the discharge power by year" : "the installed capacity by year")
        let capacity = capacityField.flatMap { trajectory($0, .power, .nonNegative) }
        guard let kind else {
            reader.reportMisspellings(of: ["kind", "capacity"])
            return nil
        }
        let parameters: Technology.Parameters?
        switch kind {
        case .coal, .gas: parameters = thermal(&reader, kind, accounting).map { .thermal($0) }
        case .biomass, .wasteToEnergy: parameters = bioenergy(&reader, kind).map { .bioenergy($0) }
        case .wind, .solarCentralised, .solarDistributed, .runOfRiver: parameters = variable(&reader, kind).map { .variable($0) }
        case .reservoirHydro: parameters = reservoir(&reader).map { .reservoir($0) }
        case .pumpedStorage, .lfp: parameters = storage(&reader).map { .storage($0) }
        }
        reader.finish(subject: "a \(kind.rawValue) technology")
        guard let capacity, let parameters else { return nil }
        return Technology(id: id, name: name, kind: kind, capacity: capacity, parameters: parameters)
    }

    private func availability(_ reader: inout MappingReader) -> Availability? {
        var availability = Availability()
        var valid = true
        if let f = reader.optional("forced_outage_rate") {
            if let rate = quantity(f, .fraction, .within(0...0.9, "from 0 % to 90 %")) { availability.forcedOutageRate = rate } else { valid = false }
        }
        if let f = reader.optional("maintenance") {
            if let window = maintenance(f) { availability.maintenance = window } else { valid = false }
        }
        return valid ? availability : nil
    }

    private func maintenance(_ field: Field) -> Availability.Maintenance? {
        guard var reader = MappingReader(field, self, expected: "{start: MM-DD, length: 28 d, fraction: 50 %}") else { return nil }
        let start = reader.required("start", expected: "the first day as MM-DD").flatMap { f -> (Int, Int)? in
            guard let text = f.node.scalarText, let match = text.wholeMatch(of: self.dayPattern),
                  let month = Int(match.1), let day = Int(match.2), (1...12).contains(month),
                  day >= 1, day <= CalendarDays.monthLengths[month - 1]
            else {
                fail(f, expected: "a day of a 365-day year as MM-DD, such as 04-01")
                return nil
            }
            return (month, day)
        }
        let length = reader.required("length", expected: "the window's length").flatMap { quantity($0, .time, .within(1...8760, "from 1 h to 1 yr")) }
        let fraction = reader.optional("fraction").map { quantity($0, .fraction, .within(0...1, "from 0 % to 100 %")) }
        reader.finish(subject: "maintenance")
        guard let start, let length else { return nil }
        if case .some(.none) = fraction { return nil }
        return Availability.Maintenance(startMonth: start.0, startDay: start.1, hours: length, fraction: (fraction ?? 1) ?? 1)
    }

    private func thermal(_ reader: inout MappingReader, _ kind: TechnologyKind, _ accounting: AccountingRules) -> Thermal? {
        let heatRate = reader.required("heat_rate", expected: "fuel per unit of electricity, such as 305 gce/kWh").flatMap {
            trajectory($0, .heatRate, Self.heatRates, start: .baseYear)
        }
        let priceConversions: [Dimension: Double] = kind == .coal
            ? [.coalPrice: 1, .massPrice: 1 / accounting.rawCoalFactor]
            : [.coalPrice: 1, .volumePrice: 1 / accounting.naturalGasFactor]
        let priceNamed = kind == .coal ? "a coal price (yuan/tce, or yuan/t of raw coal)" : "a gas price (yuan/m³ or yuan/tce)"
        let fuelPrice = reader.required("fuel_price", expected: priceNamed).flatMap {
            trajectory($0, accepting: priceConversions, .nonNegative, named: priceNamed, start: .baseYear)
        }
        let variableCost = reader.optional("variable_cost").map { quantity($0, .electricityPrice, .nonNegative) }
        let minimum = reader.optional("minimum_stable_load").map { quantity($0, .fraction, .fraction) }
        let ramp = reader.optional("ramp_rate").map { quantity($0, .perTime, Self.rampRates) }
        let emission = reader.optional("emission_factor").map { quantity($0, .emissionFactor, Self.emissionFactors) }
        let allocation = reader.optional("free_allocation").map {
            trajectory($0, .emissionIntensity, .within(0...5000, "from 0 to 5 tCO2/MWh"), start: .baseYear)
        }
        let availability = availability(&reader)
        guard let heatRate, let fuelPrice, let availability else { return nil }
        if case .some(.none) = allocation { return nil }
        for optional in [variableCost, minimum, ramp, emission] { if case .some(.none) = optional { return nil } }
        let defaultFactor = kind == .coal ? accounting.emissionFactors.coal : accounting.emissionFactors.naturalGas
        return Thermal(
            heatRate: heatRate, fuelPrice: fuelPrice, variableCost: (variableCost ?? 0) ?? 0,
            minimumStableFraction: (minimum ?? 0) ?? 0, rampRate: min((ramp ?? 1) ?? 1, 1), availability: availability,
            emissionFactor: (emission ?? defaultFactor) ?? defaultFactor, freeAllocation: (allocation ?? nil) ?? .constant(0))
    }

    private func bioenergy(_ reader: inout MappingReader, _ kind: TechnologyKind) -> Bioenergy? {
        let biogenic = reader.optional("biogenic_fraction").map { quantity($0, .fraction, .fraction) }
        let variableCost = reader.optional("variable_cost").map { quantity($0, .electricityPrice, .nonNegative) }
        let hours = reader.optional("fuel_limited_hours").map { quantity($0, .time, .within(0...8760, "from 0 h to 8760 h")) }
        let availability = availability(&reader)
        if kind == .wasteToEnergy, biogenic == nil {
            _ = reader.required("biogenic_fraction", expected: "the biogenic share of the waste's energy")
            return nil
        }
        guard let availability else { return nil }
        for optional in [biogenic, variableCost, hours] { if case .some(.none) = optional { return nil } }
        return Bioenergy(
            biogenicFraction: (biogenic ?? 1) ?? 1, variableCost: (variableCost ?? 0) ?? 0, availability: availability,
            fuelLimitedHours: hours ?? nil)
    }

    private func variable(_ reader: inout MappingReader, _ kind: TechnologyKind) -> VariableRenewable? {
        let hoursField = reader.optional("full_load_hours")
        let hours = hoursField.map { trajectory($0, .time, .within(0...8760, "from 0 h to 8760 h"), start: .held) }
        let profile = reader.optional("profile_csv").map { series($0, range: 0...1, meaning: "a capacity factor") }
        let isSolar = kind == .solarCentralised || kind == .solarDistributed
        var tilt: Double??, azimuth: Double??
        if isSolar {
            tilt = reader.optional("tilt").map { compassAngle($0, letters: [], .within(0...90, "from 0° to 90°")) }
            azimuth = reader.optional("azimuth").map { compassAngle($0, letters: [], .within(0...360, "from 0° to 360°")) }
        }
        var powerCurve: PowerCurve??
        if kind == .wind { powerCurve = .some(reader.optional("power_curve").map(self.powerCurve) ?? PowerCurve()) }
        let variableCost = reader.optional("variable_cost").map { quantity($0, .electricityPrice, .nonNegative) }
        let used = reader.refuse(["tilt", "azimuth", "power_curve"], besides: "profile_csv",
                                 because: "profile_csv gives the output hour by hour, scaled to full_load_hours")
        if hours == nil && profile == nil {
            _ = reader.required("full_load_hours", expected: "full-load hours per year (or profile_csv)")
            return nil
        }
        for optional in [tilt, azimuth, variableCost] { if case .some(.none) = optional { return nil } }
        if case .some(.none) = hours { return nil }
        if case .some(.none) = profile { return nil }
        if case .some(.none) = powerCurve { return nil }
        guard used else { return nil }
        return VariableRenewable(
            fullLoadHours: hours ?? nil, profile: profile ?? nil, tilt: tilt ?? nil, azimuth: azimuth ?? nil,
            powerCurve: powerCurve ?? nil, variableCost: (variableCost ?? 0) ?? 0)
    }

    /// `power_curve: {cut_in: 3 m/s, rated: 12 m/s, cut_out: 25 m/s}`, strictly increasing.
    private func powerCurve(_ field: Field) -> PowerCurve? {
        guard var reader = MappingReader(field, self, expected: "cut_in, rated and cut_out wind speeds") else { return nil }
        var curve = PowerCurve()
        let speed = Check.within(0...(40 * 3600), "from 0 m/s to 40 m/s")
        let valid = parameters(&reader, into: &curve, [
            ParameterKey(key: "cut_in", dimension: .speed, check: speed, field: \.cutIn, scale: 1.0 / 3600),
            ParameterKey(key: "rated", dimension: .speed, check: speed, field: \.rated, scale: 1.0 / 3600),
            ParameterKey(key: "cut_out", dimension: .speed, check: speed, field: \.cutOut, scale: 1.0 / 3600),
        ])
        reader.finish(subject: "a power curve")
        guard valid else { return nil }
        guard curve.cutIn < curve.rated, curve.rated < curve.cutOut else {
            fail(field, found: "cut-in \(Self.format(curve.cutIn)) m/s, rated \(Self.format(curve.rated)) m/s, cut-out \(Self.format(curve.cutOut)) m/s",
                 expected: "speeds with cut_in < rated < cut_out")
            return nil
        }
        return curve
    }

    /// Reservoir energy is `reservoir_energy`, or `volume` × `head` × `efficiency`:
    /// E [GWh] = ρ g h V η / 3.6e12 with ρ = 1000 kg/m³, g = 9.81 m/s².
    private func reservoir(_ reader: inout MappingReader) -> Reservoir? {
        let energyField = reader.optional("reservoir_energy")
        let energy = energyField.map { quantity($0, .energy, .positive) }
        let volume = reader.optional("volume").map { quantity($0, .volume, .positive) }
        let head = reader.optional("head").map { quantity($0, .length, .within(1...3000, "from 1 m to 3 000 m")) }
        let efficiency = reader.optional("efficiency").map { quantity($0, .fraction, .efficiency) }
        let minimum = reader.optional("minimum_level").map { quantity($0, .fraction, .fraction) }
        let maximum = reader.optional("maximum_level").map { quantity($0, .fraction, .fraction) }
        let initial = reader.optional("initial_level").map { quantity($0, .fraction, .fraction) }
        let inflow = reader.required("inflow_energy", expected: "the natural inflow as energy per year").flatMap {
            trajectory($0, .energy, .nonNegative, start: .baseYear)
        }
        let flowField = reader.optional("environmental_flow")
        let inflowField = reader.optional("inflow_csv")
        let inflowSeries = inflowField.map { series($0, range: 0...1e6, meaning: "an inflow in GW") }
        for optional in [energy, volume, head, efficiency, minimum, maximum, initial] { if case .some(.none) = optional { return nil } }
        if case .some(.none) = inflowSeries { return nil }
        let headValue = head ?? nil, efficiencyValue = efficiency ?? nil
        var storageEnergy = energy ?? nil
        if storageEnergy == nil {
            guard let volume = volume ?? nil, let headValue, let efficiencyValue else {
                _ = reader.required("reservoir_energy", expected: "the reservoir's energy, or volume, head and efficiency")
                return nil
            }
            storageEnergy = 1000 * 9.81 * headValue * volume * efficiencyValue / 3.6e12
        }
        var flow = 0.0
        if let flowField {
            let waterToPower = headValue.flatMap { h in efficiencyValue.map { 1000 * 9.81 * h * $0 / 1e9 } }
            var conversions: [Dimension: Double] = [.power: 1]
            if let waterToPower { conversions[.flow] = waterToPower / 3600 }
            guard let value = quantity(flowField, accepting: conversions, .nonNegative,
                                       named: waterToPower == nil ? "a power (GW, MW); m³/s needs head and efficiency" : "a power (MW) or a flow (m³/s)")
            else { return nil }
            flow = value
        }
        guard let inflow, let storageEnergy else { return nil }
        if let inflowField, let shape = inflowSeries ?? nil, !shape.values.contains(where: { $0 > 0 }),
           let year = years?.first(where: { inflow.value(in: $0) > 0 }) {
            fail(inflowField, found: "an inflow series that is zero in every hour", expected: "a shape to spread \(Self.format(inflow.value(in: year))) GWh of inflow over (\(year))")
            return nil
        }
        return Reservoir(
            storageEnergy: storageEnergy, minimumLevel: (minimum ?? 0) ?? 0, maximumLevel: (maximum ?? 1) ?? 1,
            initialLevel: (initial ?? 0.5) ?? 0.5, inflowEnergy: inflow, environmentalFlow: flow, inflow: inflowSeries ?? nil)
    }

    private func storage(_ reader: inout MappingReader) -> Storage? {
        let energyField = reader.optional("energy")
        let energy = energyField.map { trajectory($0, .energy, .nonNegative) }
        let durationField = reader.optional("duration")
        let duration = durationField.map { quantity($0, .time, .within(0.1...8760, "from 0.1 h to 8 760 h (a year)")) }
        let roundTripField = reader.optional("round_trip_efficiency")
        let roundTrip = roundTripField.map { quantity($0, .fraction, Self.roundTripEfficiencies) }
        let charge = reader.optional("charge_efficiency").map { quantity($0, .fraction, Self.oneWayEfficiencies) }
        let discharge = reader.optional("discharge_efficiency").map { quantity($0, .fraction, Self.oneWayEfficiencies) }
        let selfDischarge = reader.optional("self_discharge").map { quantity($0, .perTime, .within(0...1, "from 0 %/h to 100 %/h")) }
        let minimum = reader.optional("minimum_soc").map { quantity($0, .fraction, .fraction) }
        let maximum = reader.optional("maximum_soc").map { quantity($0, .fraction, .fraction) }
        let initial = reader.optional("initial_soc").map { quantity($0, .fraction, .fraction) }
        let calendar = reader.optional("calendar_degradation").map { quantity($0, .perTime, .within(0...(1.0 / 8760), "from 0 %/yr to 100 %/yr")) }
        let cycle = reader.optional("cycle_degradation").map { quantity($0, .perCycle, .within(0...0.01, "from 0 %/cycle to 1 %/cycle")) }
        let throughput = reader.optional("throughput_cost").map { quantity($0, .electricityPrice, .nonNegative) }
        if let durationField, energyField != nil {
            fail(durationField, found: "both energy and duration", expected: "one of them: energy (GWh) or duration (h)")
            return nil
        }
        if energyField == nil && durationField == nil {
            _ = reader.required("duration", expected: "hours at full power (or energy)")
            return nil
        }
        for optional in [duration, roundTrip, charge, discharge, selfDischarge, minimum, maximum, initial, calendar, cycle, throughput] {
            if case .some(.none) = optional { return nil }
        }
        if case .some(.none) = energy { return nil }
        var etaCharge = (charge ?? nil), etaDischarge = (discharge ?? nil)
        if let roundTripField, let value = roundTrip ?? nil {
            guard etaCharge == nil, etaDischarge == nil else {
                fail(roundTripField, found: "round_trip_efficiency with charge or discharge efficiency", expected: "either the round trip or the two one-way efficiencies")
                return nil
            }
            etaCharge = value.squareRoot()
            etaDischarge = value.squareRoot()
        }
        guard let etaCharge, let etaDischarge else {
            // One one-way efficiency written: the other is what is missing.
            switch (etaCharge, etaDischarge) {
            case (.some, nil): _ = reader.required("discharge_efficiency", expected: "the discharge efficiency, beside charge_efficiency")
            case (nil, .some): _ = reader.required("charge_efficiency", expected: "the charge efficiency, beside discharge_efficiency")
            default: _ = reader.required("round_trip_efficiency", expected: "the round-trip efficiency (or charge_efficiency and discharge_efficiency)")
            }
            return nil
        }
        return Storage(
            energy: energy ?? nil, durationHours: duration ?? nil, chargeEfficiency: etaCharge, dischargeEfficiency: etaDischarge,
            selfDischargePerHour: (selfDischarge ?? 0) ?? 0, minimumStateOfCharge: (minimum ?? 0) ?? 0,
            maximumStateOfCharge: (maximum ?? 1) ?? 1, initialStateOfCharge: (initial ?? 0.5) ?? 0.5,
            calendarDegradationPerYear: ((calendar ?? 0) ?? 0) * 8760, cycleDegradationPerCycle: (cycle ?? 0) ?? 0,
            throughputCost: (throughput ?? 1000) ?? 1000)
    }
}

extension Decoder {
    /// Storage efficiencies: hydrogen's round trip is about 35 %, so 10 % (32 % each way)
    /// is below any storage built; a discharge coefficient 1/η_d of thousands, from an
    /// efficiency of 0.0001 %, only makes the year's LP ill-conditioned.
    static let roundTripEfficiencies = Check.within(0.1...1, "from 10 % to 100 %")
    static let oneWayEfficiencies = Check.within(0.3...1, "from 30 % to 100 %")
    /// The slowest thermal units ramp some 1 %/min (60 %/h); below 1 %/h a unit is
    /// practically fixed, and ramp rows of width 10⁻⁶ of capacity stall the solver.
    static let rampRates = Check.within(0.01...Double.infinity, "of at least 1 %/h")
}
