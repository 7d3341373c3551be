// swift-tools-version:6.1
// capsim — energy-system capacity scenario simulator.
// Layers (see docs/architecture.md): CLapack → LinearAlgebra → LinearProgramming;
// EnergyModel → Profiles → EconomicDispatch (+ LinearProgramming); EnergyModel → Accounting;
// Reports (results, never the solver); Simulation (the years) → Sweeps → CapsimCommands → capsim.
import PackageDescription

let package = Package(
    name: "capsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "capsim", targets: ["capsim"]),
        .library(name: "EnergyModel", targets: ["EnergyModel"]),
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
        .library(name: "Profiles", targets: ["Profiles"]),
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
        .library(name: "EconomicDispatch", targets: ["EconomicDispatch"]),
        .library(name: "Simulation", targets: ["Simulation"]),
        .library(name: "Sweeps", targets: ["Sweeps"]),
        .library(name: "SyntheticDispatch", targets: ["SyntheticDispatch"]),
        .executable(name: "synthetic-lp", targets: ["synthetic-lp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLapack",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        .target(name: "LinearAlgebra", dependencies: ["CLapack"]),
        .target(name: "LinearProgramming", dependencies: ["LinearAlgebra"]),
        .target(name: "EnergyModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "Profiles", dependencies: ["EnergyModel"]),
        .target(name: "EconomicDispatch", dependencies: ["EnergyModel", "Profiles", "LinearProgramming"]),
        .target(name: "Accounting", dependencies: ["EnergyModel"]),
        .target(name: "Reports", dependencies: ["EnergyModel", "Profiles", "Accounting", "EconomicDispatch"]),
        .target(name: "Simulation", dependencies: ["EnergyModel", "Profiles", "EconomicDispatch", "Accounting", "LinearProgramming"]),
        .target(name: "Sweeps", dependencies: ["EnergyModel", "Profiles", "LinearProgramming", "Simulation", "Accounting", "Reports", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "CapsimCommands",
            dependencies: [
                "EnergyModel", "Profiles", "Accounting", "Reports", "LinearProgramming", "EconomicDispatch", "Simulation", "Sweeps",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // glibc's mallopt, for the executable's memory policy (Sources/capsim/main.swift).
        .systemLibrary(name: "CMalloc"),
        .executableTarget(name: "capsim", dependencies: ["CapsimCommands", "CMalloc"]),
        // The synthetic one-year dispatch LP (DESIGN.md §4 in miniature), for the solver's
        // benchmarks and scaling checks, and a tool that writes it as MPS.
        .target(name: "SyntheticDispatch", dependencies: ["LinearProgramming"]),
        .executableTarget(name: "synthetic-lp", dependencies: ["SyntheticDispatch", "LinearProgramming"]),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming", "SyntheticDispatch"]),
        .testTarget(name: "EnergyModelTests", dependencies: ["EnergyModel"]),
        .testTarget(name: "ProfilesTests", dependencies: ["Profiles", "EnergyModel"]),
        .testTarget(name: "AccountingTests", dependencies: ["Accounting", "EnergyModel"]),
        .testTarget(name: "DispatchTests", dependencies: ["EconomicDispatch", "Simulation", "Accounting", "EnergyModel", "Profiles", "LinearProgramming"]),
        .testTarget(name: "SweepTests", dependencies: ["Sweeps", "EnergyModel"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Accounting"]),
        .testTarget(name: "CapsimCommandsTests", dependencies: ["CapsimCommands", "LinearProgramming", "SyntheticDispatch"]),
    ],
    swiftLanguageModes: [.v6]
)
