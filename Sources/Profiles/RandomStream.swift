import Foundation

/// A reproducible stream of random numbers: xoshiro256** (Blackman and Vigna, 2018),
/// its state filled by SplitMix64 from a key of (weather seed, year, series name).
///
/// Why not `SystemRandomNumberGenerator` or `Hasher`: both differ from run to run, and
/// capsim's weather must be byte-identical for a given seed on every machine. The
/// series name is hashed with FNV-1a, so each series of a year draws from its own
/// stream and adding a series never changes the others.
struct RandomStream {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    private var spareNormal: Double?

    init(seed: UInt64, year: Int, series: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in series.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        var mix = seed ^ (UInt64(bitPattern: Int64(year)) &* 0x9E37_79B9_7F4A_7C15) ^ hash
        func splitMix() -> UInt64 {
            mix &+= 0x9E37_79B9_7F4A_7C15
            var z = mix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform on the open interval (0, 1): 53 random bits, offset by half a step.
    mutating func uniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// Standard normal, by the Box–Muller transform (two values per pair of uniforms).
    mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        let radius = (-2 * log(uniform())).squareRoot(), angle = 2 * Double.pi * uniform()
        spareNormal = radius * sin(angle)
        return radius * cos(angle)
    }

    /// A stationary AR(1) process with unit variance: zₜ = φ zₜ₋₁ + √(1 − φ²) εₜ,
    /// written into `buffer`. Starts from its stationary distribution.
    mutating func autoregressive(_ phi: Double, into buffer: inout [Double]) {
        let innovation = (1 - phi * phi).squareRoot()
        var z = normal()
        for i in buffer.indices {
            buffer[i] = z
            z = phi * z + innovation * normal()
        }
    }
}
