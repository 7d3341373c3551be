import Foundation
import LinearProgramming
import Reports

/// How `capsim lp solve` shows a result: text for a terminal, JSON (`capsim.lp/1`) for
/// scripts, and a CSV of the solution. Text and CSV numbers are printed with 17
/// significant digits, JSON's as the shortest text that reads back the same double.
enum LPSolveReport {
    static func text(_ s: LPSolution, lp: LinearProgram, file: String) -> String {
        var lines = [
            "problem     \(lp.name) (\(file)): \(lp.rowCount) rows, \(lp.columnCount) columns, \(lp.matrix.nonzeroCount) nonzeros",
            "status      \(s.status.rawValue) (\(s.message))",
            "objective   \(s.status == .optimal ? full(s.objective) : "none")",
            "iterations  \(s.iterations)" + (s.auxiliaryIterations > 0 ? " (and \(s.auxiliaryIterations) in auxiliary LPs that checked the status)" : ""),
            "seconds     \(String(format: "%.6f", s.seconds))",
            "path        \(s.path.rawValue)",
        ]
        if s.denseColumns > 0 {
            lines.append("dense       \(s.denseColumns) column\(s.denseColumns == 1 ? "" : "s") kept out of the band and eliminated apart")
        }
        if s.primalInfeasibility.isFinite {
            lines.append("residuals   primal \(short(s.primalInfeasibility)), dual \(short(s.dualInfeasibility)), gap \(short(s.gap)) (relative, scaled problem)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `capsim.lp/1` document, written as capsim's other JSON files are (`JSONOutput`:
    /// keys sorted, indented); numbers as doubles read back exactly, `null` where not finite.
    static func json(_ s: LPSolution, lp: LinearProgram, file: String) throws -> String {
        let document = Document(
            problem: lp.name, file: file, rows: lp.rowCount, columns: lp.columnCount, nonzeros: lp.matrix.nonzeroCount,
            status: s.status.rawValue, message: s.message, objective: Number(value: s.status == .optimal ? s.objective : nil),
            iterations: s.iterations, auxiliaryIterations: s.auxiliaryIterations, seconds: s.seconds, path: s.path.rawValue,
            denseColumns: s.denseColumns, primalInfeasibility: Number(value: s.primalInfeasibility),
            dualInfeasibility: Number(value: s.dualInfeasibility), gap: Number(value: s.gap))
        return String(decoding: try JSONOutput.encode(document), as: UTF8.self)
    }

    /// The keys of `capsim.lp/1` (see docs/json.md).
    struct Document: Encodable {
        var schema = "capsim.lp/1"
        let problem: String, file: String
        let rows: Int, columns: Int, nonzeros: Int
        let status: String, message: String
        let objective: Number
        let iterations: Int, auxiliaryIterations: Int
        let seconds: Double
        let path: String
        let denseColumns: Int
        let primalInfeasibility: Number, dualInfeasibility: Number, gap: Number

        enum CodingKeys: String, CodingKey {
            case schema, problem, file, rows, columns, nonzeros, status, message, objective, iterations, seconds, path, gap
            case auxiliaryIterations = "auxiliary_iterations", denseColumns = "dense_columns"
            case primalInfeasibility = "primal_infeasibility", dualInfeasibility = "dual_infeasibility"
        }
    }

    /// A number, or `null` when there is none or it is not finite.
    struct Number: Encodable {
        let value: Double?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if let value, value.isFinite { try container.encode(value) } else { try container.encodeNil() }
        }
    }

    /// `kind,name,value,dual`: columns with value and reduced cost, rows with activity and
    /// dual. A name is quoted when it needs to be, as MPS names may hold a comma or a quote.
    static func csv(_ s: LPSolution, lp: LinearProgram) -> String {
        var text = "kind,name,value,dual\n"
        for j in 0..<lp.columnCount { text += "column,\(CSVField.quoted(lp.columnNames[j])),\(full(s.x[j])),\(full(s.reducedCosts[j]))\n" }
        for i in 0..<lp.rowCount { text += "row,\(CSVField.quoted(lp.rowNames[i])),\(full(s.rowActivity[i])),\(full(s.rowDuals[i]))\n" }
        return text
    }

    /// 17 significant digits; −0 (a zero that rounding reached from below) as 0.
    private static func full(_ v: Double) -> String { String(format: "%.17g", v == 0 ? 0 : v) }
    private static func short(_ v: Double) -> String { String(format: "%.1e", v) }
}
