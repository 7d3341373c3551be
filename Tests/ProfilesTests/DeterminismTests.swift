import Testing
@testable import Profiles

@Suite struct DeterminismTests {
    @Test func streamsAreReproducibleAndDistinct() {
        var a = RandomStream(seed: 1, year: 2025, series: "wind"), b = RandomStream(seed: 1, year: 2025, series: "wind")
        var c = RandomStream(seed: 1, year: 2025, series: "solar"), d = RandomStream(seed: 2, year: 2025, series: "wind")
        var e = RandomStream(seed: 1, year: 2026, series: "wind")
        let first = (0..<4).map { _ in a.next() }
        #expect(first == (0..<4).map { _ in b.next() })
        #expect(first != (0..<4).map { _ in c.next() })
        #expect(first != (0..<4).map { _ in d.next() })
        #expect(first != (0..<4).map { _ in e.next() })
    }

    /// 100 000 normals: mean 0 and variance 1 within their sampling error.
    @Test func normalsAreStandard() {
        var random = RandomStream(seed: 42, year: 2025, series: "test")
        let n = 100_000
        let x = (0..<n).map { _ in random.normal() }
        let mean = x.reduce(0, +) / Double(n)
        let variance = x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)
        #expect(abs(mean) < 0.02 && abs(variance - 1) < 0.02)
        var ar = [Double](repeating: 0, count: n)
        random.autoregressive(0.9, into: &ar)
        #expect(abs(Support.autocorrelation(ar) - 0.9) < 0.01)
    }

    @Test func sameSeedSameSeriesAnotherSeedOthers() throws {
        let a = try Support.profiles(seed: 9), b = try Support.profiles(seed: 9), c = try Support.profiles(seed: 10)
        #expect(a.load == b.load && a.capacityFactors.map(\.values) == b.capacityFactors.map(\.values))
        #expect(a.inflows.map(\.values) == b.inflows.map(\.values))
        #expect(a.load != c.load)
        #expect(a.capacityFactor(of: "wind") != c.capacityFactor(of: "wind"))
        #expect(a.capacityFactor(of: "solar_centralised") != c.capacityFactor(of: "solar_centralised"))
        #expect(a.inflow(of: "quanmutang_hydro") != c.inflow(of: "quanmutang_hydro"))
    }
}
