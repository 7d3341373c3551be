import Foundation
import Testing
@testable import LinearProgramming

/// The Netlib LPs in `../shared/netlib/` (next to the repository), each solved to the
/// optimum listed in that folder's README within 1e-6 relative, with and without Gondzio
/// correctors. Skipped, with a message, when the folder is absent (a plain clone has no
/// `../shared`).
@Suite struct NetlibTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/netlib")
    static let present = FileManager.default.fileExists(atPath: folder.appendingPathComponent("README.md").path)

    /// (problem, optimal objective) from the README's table `| name | rows | columns | objective |`.
    static let optima: [(String, Double)] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 4, let value = Double(cells[3]) else { return nil }
            return (cells[0], value)
        }
    }()

    @Test(.enabled(if: present, "../shared/netlib is absent: the Netlib tests need it next to the repository"))
    func readmeListsTheProblems() {
        #expect(Self.optima.count >= 15)
    }

    @Test(.enabled(if: present, "../shared/netlib is absent: the Netlib tests need it next to the repository"),
          arguments: optima.map(\.0))
    func solvesToThePublishedOptimum(_ name: String) throws {
        let expected = try #require(Self.optima.first { $0.0 == name }?.1)
        let lp = try MPSReader.read(path: Self.folder.appendingPathComponent("\(name).mps").path)
        var options = SolverOptions()
        for correctors in [0, 2] {
            options.correctors = correctors
            let solution = InteriorPointSolver.solve(lp, options: options)
            #expect(solution.status == .optimal, "\(name), \(correctors) correctors: \(solution.message)")
            #expect(abs(solution.objective - expected) <= 1e-6 * max(1, abs(expected)),
                    "\(name), \(correctors) correctors: \(solution.objective) vs \(expected)")
        }
    }

    /// israel has six dense columns (`DenseColumns`): through the bordered path they are
    /// eliminated apart (`DenseColumnBlock`), and the solves, refined by
    /// `NormalRefinement`, still reach the optimum — without the refinement the iterations
    /// stalled at a relative primal infeasibility of 10⁻⁶ and diverged.
    @Test(.enabled(if: present, "../shared/netlib is absent: the Netlib tests need it next to the repository"))
    func denseColumnsEliminatedApartReachTheOptimum() throws {
        let expected = try #require(Self.optima.first { $0.0 == "israel" }?.1)
        let lp = try MPSReader.read(path: Self.folder.appendingPathComponent("israel.mps").path)
        var options = SolverOptions()
        options.path = .bordered
        for correctors in [0, 2] {
            options.correctors = correctors
            let solution = InteriorPointSolver.solve(lp, options: options)
            #expect(solution.status == .optimal, "\(correctors) correctors: \(solution.message)")
            #expect(abs(solution.objective - expected) <= 1e-6 * abs(expected), "\(correctors) correctors: \(solution.objective) vs \(expected)")
        }
    }

    /// Written as MPS, read back and solved again: the same optimum.
    @Test(.enabled(if: present, "../shared/netlib is absent: the Netlib tests need it next to the repository"),
          arguments: ["afiro", "sc50a", "boeing2"])
    func roundTripThroughMPSKeepsTheOptimum(_ name: String) throws {
        let lp = try MPSReader.read(path: Self.folder.appendingPathComponent("\(name).mps").path)
        let again = try MPSReader.parse(MPSWriter.text(lp), file: "\(name)-written.mps")
        let first = InteriorPointSolver.solve(lp), second = InteriorPointSolver.solve(again)
        #expect(first.status == .optimal && second.status == .optimal)
        #expect(abs(first.objective - second.objective) <= 1e-9 * max(1, abs(first.objective)))
    }
}
