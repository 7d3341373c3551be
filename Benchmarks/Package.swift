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
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ScenarioBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "EnergyModel", package: "capsim"),
            ],
            path: "Benchmarks/ScenarioBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "ProfileBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "EnergyModel", package: "capsim"),
                .product(name: "Profiles", package: "capsim"),
            ],
            path: "Benchmarks/ProfileBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "SolverBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "LinearProgramming", package: "capsim"),
                "SyntheticDispatch",
            ],
            path: "Benchmarks/SolverBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // The synthetic dispatch LP (DESIGN.md §4 in miniature) and a tool writing it as
        // MPS, for the solver benchmarks and Scripts/compare_highs.py.
        .target(
            name: "SyntheticDispatch",
            dependencies: [.product(name: "LinearProgramming", package: "capsim")],
            path: "Sources/SyntheticDispatch"
        ),
        .executableTarget(
            name: "synthetic-lp",
            dependencies: ["SyntheticDispatch", .product(name: "LinearProgramming", package: "capsim")],
            path: "Sources/synthetic-lp"
        ),
    ],
    swiftLanguageModes: [.v6]
)
