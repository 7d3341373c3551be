import Foundation
import LinearProgramming
import SyntheticDispatch
import Testing
@testable import CapsimCommands

/// `capsim lp solve`: text, JSON and solution CSV, and the exit statuses.
@Suite struct LPCommandTests: CommandRunner {
    /// min −x − y, x + 2y ≤ 4, 3x + y ≤ 6: optimum −2.8 at (1.6, 1.2).
    static let small = """
        NAME          SMALL
        ROWS
         N  COST
         L  LIM1
         L  LIM2
        COLUMNS
            X         COST      -1.0       LIM1      1.0
            X         LIM2      3.0
            Y         COST      -1.0       LIM1      2.0
            Y         LIM2      1.0
        RHS
            RHS       LIM1      4.0        LIM2      6.0
        ENDATA
        """

    func write(_ text: String) throws -> String {
        let file = try temporaryFolder().appendingPathComponent("lp.mps")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func textReportsStatusObjectiveAndPath() throws {
        let result = capsim("lp", "solve", try write(Self.small))
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("status      optimal") })
        let objective = try #require(lines.first { $0.hasPrefix("objective") }?.split(separator: " ").last.flatMap { Double($0) })
        #expect(abs(objective + 2.8) < 1e-8)
        #expect(lines.contains("path        dense"))
        #expect(lines.contains { $0.hasPrefix("problem     SMALL") && $0.contains("2 rows, 2 columns, 4 nonzeros") })
    }

    @Test func jsonAndSolutionCSV() throws {
        let folder = try temporaryFolder()
        let csv = folder.appendingPathComponent("solution.csv")
        let result = capsim("lp", "solve", try write(Self.small), "--json", "--solution", csv.path, "--path", "banded")
        #expect(result.status == 0, "\(result.err)")
        let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as! [String: Any]
        #expect(object["schema"] as? String == "capsim.lp/1")
        #expect(object["status"] as? String == "optimal")
        #expect(object["path"] as? String == "banded")
        #expect(abs((object["objective"] as! Double) + 2.8) < 1e-8)
        #expect((object["iterations"] as! Int) > 0 && (object["seconds"] as! Double) >= 0)
        let rows = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n")
        #expect(rows.first == "kind,name,value,dual")
        let x = try #require(rows.first { $0.hasPrefix("column,X,") }?.split(separator: ",")[2]).flatMap { Double($0) }
        #expect(abs(x! - 1.6) < 1e-7)
        let dual = try #require(rows.first { $0.hasPrefix("row,LIM1,") }?.split(separator: ",")[3]).flatMap { Double($0) }
        #expect(abs(dual! + 0.4) < 1e-7)
    }

    /// MPS names may hold a comma or a quote; the solution CSV quotes them (RFC 4180).
    @Test func solutionCSVQuotesNames() throws {
        let rows = try solutionRows("ROWS\n N  COST\n L  r,1\nCOLUMNS\n    \"q\"  COST  1  r,1  1\nRHS\n    RHS  r,1  4\nENDATA\n")
        #expect(rows.count == 3)
        #expect(rows[1].hasPrefix("column,\"\"\"q\"\"\","))
        #expect(rows[2].hasPrefix("row,\"r,1\","))
    }

    /// A column fixed at −0 (presolve keeps the bound's sign) is written as 0, not −0.
    @Test func solutionCSVWritesNoNegativeZero() throws {
        let rows = try solutionRows("ROWS\n N  obj\n L  c1\nCOLUMNS\n    x  obj  -1  c1  1\nRHS\n    rhs  c1  5\nBOUNDS\n FX b x -0\nENDATA\n")
        #expect(rows.contains("column,x,0,-1"), "\(rows)")
        #expect(!rows.joined().contains("-0,") && !rows.contains { $0.hasSuffix(",-0") }, "\(rows)")
    }

    /// The lines of the `--solution` CSV of `lp solve` on `mps`, which must solve.
    private func solutionRows(_ mps: String) throws -> [Substring] {
        let csv = try temporaryFolder().appendingPathComponent("solution.csv")
        let result = capsim("lp", "solve", try write(mps), "--solution", csv.path)
        #expect(result.status == 0, "\(result.err)")
        return try String(contentsOf: csv, encoding: .utf8).split(separator: "\n")
    }

    /// The last iterate of an infeasible solve was written as a solution (row duals of
    /// 10⁸ on their way to a ray); now nothing is written, and standard error says why.
    @Test func noSolutionIsWrittenWithoutAnOptimum() throws {
        let csv = try temporaryFolder().appendingPathComponent("solution.csv")
        let mps = "ROWS\n N  COST\n G  low\n L  high\nCOLUMNS\n    x  COST  1  low  1\n    x  high  1\nRHS\n    RHS  low  5  high  3\nENDATA\n"
        let result = capsim("lp", "solve", try write(mps), "--solution", csv.path)
        #expect(result.status == 4, "\(result.err)")
        #expect(result.err.contains("capsim: --solution \(csv.path) not written: the LP has no optimal solution (primal infeasible)"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: csv.path))
    }

    /// An LP whose rows are all removed is settled before any iteration: the path is the
    /// one asked for and the three measures are null, as docs/json.md says.
    @Test func lpWithoutRowsReportsNoPathAndNoMeasures() throws {
        let file = try write("NAME NOROWS\nROWS\n N  obj\nCOLUMNS\n    x  obj  1\n    y  obj  -1\nBOUNDS\n LO bnd x 1\n UP bnd y 4\nENDATA\n")
        for path in ["automatic", "dense"] {
            let result = capsim("lp", "solve", file, "--json", "--path", path)
            #expect(result.status == 0, "\(result.err)")
            let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as! [String: Any]
            #expect(object["objective"] as? Double == -3)
            #expect(object["iterations"] as? Int == 0)
            #expect(object["path"] as? String == path)
            for key in ["primal_infeasibility", "dual_infeasibility", "gap"] { #expect(object[key] is NSNull, "\(key)") }
        }
        #expect(!capsim("lp", "solve", file).out.contains("residuals"))
    }

    /// A capacity K in each of 40 hours' rows (`SyntheticDispatch.capacityProblem`): read
    /// from MPS, K is a dense column, reported as such, and the optimum is the dense path's.
    @Test func denseColumnIsReported() throws {
        let file = try write(MPSWriter.text(SyntheticDispatch.capacityProblem(hours: 40, stages: false)))
        let result = capsim("lp", "solve", file, "--json"), dense = capsim("lp", "solve", file, "--json", "--path", "dense")
        #expect(result.status == 0 && dense.status == 0, "\(result.err)\(dense.err)")
        let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as! [String: Any]
        let reference = try JSONSerialization.jsonObject(with: Data(dense.out.utf8)) as! [String: Any]
        #expect(object["path"] as? String == "bordered" && object["dense_columns"] as? Int == 1)
        #expect(reference["dense_columns"] as? Int == 0)
        let (value, expected) = (object["objective"] as! Double, reference["objective"] as! Double)
        #expect(abs(value - expected) <= 1e-8 * abs(expected), "\(value) vs \(expected)")
        #expect(capsim("lp", "solve", file).out.contains("dense       1 column kept out of the band"))
    }

    @Test func infeasibleExitsFour() throws {
        let text = Self.small.replacingOccurrences(of: " L  LIM2", with: " G  LIM2").replacingOccurrences(of: "LIM2      6.0", with: "LIM2      60.0")
            .replacingOccurrences(of: "RHS       LIM1      4.0", with: "RHS       LIM1      -4.0")
        let result = capsim("lp", "solve", try write(text))
        #expect(result.status == 4, "\(result.out)")
        #expect(result.out.contains("status      primal infeasible"))
    }

    @Test func badFileExitsOneWithItsLine() throws {
        let result = capsim("lp", "solve", try write(Self.small.replacingOccurrences(of: "3.0", with: "three")))
        #expect(result.status == 1)
        #expect(result.err.contains("lp.mps:8: error:"))
    }

    /// A bound of 1e20 or more that leaves a column no value is the reader's error, with
    /// its line, not an invalid problem once the solve has begun.
    @Test func infiniteBoundThatLeavesNoValueExitsOne() throws {
        let file = try write(Self.small.replacingOccurrences(of: "ENDATA", with: "BOUNDS\n UP BND X -1e30\nENDATA"))
        let result = capsim("lp", "solve", file)
        #expect(result.status == 1, "\(result.out)")
        #expect(result.err == "\(file):14: error: bound type UP of -1e30 (−∞: 1e20 or more in size is infinite) leaves column X no value (MI and PL set an infinite bound)\n")
    }

    /// The reader's warnings go to standard error with their lines, and stay out of the
    /// report and its JSON, whose keys are those of a file without them.
    @Test func readerWarningsGoToStandardError() throws {
        let file = try write(Self.small.replacingOccurrences(of: "ENDATA", with: "BOUNDS\n UI BND X 1\n UP BND Y -1\n UP OTHER Y 1\nENDATA"))
        let result = capsim("lp", "solve", file, "--json")
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err == """
            \(file):14: warning: this line is read as the LP relaxation: integrality (MARKER, BV, LI, UI) is ignored
            \(file):15: warning: this negative upper bound makes column 'Y' unbounded below (lower bound −∞, not 0), as no BOUNDS line gives it a lower bound; write MI to say so, or LO 0 to keep 0
            \(file):16: warning: this BOUNDS entry is ignored: only the first set, 'BND', is used

            """)
        let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as! [String: Any]
        let plain = try JSONSerialization.jsonObject(with: Data(capsim("lp", "solve", try write(Self.small), "--json").out.utf8)) as! [String: Any]
        #expect(Set(object.keys) == Set(plain.keys))
        #expect(abs(object["objective"] as! Double) < 1e-8)
        #expect(!capsim("lp", "solve", file).out.contains("warning"))
        #expect(capsim("lp", "solve", try write(Self.small)).err.isEmpty)
    }

    /// An explicit LO 0 then a negative UP leaves the bounds crossed, not the column
    /// unbounded below: the solve reports an invalid problem, and the warning names the line.
    @Test func crossedBoundsAreNamedByTheirLine() throws {
        let file = try write(Self.small.replacingOccurrences(of: "ENDATA", with: "BOUNDS\n LO BND X 0\n UP BND X -1\nENDATA"))
        let result = capsim("lp", "solve", file)
        #expect(result.status == 4, "\(result.out)")
        #expect(result.out.contains("status      invalid problem (column X has bounds [0.0, -1.0])"))
        #expect(result.err == "\(file):15: warning: this line leaves column 'X' with bounds [0.0, -1.0], the lower above the upper (the solve reports an invalid problem)\n")
    }

    /// A second bound of one type for a column is refused at its line, naming the first.
    @Test func boundGivenTwiceExitsOne() throws {
        let file = try write(Self.small.replacingOccurrences(of: "ENDATA", with: "BOUNDS\n UP BND X 5\n UP BND X 3\nENDATA"))
        let result = capsim("lp", "solve", file)
        #expect(result.status == 1, "\(result.out)")
        #expect(result.err == "\(file):15: error: a second upper bound (UP) for column 'X'; the first is on line 14\n")
    }

    @Test func unknownPathIsAUsageError() throws {
        let result = capsim("lp", "solve", try write(Self.small), "--path", "sideways")
        #expect(result.status == 2)
        #expect(result.err.contains("--path sideways is not one of banded, bordered, dense, automatic"))
    }

    /// Each option out of its range is named alone, with what it must be.
    /// `--correctors 99999999999` counted through every corrector allowed in every
    /// iteration (a `where` clause that skipped them): the solve never ended. Correctors
    /// stop once the step is long, so any K solves as quickly.
    @Test(.timeLimit(.minutes(1))) func manyCorrectorsAllowedEndAsFewDo() throws {
        let file = try write(Self.small)
        let few = capsim(["lp", "solve", file, "--correctors", "3", "--json"]), many = capsim(["lp", "solve", file, "--correctors", "99999999999", "--json"])
        #expect(few.status == 0 && many.status == 0, "\(many.err)")
        func objective(_ json: String) -> String? { json.split(separator: "\n").first { $0.contains("\"objective\"") }.map(String.init) }
        #expect(objective(many.out) != nil && objective(many.out) == objective(few.out))
    }

    @Test func toleranceAndIterationLimitAreChecked() throws {
        let file = try write(Self.small)
        let cases = [
            (["--tolerance", "0"], "--tolerance must be at least 1e-15 (the most double precision can reach) and below 1 (found 0.0)"),
            (["--tolerance=-1e-9"], "--tolerance must be at least 1e-15 (the most double precision can reach) and below 1 (found -1e-09)"),
            // No solve meets 1e-16: afiro ended in numerical trouble with its residuals at 1.6e-15.
            (["--tolerance", "1e-16"], "--tolerance must be at least 1e-15 (the most double precision can reach) and below 1 (found 1e-16)"),
            (["--max-iterations", "0"], "--max-iterations must be at least 1 (found 0)"),
            (["--threads", "3", "--correctors=-1"], "--correctors must be at least 0 (found -1); --threads must be 1 or 2 (found 3)"),
            // A negative value written apart from its option was "Missing value for '--tolerance'".
            (["--tolerance", "-1", "--max-iterations", "-5", "--correctors", "-1"],
             "--tolerance must be at least 1e-15 (the most double precision can reach) and below 1 (found -1.0); --max-iterations must be at least 1 (found -5); --correctors must be at least 0 (found -1)"),
        ]
        for (arguments, message) in cases {
            let result = capsim(["lp", "solve", file] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.err == "capsim: \(message)\n")
            #expect(result.out.isEmpty)
        }
    }
}
