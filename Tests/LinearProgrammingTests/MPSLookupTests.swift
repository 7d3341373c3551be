import Testing
@testable import LinearProgramming

/// Names reach their own rows and columns whatever the order: the reader compares a
/// guess first — for a COLUMNS pair the row after the one at the same place in the
/// column before (`MPSParser.rowGuesses`), for a BOUNDS line the last bound's column and
/// the next (`MPSParser.column`) — and keeps the line of each column's bound of each kind
/// in a flat table (`MPSParser.BoundLines`).
@Suite struct MPSLookupTests {
    /// Guesses that hit (B), miss onto another row (C's R3, guessed R2), run past the last
    /// row (C's R0, guessed 4) or follow the objective (D).
    @Test func rowGuessesHitAndMiss() throws {
        let lp = try MPSReader.parse("""
            ROWS
             N  OBJ
             L  R0
             L  R1
             L  R2
             L  R3
            COLUMNS
                A  R0  1  R2  2
                B  R1  3
                B  R3  4
                C  R3  5  R0  6
                D  OBJ  7  R1  8
            RHS
                RHS  R0  1
            ENDATA
            """)
        let m = lp.matrix
        let entries = (0..<4).map { j in (m.columnStarts[j]..<m.columnStarts[j + 1]).map { (m.rowIndices[$0], m.values[$0]) } }
        #expect(entries.map { $0.map(\.0) } == [[0, 2], [1, 3], [0, 3], [1]])
        #expect(entries.map { $0.map(\.1) } == [[1, 2], [3, 4], [6, 5], [8]])
        #expect(lp.objective == [0, 0, 0, 7])
    }

    static let head = "ROWS\n N  OBJ\n L  R\nCOLUMNS\n    A  R  1\n    B  R  1\n    C  R  1\n    D  R  1\nBOUNDS\n"

    @Test func boundsOutOfOrderReachTheirColumns() throws {
        let lp = try MPSReader.parse(Self.head + " UP BND D 4\n UP BND A 1\n LO BND A -1\n LO BND C 3\n UP BND B 2\n LO BND D -4\n FX BND B 2\nENDATA\n")
        #expect(lp.columnLower == [-1, 2, 3, -4])
        #expect(lp.columnUpper == [1, 2, .infinity, 4])
    }

    /// A second bound of one kind on a column is found whichever columns came between.
    @Test func aSecondBoundOfAKindNamesTheFirst() {
        #expect(message(Self.head + " UP BND C 1\n UP BND A 1\n UP BND D 1\n UP BND C 2\nENDATA\n")
            == "<input>:13: error: a second upper bound (UP) for column 'C'; the first is on line 10")
    }

    @Test func anUnknownColumnAfterAKnownOne() {
        #expect(message(Self.head + " UP BND D 1\n UP BND E 1\nENDATA\n") == "<input>:11: error: unknown column 'E'")
    }
}
