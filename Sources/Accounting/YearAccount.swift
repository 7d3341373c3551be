import EnergyModel

/// One year counted the way the statistics bureau counts it: total energy consumption
/// (TEC) by fuel in tonnes of standard coal (tce), its non-fossil part and share, fuels in
/// physical units, direct CO₂ and curtailment, from the year's `AnnualEnergy` and the
/// scenario's accounting rules. The formulas, with a worked example, are in
/// docs/accounting.md; each field's name in snake_case is its column in the annual CSV.
///
/// Electricity enters the balance as primary energy at k tce/GWh
/// (`AccountingRules.primaryElectricityFactor(in:)`): local non-fossil electricity, the
/// fossil part of bioenergy electricity and net imports. Electricity from local coal and gas
/// plants is not counted again: their fuel is. Storage is not a source: its losses are
/// part of the load the rest of the system serves.
///
///     TEC = coal + oil + naturalGas + primaryElectricity + netImportedElectricity + otherNonFossil
///     NF  = otherNonFossil + k·G_nf + k·M·s_grid − k·X_nf
///     share = NF / TEC
public struct YearAccount: Sendable, Equatable {
    /// The flows counted, passed through for reports: generation, full-load hours and
    /// storage cycles per technology, imports, exports, unserved energy, loss-of-load
    /// hours, cost, average and peak price.
    public var energy: AnnualEnergy
    public var method: AccountingMethod
    /// k: tce counted per GWh of primary electricity (coal-equivalent: the year's coal-power
    /// heat rate; calorific: 122.9), tce/GWh.
    public var primaryElectricityFactor: Double
    /// s_grid: non-fossil share of the electricity imported from the provincial grid, 0–1
    /// (0 when the scenario has no grid link).
    public var gridNonFossilShare: Double

    /// F_coal, F_gas: fuel burned in the city's coal and gas plants, tce.
    public var coalPowerFuel: Double
    public var gasPowerFuel: Double
    /// G_nf: local non-fossil electricity, GWh: wind, solar, run-of-river and reservoir hydro,
    /// plus bioenergy at its biogenic fraction.
    public var nonFossilGeneration: Double
    /// G_bf: the non-biogenic (fossil) part of bioenergy electricity, GWh.
    public var bioenergyFossilGeneration: Double
    /// Coal and natural gas used outside power (the scenario's `non_power_fuels`), tce.
    public var nonPowerCoal: Double
    public var nonPowerNaturalGas: Double

    /// Energy by fuel, tce; the six sum to `totalEnergyConsumption`.
    /// coal = non-power coal + F_coal.
    public var coal: Double
    /// oil = non-power oil (no oil-fired power).
    public var oil: Double
    /// naturalGas = non-power gas + F_gas.
    public var naturalGas: Double
    /// primaryElectricity = k·(G_nf + G_bf).
    public var primaryElectricity: Double
    /// netImportedElectricity = k·(M − X), negative for a net exporter.
    public var netImportedElectricity: Double
    /// Non-fossil energy used directly (solar heat, biomass heat, geothermal), tce.
    public var otherNonFossil: Double

    /// TEC: total energy consumption, tce.
    public var totalEnergyConsumption: Double
    /// NF: its non-fossil part, tce.
    public var nonFossilEnergy: Double
    /// NF ÷ TEC (0 when TEC is 0).
    public var nonFossilShare: Double

    /// Fuels in physical units: raw coal t = coal ÷ raw-coal factor; natural gas m³ =
    /// naturalGas ÷ gas factor; oil t = oil ÷ oil factor.
    public var rawCoalMass: Double
    public var naturalGasVolume: Double
    public var oilMass: Double

    /// Direct CO₂ of fuel burned in the city, t: coal·EF_coal + oil·EF_oil + naturalGas·EF_gas,
    /// with the scenario's `accounting.emission_factors` (t/tce). Imported electricity's
    /// emissions are counted where it is generated, not here.
    public var co2Emissions: Double

    /// What wind, solar and run-of-river offered and what was not used, GWh, and the
    /// curtailed fraction: curtailed ÷ variableAvailable (0 when nothing was offered).
    public var variableAvailable: Double
    public var curtailed: Double
    public var curtailmentFraction: Double
    /// Full-load hours of the solar fleet, h: Σ generation ÷ Σ capacity over centralised and
    /// distributed PV (0 when there is no PV).
    public var solarFullLoadHours: Double
    /// The solar fleet's capacity, GW, averaged over the year's hours (centralised and
    /// distributed PV).
    public var solarCapacity: Double

    /// Counts `energy` under `scenario`'s accounting rules for `energy.year`.
    ///
    /// Every bioenergy technology of `energy` must be a technology of `scenario` (its
    /// biogenic fraction is read there).
    public init(energy: AnnualEnergy, scenario: Scenario) {
        let year = energy.year
        let rules = scenario.accounting
        let fuels = scenario.nonPowerFuels
        let k = rules.primaryElectricityFactor(in: year)
        let s = scenario.grid?.nonFossilShare.value(in: year) ?? 0
        let flows = energy.technologies
        func total(_ kinds: Set<TechnologyKind>, _ quantity: (TechnologyEnergy) -> Double) -> Double {
            flows.filter { kinds.contains($0.kind) }.reduce(0) { $0 + quantity($1) }
        }
        let variable: Set<TechnologyKind> = [.wind, .solarCentralised, .solarDistributed, .runOfRiver]
        let solar: Set<TechnologyKind> = [.solarCentralised, .solarDistributed]
        let biogenic = total([.biomass, .wasteToEnergy]) { $0.generation * Self.biogenicFraction(of: $0.id, in: scenario) }

        self.energy = energy
        method = rules.method
        primaryElectricityFactor = k
        gridNonFossilShare = s
        coalPowerFuel = total([.coal], \.fuel)
        gasPowerFuel = total([.gas], \.fuel)
        nonFossilGeneration = total(variable.union([.reservoirHydro]), \.generation) + biogenic
        bioenergyFossilGeneration = total([.biomass, .wasteToEnergy], \.generation) - biogenic
        nonPowerCoal = fuels.coal.value(in: year)
        nonPowerNaturalGas = fuels.naturalGas.value(in: year)

        coal = nonPowerCoal + coalPowerFuel
        oil = fuels.oil.value(in: year)
        naturalGas = nonPowerNaturalGas + gasPowerFuel
        primaryElectricity = k * (nonFossilGeneration + bioenergyFossilGeneration)
        netImportedElectricity = k * (energy.imports - energy.exports)
        otherNonFossil = fuels.otherNonFossil.value(in: year)

        totalEnergyConsumption = coal + oil + naturalGas + primaryElectricity + netImportedElectricity + otherNonFossil
        nonFossilEnergy = otherNonFossil + k * nonFossilGeneration + k * energy.imports * s - k * energy.nonFossilExports
        nonFossilShare = totalEnergyConsumption > 0 ? nonFossilEnergy / totalEnergyConsumption : 0

        rawCoalMass = coal / rules.rawCoalFactor
        naturalGasVolume = naturalGas / rules.naturalGasFactor
        oilMass = oil / rules.oilFactor
        let factors = rules.emissionFactors
        co2Emissions = coal * factors.coal + oil * factors.oil + naturalGas * factors.naturalGas

        variableAvailable = total(variable, \.available)
        curtailed = total(variable, \.curtailed)
        curtailmentFraction = variableAvailable > 0 ? curtailed / variableAvailable : 0
        solarCapacity = total(solar, \.capacity)
        solarFullLoadHours = solarCapacity > 0 ? total(solar, \.generation) / solarCapacity : 0
    }

    public var year: Int { energy.year }

    /// The biogenic (non-fossil) fraction of a biomass or waste-to-energy technology.
    private static func biogenicFraction(of id: String, in scenario: Scenario) -> Double {
        guard case let .bioenergy(parameters)? = scenario.technology(id: id)?.parameters else {
            preconditionFailure("bioenergy technology \(id) of the annual energy is not a bioenergy technology of the scenario")
        }
        return parameters.biogenicFraction
    }
}
