import Foundation

/// capsim's JSON documents all read the same: pretty-printed, keys sorted, slashes as they
/// are, and ended by a line break, as a text file is (`cat`, `wc -l` and diffs count on it;
/// the files lacked it while standard output had it).
public enum JSONOutput {
    public static func encode(_ document: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document) + Data("\n".utf8)
    }
}
