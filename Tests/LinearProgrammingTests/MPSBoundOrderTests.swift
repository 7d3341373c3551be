import Testing
@testable import LinearProgramming

/// BOUNDS lines in any order reach their own columns: the reader tries the last bound's
/// column and the next before its name table (`MPSParser.column`), and keeps the line of
/// each column's bound of each kind in a flat table (`MPSParser.BoundLines`).
@Suite struct MPSBoundOrderTests {
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
