import Accounting
import EnergyModel

/// `annual.csv` of `capsim run --csv DIR`: one row per simulated year, one column per
/// quantity of the year's flows (`AnnualEnergy`) and account (`YearAccount`), named as in
/// docs/accounting.md so that a year's non-fossil share can be reproduced by hand from
/// its row. Energies in GWh, fuels and energy in tce, masses in t, volumes in m³, CO₂ in
/// t, cost in yuan, prices in yuan/MWh, shares as fractions (0–1); per-technology columns
/// are `<quantity>.<id>`. The year is a whole number; the others in full precision; the
/// run's weather seed and `--set` values last (`RunColumns`).
public enum AnnualTable {
    public static func csv(_ years: [YearOutcome], scenario: Scenario, run: RunColumns) -> String {
        let columns = self.columns(scenario: scenario)
        var text = columns.map(\.name).joined(separator: ",") + "," + RunColumns.header + "\n"
        for year in years {
            text += String(year.year) + "," + columns.dropFirst().map { "\($0.value(year))" }.joined(separator: ",") + "," + run.fields + "\n"
        }
        return text
    }

    /// The columns in order: the year, the flows, the per-technology figures, then the account.
    static func columns(scenario: Scenario) -> [(name: String, value: (YearOutcome) -> Double)] {
        var columns: [(name: String, value: (YearOutcome) -> Double)] = [
            ("year", { Double($0.year) }),
            ("load_gwh", { $0.account.energy.load }),
            ("peak_load_gw", { $0.account.energy.peakLoad }),
            ("imports_gwh", { $0.account.energy.imports }),
            ("exports_gwh", { $0.account.energy.exports }),
            ("non_fossil_exports_gwh", { $0.account.energy.nonFossilExports }),
            ("unserved_gwh", { $0.account.energy.unserved }),
            ("loss_of_load_hours", { $0.account.energy.lossOfLoadHours }),
            ("cost_yuan", { $0.account.energy.cost }),
            ("average_price_yuan_per_mwh", { $0.account.energy.averagePrice / 1000 }),
            ("peak_price_yuan_per_mwh", { $0.account.energy.peakPrice / 1000 }),
        ]
        for (index, technology) in scenario.technologies.enumerated() {
            let id = technology.id
            func of(_ value: @escaping (TechnologyEnergy) -> Double) -> (YearOutcome) -> Double {
                { value($0.account.energy.technologies[index]) }
            }
            columns.append(("generation_gwh.\(id)", of(\.generation)))
            columns.append(("capacity_gw.\(id)", of(\.capacity)))
            columns.append(("full_load_hours.\(id)", of(\.fullLoadHours)))
            switch technology.kind {
            case .coal, .gas:
                columns.append(("fuel_tce.\(id)", of(\.fuel)))
            case .wind, .solarCentralised, .solarDistributed, .runOfRiver:
                columns.append(("available_gwh.\(id)", of(\.available)))
                columns.append(("curtailed_gwh.\(id)", of(\.curtailed)))
            case .reservoirHydro:
                columns.append(("inflow_gwh.\(id)", of(\.available)))
                columns.append(("spilled_gwh.\(id)", of(\.spilled)))
            case .pumpedStorage, .lfp:
                columns.append(("charge_gwh.\(id)", of(\.charge)))
                columns.append(("usable_energy_gwh.\(id)", of(\.energyCapacity)))
                columns.append(("cycles.\(id)", of(\.cycles)))
                columns.append(("same_hour_gwh.\(id)", of(\.sameHour)))
            case .biomass, .wasteToEnergy:
                break
            }
        }
        columns += [
            ("primary_electricity_factor", { $0.account.primaryElectricityFactor }),
            ("grid_non_fossil_share", { $0.account.gridNonFossilShare }),
            ("coal_power_fuel", { $0.account.coalPowerFuel }),
            ("gas_power_fuel", { $0.account.gasPowerFuel }),
            ("non_fossil_generation", { $0.account.nonFossilGeneration }),
            ("bioenergy_fossil_generation", { $0.account.bioenergyFossilGeneration }),
            ("non_power_coal", { $0.account.nonPowerCoal }),
            ("non_power_natural_gas", { $0.account.nonPowerNaturalGas }),
            ("coal", { $0.account.coal }),
            ("oil", { $0.account.oil }),
            ("natural_gas", { $0.account.naturalGas }),
            ("primary_electricity", { $0.account.primaryElectricity }),
            ("net_imported_electricity", { $0.account.netImportedElectricity }),
            ("other_non_fossil", { $0.account.otherNonFossil }),
            ("total_energy_consumption", { $0.account.totalEnergyConsumption }),
            ("non_fossil_energy", { $0.account.nonFossilEnergy }),
            ("non_fossil_share", { $0.account.nonFossilShare }),
            ("raw_coal_mass", { $0.account.rawCoalMass }),
            ("natural_gas_volume", { $0.account.naturalGasVolume }),
            ("oil_mass", { $0.account.oilMass }),
            ("co2_emissions", { $0.account.co2Emissions }),
            ("variable_available", { $0.account.variableAvailable }),
            ("curtailed", { $0.account.curtailed }),
            ("curtailment_fraction", { $0.account.curtailmentFraction }),
        ]
        return columns
    }
}
