import Testing
@testable import Accounting
@testable import EnergyModel

/// The statistics bureau's count of the example year (ExampleYear), worked by hand.
@Suite struct YearAccountTests {
    @Test func exampleYearByHand() throws {
        let account = YearAccount(energy: ExampleYear.energy, scenario: try ExampleYear.scenario())
        // k = the 2025 coal-power heat rate, 300 gce/kWh = 300 tce/GWh; s_grid = 40 %.
        #expect(account.method == .coalEquivalent)
        expectRelative(account.primaryElectricityFactor, 300)
        expectRelative(account.gridNonFossilShare, 0.4)
        expectRelative(account.coalPowerFuel, 1_200_000)
        expectRelative(account.gasPowerFuel, 50_000)
        // G_nf = 2000 + 1000 + 200 + 500 + 300 + 500·0.6 + 200·1 = 4500 GWh; G_bf = 500·0.4 = 200 GWh.
        expectRelative(account.nonFossilGeneration, 4_500)
        expectRelative(account.bioenergyFossilGeneration, 200)
        // coal = 2 000 000 + 1 200 000; gas = 400 000 + 50 000; primary electricity = 300·(4500 + 200);
        // net imports = 300·(3000 − 500).
        expectRelative(account.nonPowerCoal, 2_000_000)
        expectRelative(account.nonPowerNaturalGas, 400_000)
        expectRelative(account.coal, 3_200_000)
        expectRelative(account.oil, 1_500_000)
        expectRelative(account.naturalGas, 450_000)
        expectRelative(account.primaryElectricity, 1_410_000)
        expectRelative(account.netImportedElectricity, 750_000)
        expectRelative(account.otherNonFossil, 100_000)
        // TEC = 3 200 000 + 1 500 000 + 450 000 + 1 410 000 + 750 000 + 100 000 = 7 410 000 tce.
        expectRelative(account.totalEnergyConsumption, 7_410_000)
        // NF = 100 000 + 300·4500 + 300·3000·0.4 − 300·200 = 100 000 + 1 350 000 + 360 000 − 60 000 = 1 750 000 tce.
        expectRelative(account.nonFossilEnergy, 1_750_000)
        // share = 1 750 000 / 7 410 000 = 23.6167 %.
        expectRelative(account.nonFossilShare, 0.23616734143049933)
        // CO₂ = 3 200 000·2.773 + 1 500 000·2.148 + 450 000·1.644 = 8 873 600 + 3 222 000 + 739 800 t.
        expectRelative(account.co2Emissions, 12_835_400)
    }

    @Test func componentsSumToTotalExactly() throws {
        var scenario = try ExampleYear.scenario()
        for method in AccountingMethod.allCases {
            scenario.accounting.method = method
            let a = YearAccount(energy: ExampleYear.energy, scenario: scenario)
            #expect(a.coal + a.oil + a.naturalGas + a.primaryElectricity + a.netImportedElectricity + a.otherNonFossil
                    == a.totalEnergyConsumption)
        }
    }

    @Test func fuelsInPhysicalUnits() throws {
        let account = YearAccount(energy: ExampleYear.energy, scenario: try ExampleYear.scenario())
        // Raw coal 3 200 000 / 0.7143 t; gas 450 000 / 0.0012143 m³; oil 1 500 000 / 1.4286 t.
        expectRelative(account.rawCoalMass, 4_479_910.401791964)
        expectRelative(account.naturalGasVolume, 370_583_875.4838179)
        expectRelative(account.oilMass, 1_049_979.0004199916)
    }

    /// share(k) = (O + k·A) / (B + k·C) with O = other non-fossil = 100 000 tce,
    /// A = G_nf + s·M − X_nf = 4500 + 1200 − 200 = 5500 GWh,
    /// B = all fuels burned + other non-fossil = 3 200 000 + 1 500 000 + 450 000 + 100 000 = 5 250 000 tce,
    /// C = G_nf + G_bf + M − X = 4700 + 2500 = 7200 GWh.
    @Test func calorificChangesTheShareAsTheFormulasSay() throws {
        var scenario = try ExampleYear.scenario()
        let share = { (k: Double) in (100_000 + k * 5_500) / (5_250_000 + k * 7_200) }
        let coalEquivalent = YearAccount(energy: ExampleYear.energy, scenario: scenario)
        scenario.accounting.method = .calorific
        let calorific = YearAccount(energy: ExampleYear.energy, scenario: scenario)
        expectRelative(coalEquivalent.nonFossilShare, share(300))
        // k = 122.9: TEC = 5 250 000 + 122.9·7200 = 6 134 880; NF = 100 000 + 122.9·5500 = 775 950; 12.648 %.
        expectRelative(calorific.primaryElectricityFactor, 122.9)
        expectRelative(calorific.totalEnergyConsumption, 6_134_880)
        expectRelative(calorific.nonFossilEnergy, 775_950)
        expectRelative(calorific.nonFossilShare, share(122.9))
        expectRelative(calorific.nonFossilShare, 0.1264816915734293)
        // Fuels burned do not depend on the method.
        #expect(calorific.coal == coalEquivalent.coal)
        #expect(calorific.co2Emissions == coalEquivalent.co2Emissions)
    }

    @Test func heatRateOfTheYear() throws {
        var energy = ExampleYear.energy
        energy.year = 2020
        let account = YearAccount(energy: energy, scenario: try ExampleYear.scenario())
        // 2020's heat rate, 310 tce/GWh: primary electricity = 310·4700.
        expectRelative(account.primaryElectricityFactor, 310)
        expectRelative(account.primaryElectricity, 1_457_000)
    }

    @Test func withoutAGridImportsAreFossil() throws {
        var scenario = try ExampleYear.scenario()
        scenario.grid = nil
        let account = YearAccount(energy: ExampleYear.energy, scenario: scenario)
        // NF loses 300·3000·0.4 = 360 000 tce; TEC is unchanged.
        #expect(account.gridNonFossilShare == 0)
        expectRelative(account.nonFossilEnergy, 1_390_000)
        expectRelative(account.totalEnergyConsumption, 7_410_000)
    }

    @Test func curtailmentAndPassedThroughFigures() throws {
        let account = YearAccount(energy: ExampleYear.energy, scenario: try ExampleYear.scenario())
        // Offered 2100 + 1100 + 200 + 500 = 3900 GWh (the reservoir's inflow is not); curtailed 100 + 100.
        expectRelative(account.variableAvailable, 3_900)
        expectRelative(account.curtailed, 200)
        expectRelative(account.curtailmentFraction, 0.05128205128205128)
        // PV: (1000 + 200) GWh / (1 + 0.2) GW = 1000 h.
        expectRelative(account.solarFullLoadHours, 1_000)
        #expect(account.year == 2025)
        #expect(account.energy == ExampleYear.energy)
        let byId = Dictionary(uniqueKeysWithValues: account.energy.technologies.map { ($0.id, $0) })
        expectRelative(byId["wind"]!.fullLoadHours, 2_000)
        // Pumped storage 120 GWh / 0.6 GWh = 200 cycles; battery 30 / 0.1 = 300.
        expectRelative(byId["pumped"]!.cycles, 200)
        expectRelative(byId["battery"]!.cycles, 300)
    }
}
