import EnergyModel

/// The groups of technology kinds that reports show together (coal, gas, hydro, wind,
/// solar, bioenergy, storage), in the order tables and stacks list them, with the colour
/// charts give each group and each kind.
enum TechnologyGroups {
    struct Group {
        var name: String
        var kinds: Set<TechnologyKind>
        var colour: String
    }

    /// Generation first, storage (its discharge) last.
    static let all = [
        Group(name: "coal", kinds: [.coal], colour: Palette.darkGrey),
        Group(name: "gas", kinds: [.gas], colour: Palette.reddishPurple),
        Group(name: "hydro", kinds: [.runOfRiver, .reservoirHydro], colour: Palette.blue),
        Group(name: "wind", kinds: [.wind], colour: Palette.skyBlue),
        Group(name: "solar", kinds: [.solarCentralised, .solarDistributed], colour: Palette.yellow),
        Group(name: "bio", kinds: [.biomass, .wasteToEnergy], colour: Palette.bluishGreen),
        Group(name: "storage", kinds: [.pumpedStorage, .lfp], colour: Palette.orange),
    ]

    /// Storage charging, drawn below zero.
    static let chargeColour = "#F3C76B"
    static let importColour = Palette.grey
    static let exportColour = "#C8C8C8"
    static let unservedColour = Palette.vermillion

    /// Each kind's colour in charts by kind: its group's, lightened or darkened for the
    /// second kind of a group so that neighbours in a stack differ.
    static func colour(of kind: TechnologyKind) -> String {
        switch kind {
        case .wasteToEnergy: "#7FCDB8"
        case .solarDistributed: "#F7EF9A"
        case .reservoirHydro: "#004C7A"
        case .lfp: chargeColour
        default: all.first { $0.kinds.contains(kind) }?.colour ?? Palette.grey
        }
    }
}
