import Foundation
@testable import CapsimCommands

/// Runs the CLI in-process with a collecting console, for the command test suites.
protocol CommandRunner {}

extension CommandRunner {
    static var scenarios: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scenarios")
    }

    static func path(_ name: String) -> String { scenarios.appendingPathComponent(name).path }

    /// Runs capsim with `arguments`; returns exit status, standard output and standard error.
    func capsim(_ arguments: String...) -> (status: Int32, out: String, err: String) { capsim(arguments) }

    func capsim(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
        let console = Console(collecting: true)
        let status = Console.$current.withValue(console) { CapsimMain.run(arguments) }
        return (status, console.standardOutput, console.standardError)
    }

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
