import Foundation

/// An optional key of a parameter block: a quantity of one dimension (nil: a plain
/// number), range-checked, stored into one field of `T` after multiplying by `scale`
/// (canonical m/h → m/s: 1/3600).
struct ParameterKey<T> {
    let key: String
    let dimension: Dimension?
    let check: Check
    let field: WritableKeyPath<T, Double>
    var scale = 1.0
}

extension Decoder {
    /// Reads the keys present into `value`; false when any of them is invalid.
    func parameters<T>(_ reader: inout MappingReader, into value: inout T, _ keys: [ParameterKey<T>]) -> Bool {
        var valid = true
        for key in keys {
            guard let f = reader.optional(key.key) else { continue }
            let number = key.dimension.map { quantity(f, $0, key.check) } ?? plainNumber(f, key.check, named: "a number")
            if let number { value[keyPath: key.field] = number * key.scale } else { valid = false }
        }
        return valid
    }

    /// An optional whole number within `range` stored into `value`; false when invalid.
    func wholeNumber<T>(_ reader: inout MappingReader, _ key: String, _ range: ClosedRange<Int>, _ what: String,
                        into value: inout T, _ path: WritableKeyPath<T, Int>) -> Bool {
        guard let f = reader.optional(key) else { return true }
        guard let number = integer(f, expected: "\(what): a whole number from \(range.lowerBound) to \(range.upperBound)"),
              range.contains(number)
        else {
            if f.node.scalarText.flatMap({ Int($0) }) != nil {
                fail(f, expected: "\(what): a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return false
        }
        record(f, text: String(number))
        value[keyPath: path] = number
        return true
    }

    /// A span such as "10-14" or "04-07": first and last, both within `bounds`, first ≤ last.
    func span(_ field: Field, within bounds: ClosedRange<Int>, what: String) -> ClosedRange<Int>? {
        guard let text = field.node.scalarText, let match = text.wholeMatch(of: spanPattern),
              let a = Int(match.1), let b = Int(match.2), a <= b, bounds.contains(a), bounds.contains(b)
        else {
            fail(field, expected: "\(what) (\(bounds.lowerBound) to \(bounds.upperBound), first ≤ last)")
            return nil
        }
        return a...b
    }

    /// `weather:` — the seed, the dry-year factor and the climate of sun, wind and rivers.
    func weather(_ field: Field?) -> Weather? {
        guard let field else { return Weather(seed: 1, hydroInflowFactor: .constant(1)) }
        guard var reader = MappingReader(field, self, expected: "seed, hydro_inflow_factor, solar, wind and hydro") else { return nil }
        let seedField = reader.optional("seed")
        let seed = seedField.flatMap { f -> UInt64? in
            guard let text = f.node.scalarText, let value = UInt64(text) else {
                fail(f, expected: "a whole number from 0 to \(UInt64.max)")
                return nil
            }
            return value
        }
        let factor = reader.optional("hydro_inflow_factor").map { trajectory($0, .fraction, .within(0...2, "from 0 % to 200 %"), start: .held) }
        let solar = reader.optional("solar").map(solarClimate) ?? SolarClimate()
        let wind = reader.optional("wind").map(windClimate) ?? WindClimate()
        let hydro = reader.optional("hydro").map(hydroClimate) ?? HydroClimate()
        reader.finish(subject: "weather")
        if seedField != nil && seed == nil { return nil }
        if case .some(.none) = factor { return nil }
        guard let solar, let wind, let hydro else { return nil }
        var weather = Weather(seed: seed ?? 1, hydroInflowFactor: (factor ?? nil) ?? .constant(1))
        weather.solar = solar
        weather.wind = wind
        weather.hydro = hydro
        return weather
    }

    private func solarClimate(_ field: Field) -> SolarClimate? {
        guard var reader = MappingReader(field, self, expected: "mean_clearness, variability and persistence") else { return nil }
        var climate = SolarClimate()
        let valid = parameters(&reader, into: &climate, [
            ParameterKey(key: "mean_clearness", dimension: .fraction, check: .within(0.05...1, "from 5 % to 100 %"), field: \.meanClearness),
            ParameterKey(key: "variability", dimension: .fraction, check: .within(0...0.5, "from 0 % to 50 %"), field: \.variability),
            ParameterKey(key: "persistence", dimension: .fraction, check: .within(0...0.99, "from 0 % to 99 %"), field: \.persistence),
        ])
        reader.finish(subject: "weather.solar")
        return valid ? climate : nil
    }

    private func windClimate(_ field: Field) -> WindClimate? {
        guard var reader = MappingReader(field, self, expected: "mean_speed, weibull_shape and the cycles of the wind") else { return nil }
        var climate = WindClimate()
        var valid = parameters(&reader, into: &climate, [
            ParameterKey(key: "mean_speed", dimension: .speed, check: .within(3600...(30 * 3600), "from 1 m/s to 30 m/s"), field: \.meanSpeed, scale: 1.0 / 3600),
            ParameterKey(key: "weibull_shape", dimension: nil, check: .within(1...5, "from 1 to 5"), field: \.weibullShape),
            ParameterKey(key: "persistence", dimension: .fraction, check: .within(0...0.999, "from 0 % to 99.9 %"), field: \.persistence),
            ParameterKey(key: "seasonal_amplitude", dimension: .fraction, check: .within(0...0.5, "from 0 % to 50 %"), field: \.seasonalAmplitude),
            ParameterKey(key: "diurnal_amplitude", dimension: .fraction, check: .within(0...0.5, "from 0 % to 50 %"), field: \.diurnalAmplitude),
        ])
        valid = wholeNumber(&reader, "windiest_month", 1...12, "a month", into: &climate, \.windiestMonth) && valid
        valid = wholeNumber(&reader, "windiest_hour", 0...23, "a local hour", into: &climate, \.windiestHour) && valid
        reader.finish(subject: "weather.wind")
        return valid ? climate : nil
    }

    private func hydroClimate(_ field: Field) -> HydroClimate? {
        guard var reader = MappingReader(field, self, expected: "flood_season, flood_factor, variability and persistence") else { return nil }
        var climate = HydroClimate()
        var valid = parameters(&reader, into: &climate, [
            ParameterKey(key: "flood_factor", dimension: nil, check: .within(1...20, "from 1 to 20"), field: \.floodFactor),
            ParameterKey(key: "variability", dimension: .fraction, check: .within(0...1.5, "from 0 % to 150 %"), field: \.variability),
            ParameterKey(key: "persistence", dimension: .fraction, check: .within(0...0.999, "from 0 % to 99.9 %"), field: \.persistence),
        ])
        if let f = reader.optional("flood_season") {
            if let months = span(f, within: 1...12, what: "months such as \"04-07\"") { climate.floodSeason = months } else { valid = false }
        }
        reader.finish(subject: "weather.hydro")
        return valid ? climate : nil
    }
}
