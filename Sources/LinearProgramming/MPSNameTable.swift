/// Row or column names to numbers, looked up by their bytes in the MPS text without
/// making a String.
///
/// A large file has a lookup or two on each of its hundreds of thousands of lines, at
/// random places in a table too big for the cache, so the time goes into memory misses.
/// Each slot therefore holds what a lookup needs — the name's first eight bytes, its length
/// and its value — and only a name longer than eight bytes is compared further, in the text
/// where it was first written (which must outlive the table's use). Open addressing with
/// linear probing, at most half full. Names are never empty, so length 0 marks a free slot.
struct MPSNameTable {
    private struct Slot {
        var prefix: UInt64 = 0
        var start = 0
        var length = 0
        var value = 0
    }

    private var slots: [Slot]
    private var count = 0

    /// A table that holds `minimumCapacity` names without growing.
    init(minimumCapacity: Int) {
        var size = 64
        while size < 2 * minimumCapacity { size *= 2 }
        slots = [Slot](repeating: Slot(), count: size)
    }

    func value(of name: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let (prefix, hash) = Self.prefixAndHash(name, in: bytes)
        let mask = slots.count - 1
        var index = hash & mask
        while slots[index].length != 0 {
            if matches(slots[index], name, prefix: prefix, in: bytes) { return slots[index].value }
            index = (index + 1) & mask
        }
        return nil
    }

    private func matches(_ slot: Slot, _ name: Range<Int>, prefix: UInt64, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard slot.prefix == prefix, slot.length == name.count else { return false }
        var offset = 8
        while offset < slot.length, bytes[slot.start + offset] == bytes[name.lowerBound + offset] { offset += 1 }
        return offset >= slot.length
    }

    /// Adds a non-empty name with its value, or returns false if the name is there already.
    @discardableResult
    mutating func insert(_ name: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, value: Int) -> Bool {
        if 2 * (count + 1) > slots.count { grow(in: bytes) }
        let (prefix, hash) = Self.prefixAndHash(name, in: bytes)
        let mask = slots.count - 1
        var index = hash & mask
        while slots[index].length != 0 {
            if matches(slots[index], name, prefix: prefix, in: bytes) { return false }
            index = (index + 1) & mask
        }
        slots[index] = Slot(prefix: prefix, start: name.lowerBound, length: name.count, value: value)
        count += 1
        return true
    }

    private mutating func grow(in bytes: UnsafeBufferPointer<UInt8>) {
        let old = slots
        slots = [Slot](repeating: Slot(), count: 2 * old.count)
        let mask = slots.count - 1
        for slot in old where slot.length != 0 {
            var index = Self.prefixAndHash(slot.start..<slot.start + slot.length, in: bytes).hash & mask
            while slots[index].length != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }

    /// The first eight bytes packed first byte lowest, and a hash of all the bytes: FNV-1a
    /// over the rest, mixed with the prefix by the splitmix64 finaliser so that every byte
    /// reaches the low bits the mask keeps.
    private static func prefixAndHash(_ name: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> (prefix: UInt64, hash: Int) {
        var prefix: UInt64 = 0
        var index = name.lowerBound
        let head = min(name.upperBound, name.lowerBound + 8)
        while index < head {
            prefix |= UInt64(bytes[index]) << (8 * UInt64(index - name.lowerBound))
            index += 1
        }
        var hash = prefix
        while index < name.upperBound {
            hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3
            index += 1
        }
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        return (prefix, Int(truncatingIfNeeded: hash ^ (hash >> 31)))
    }
}
