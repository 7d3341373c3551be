import Foundation

/// What one solve leaves for the next solve of an LP with the same matrix: the scale
/// factors, the row ordering and structure of the normal equations (`NormalEquations`),
/// and the iteration workspace (`MehrotraIterations`).
///
/// The LPs of a sweep over storage sizes differ only in bounds, costs and right-hand
/// sides, and so do many consecutive years of a projection (2023–2026 of the default
/// scenario share one matrix): their solves skip the scaling passes, the ordering and
/// the allocation of some 30 vectors. Whether the matrix is the same is checked entry by
/// entry, on the standard form before scaling, so a session can be handed any LP; it
/// keeps the last matrix it saw. A session serves one solve at a time (a lock makes
/// callers on other threads wait): give each thread its own.
public final class SolverSession: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: Kept?
    private var reused = 0

    struct Kept {
        var scaled: StandardForm.Scaled
        var stages: [Int]?
        var path: KKTPath
        var denseLimit: Int
        var iterations: MehrotraIterations
    }

    public init() {}

    /// Solves that took the previous solve's setup.
    public var reuses: Int { lock.withLock { reused } }

    /// Runs `body` with the kept setup, holding the session. `body` replaces it (setting
    /// it to nil first when it cannot be used, so that its memory is free before a new
    /// setup is made) and says whether it was used.
    func with<T>(_ body: (inout Kept?) -> (T, reused: Bool)) -> T {
        lock.withLock {
            var taken = kept
            kept = nil
            let (result, used) = body(&taken)
            kept = taken
            if used { reused += 1 }
            return result
        }
    }
}
