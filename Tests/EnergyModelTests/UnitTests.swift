import Testing
@testable import EnergyModel

/// `Quantity.parse`: every unit family in canonical units (GWh, GW = GWh/h, h, tce, t, m³,
/// yuan, m, degree, fraction), and the three ways a text fails to be a quantity.
@Suite struct UnitTests {
    @Test func powerInEveryWriting() {
        for text in ["330 万千瓦", "3.3 GW", "3300 MW", "3300MW", "0.33e1 GW", "3.3e6 kW", "3300 兆瓦", "3.3 GWh/h"] {
            expectQuantity(text, 3.3, .power)
        }
        expectQuantity("500 kW", 5e-4, .power)
        expectQuantity("-0.5 GW", -0.5, .power)
        expectQuantity("+30 MW", 0.03, .power)
        expectQuantity("  1.32 GW  ", 1.32, .power)
    }

    /// Full-width forms, as a Chinese plan's text writes them, are their ASCII selves.
    @Test func fullWidthFormsReadAsASCII() {
        expectQuantity("２５％", 0.25, .fraction)
        expectQuantity("１．３２\u{3000}ＧＷ", 1.32, .power)
        expectQuantity("＋３３０万千瓦", 3.3, .power)
        expectQuantity("－0.5 GW", -0.5, .power)
        #expect(Quantity.halfWidth("25％左右") == "25%左右")
        #expect(Quantity.halfWidth("3.3 GW") == "3.3 GW")
    }

    /// Power-of-ten units convert by moving the decimal point of the number as written,
    /// rounded once: each result is the double nearest the decimal (70 × 0.01 would be
    /// 0.7000000000000001, 330 × 0.01 3.3000000000000003), and a value shown back in its
    /// unit is the number written (0.28 → 28 %).
    @Test func powerOfTenUnitsAreExactDecimals() throws {
        let cases: [(String, Double)] = [("70 %", 0.7), ("330 万千瓦", 3.3), ("28 %", 0.28), ("3.35 亿立方米", 3.35e8),
                                         ("0.1 MW", 1e-4), ("305.5 gce/kWh", 305.5), ("1.5e-3 万千瓦", 1.5e-5), ("-2.5 ‰", -0.0025)]
        for (text, value) in cases {
            #expect(try Quantity.parse(text).get().value == value, "\(text)")
        }
        #expect(DecimalShift.powerOfTen(1e-6 * 1e4) == -2)
        #expect(DecimalShift.powerOfTen(1 / 3.6e6) == nil)
        #expect(DecimalShift.powerOfTen(-1) == nil)
        #expect(DisplayUnit.percent.display(0.28) == 28)
        #expect(DisplayUnit("万千瓦", 0.01).display(3.3) == 330)
        // A scale that is not a power of ten (raw coal, 0.7143 tce/t) rounds to 15 digits:
        // 30 000 t is 21 429 tce, shown as 30 000 t, not 29 999.999999999996.
        #expect(30_000 * 0.7143 / 0.7143 != 30_000)
        #expect(DisplayUnit("t", 0.7143).display(30_000 * 0.7143) == 30_000)
        #expect(DisplayUnit("t", 0.7143).display(1) == 1.39997200055999)
        #expect(DecimalShift.shift(1e-5, by: 2) == 1e-3)
        #expect(DecimalShift.shift(text: "1e99999999999999999999", by: 1) == nil)
        // Other factors multiply: 1 day = 24 h, 3.6 GJ = 0.001 GWh to rounding.
        #expect(try Quantity.parse("2 d").get().value == 48)
    }

    @Test func energy() {
        expectQuantity("1.13 亿千瓦时", 113, .energy)
        expectQuantity("103.1 亿千瓦时", 10310, .energy)
        expectQuantity("1 万千瓦时", 0.01, .energy)
        expectQuantity("2 kWh", 2e-6, .energy)
        expectQuantity("10 度", 1e-5, .energy)
        expectQuantity("250 MWh", 0.25, .energy)
        expectQuantity("1e3 MWh", 1, .energy)
        expectQuantity("113 GWh", 113, .energy)
        expectQuantity("10.31 TWh", 10310, .energy)
        expectQuantity("3.6 GJ", 0.001, .energy)
        expectQuantity("2 亿kWh", 200, .energy)
    }

    @Test func standardCoal() {
        for text in ["25.1 万吨标准煤", "0.251 Mtce", "251000 tce", "251 ktce", "2.51e11 gce"] {
            expectQuantity(text, 251_000, .coal)
        }
        expectQuantity("1 kgce", 1e-3, .coal)
    }

    @Test func volumeMassMoneyLength() {
        expectQuantity("3.35 亿立方米", 3.35e8, .volume)
        expectQuantity("1 万立方米", 1e4, .volume)
        expectQuantity("12 m³", 12, .volume)
        expectQuantity("12 m3", 12, .volume)
        expectQuantity("100 t", 100, .mass)
        expectQuantity("1.5 Mt", 1.5e6, .mass)
        expectQuantity("3 万吨", 3e4, .mass)
        expectQuantity("2 亿元", 2e8, .money)
        expectQuantity("450 yuan", 450, .money)
        expectQuantity("25 m", 25, .length)
        expectQuantity("2 km", 2000, .length)
    }

    @Test func timeAndAngles() {
        expectQuantity("8 h", 8, .time)
        expectQuantity("28 d", 672, .time)
        expectQuantity("1 yr", 8760, .time)
        expectQuantity("30 min", 0.5, .time)
        expectQuantity("27.24 °N", 27.24, .angle)
        expectQuantity("111.47 °E", 111.47, .angle)
        expectQuantity("33.9 °S", -33.9, .angle)
        expectQuantity("74 °W", -74, .angle)
        expectQuantity("180 deg", 180, .angle)
    }

    @Test func ratiosAndRates() {
        expectQuantity("300 gce/kWh", 300, .heatRate)
        expectQuantity("305.5 gce/kWh", 305.5, .heatRate)
        expectQuantity("300 tce/GWh", 300, .heatRate)
        expectQuantity("450 yuan/MWh", 450_000, .electricityPrice)
        expectQuantity("0.45 元/千瓦时", 450_000, .electricityPrice)
        expectQuantity("0.45 yuan/kWh", 450_000, .electricityPrice)
        expectQuantity("900 yuan/t", 900, .massPrice)
        expectQuantity("2.5 yuan/m³", 2.5, .volumePrice)
        expectQuantity("0.7143 kgce/kg", 0.7143, .coalPerMass)
        expectQuantity("1.2143 kgce/m³", 1.2143e-3, .coalPerVolume)
        expectQuantity("2.773 tCO2/tce", 2.773, .emissionFactor)
        expectQuantity("50 m³/s", 50.0 / (1.0 / 3600), .flow)
    }

    @Test func fractionsAndRatesPerTime() {
        expectQuantity("85 %", 0.85, .fraction)
        expectQuantity("85%", 0.85, .fraction)
        expectQuantity("5 ‰", 0.005, .fraction)
        expectQuantity("60 %/h", 0.6, .perTime)
        expectQuantity("0.1 %/d", 0.001 / 24, .perTime)
        expectQuantity("1.5 %/yr", 0.015 / 8760, .perTime)
        expectQuantity("0.004 %/cycle", 4e-5, .perCycle)
    }

    @Test func failures() {
        #expect(Quantity.parse("5") == .failure(.bareNumber(5)))
        #expect(Quantity.parse("  42.5  ") == .failure(.bareNumber(42.5)))
        #expect(Quantity.parse("5 parsecs") == .failure(.unknownUnit("parsecs")))
        #expect(Quantity.parse("5 GW/") == .failure(.unknownUnit("GW/")))
        #expect(Quantity.parse("5 万") == .failure(.unknownUnit("万")))
        #expect(Quantity.parse("3 GW/parsec") == .failure(.unknownUnit("GW/parsec")))
        // Divided by a fraction, a value would be 100 or 1 000 times what was meant.
        for unit in ["GW/%", "GW/‰", "GWh/h/%", "h/percent"] {
            #expect(Quantity.parse("1.32 \(unit)") == .failure(.unknownUnit(unit)), "\(unit)")
        }
        #expect(Quantity.parse("abc") == .failure(.notANumber))
        #expect(Quantity.parse("") == .failure(.notANumber))
        #expect(Quantity.parse("GW 5") == .failure(.notANumber))
        #expect(Quantity.parse(". GW") == .failure(.notANumber))
        // Numbers a double cannot hold: too large, or nonzero and so small they would read
        // as 0 (or lose digits as subnormals) — before or after the unit's factor.
        for text in ["1e400 GW", "1e2147483647 GW", "-1e309 %", "1e-400 GW", "0.5e-320 GW", "1e-307 kW", "1e400"] {
            #expect(Quantity.parse(text) == .failure(.outOfRange), "\(text)")
        }
        #expect(Quantity.parse("0e-400 GW") == .success(Quantity(0, .power)))
        #expect(Quantity.parse("0.000 万千瓦") == .success(Quantity(0, .power)))
    }

    @Test func dimensionsCombineAndDescribeThemselves() {
        #expect(Dimension.energy / Dimension.time == .power)
        #expect(Dimension.coal / Dimension.energy == .heatRate)
        #expect(Dimension.power * Dimension.time == .energy)
        #expect(Dimension.power.description == "a power (kW, MW, GW, 万千瓦)")
        #expect(Dimension.energy.description == "an energy (kWh, MWh, GWh, TWh, 万千瓦时, 亿千瓦时)")
        #expect(Dimension(energy: 2, time: -1).description == "a quantity in GWh^2·h^-1")
    }
}
