import EnergyModel
import Foundation
import Reports

/// What every command checks of its output paths before it computes anything, so that a
/// wrong path costs nothing and destroys nothing: each output can be written (else exit
/// 1, as when a write fails), and none is another output or an input (else a usage error,
/// exit 2, naming both).
enum OutputChecks {
    /// The `--json` path that means standard output (`run`, `capacity`).
    static let standardOutput = "-"

    /// The one output file `path` of `option` (when given) of a command that reads the
    /// scenario at `file`: writable, and not one of the scenario's files.
    static func output(_ option: String, _ path: String?, reading file: String, _ scenario: Scenario) throws(CommandFailure) {
        try writable([path])
        var paths = OutputPaths(option, path)
        paths.addScenario(file, series: scenario.hourlySeries)
        try distinct(paths)
    }

    /// Each of `paths` given can be written: its folder exists and is writable, it is not
    /// a folder and not an empty path.
    static func writable(_ paths: [String?]) throws(CommandFailure) {
        do {
            for path in paths.compactMap({ $0 }) { try AtomicFile.checkWritable(path) }
        } catch {
            throw failure(error, .invalidInput)
        }
    }

    /// `folder` exists (made now, with the folders above it, when it does not) and the
    /// files `names` in it can be written.
    static func folder(_ folder: String, holding names: [String]) throws(CommandFailure) {
        do {
            try AtomicFile.makeFolder(folder)
        } catch {
            throw failure(error, .invalidInput)
        }
        try writable(names.map { (folder as NSString).appendingPathComponent($0) })
    }

    /// No two outputs of `paths` are one file, and none is one of its inputs.
    static func distinct(_ paths: OutputPaths) throws(CommandFailure) {
        do {
            try paths.check()
        } catch {
            throw failure(error, .usage)
        }
    }

    /// The output folder `path` of `option` is none of the folders `inputs` the command
    /// reads, each named `kind` in the message (a usage error naming both).
    static func apart(_ option: String, _ path: String, from inputs: [String], each kind: String) throws(CommandFailure) {
        let resolved = ResolvedPath(path)
        guard let input = inputs.first(where: { ResolvedPath($0) == resolved }) else { return }
        let error = "\(option) \(path) is \(kind) \(input) (both are \(resolved.text)): expected a folder for \(option) apart from the ones read"
        throw failure(error, .usage)
    }

    private static func failure(_ error: any CustomStringConvertible, _ status: ExitStatus) -> CommandFailure {
        Console.current.err("capsim: \(error)\n")
        return CommandFailure(status: status)
    }
}

extension OutputPaths {
    /// `path` as the output of `option`, when the option is given.
    init(_ option: String, _ path: String?) {
        self.init(outputs: path.map { [File("\(option) \($0)", $0)] } ?? [])
    }

    /// `folder` (given as `option`) as an output folder, and the files it will hold as outputs.
    mutating func addFolder(_ option: String, _ folder: String, holding names: [String]) {
        folders.append(File("\(option) \(folder)", folder))
        outputs += Self.files(names, in: folder, of: "\(option) \(folder)")
    }

    /// The files `names` in `folder`, each labelled as one of `owner`'s.
    static func files(_ names: [String], in folder: String, of owner: String) -> [File] {
        names.map { File("\($0) of \(owner)", (folder as NSString).appendingPathComponent($0)) }
    }

    /// The scenario at `file` as inputs: the file, the files of its `extends:` chain and
    /// the CSV `series` read with it.
    mutating func addScenario(_ file: String, series: [HourlySeries]) {
        inputs.append(File("the scenario \(file)", file))
        inputs += ScenarioSource.files(path: file).dropFirst().map { File("\($0), which the scenario extends", $0) }
        inputs += series.map { File("\($0.file), a series the scenario reads", $0.file) }
    }
}
