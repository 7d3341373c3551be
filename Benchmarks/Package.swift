// swift-tools-version:6.1
// capsim's benchmarks, a package of their own so that package-benchmark stays out of
// capsim's dependency graph. Run from this folder:
//   swift package --allow-writing-to-package-directory benchmark
import PackageDescription

let package = Package(
    name: "capsim-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "capsim", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ScenarioBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "EnergyModel", package: "capsim"),
            ],
            path: "Benchmarks/ScenarioBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ProfileBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "EnergyModel", package: "capsim"),
                .product(name: "Profiles", package: "capsim"),
            ],
            path: "Benchmarks/ProfileBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SolverBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "LinearProgramming", package: "capsim"),
                .product(name: "SyntheticDispatch", package: "capsim"),
            ],
            path: "Benchmarks/SolverBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ProjectionBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "EnergyModel", package: "capsim"),
                .product(name: "EconomicDispatch", package: "capsim"),
                .product(name: "Simulation", package: "capsim"),
                .product(name: "Sweeps", package: "capsim"),
            ],
            path: "Benchmarks/ProjectionBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
