import Foundation

/// capsim's JSON documents all read the same: pretty-printed, keys sorted, slashes as they are.
public enum JSONOutput {
    public static func encode(_ document: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }
}
