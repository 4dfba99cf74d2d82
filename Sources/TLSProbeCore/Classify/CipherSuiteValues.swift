/// Values in a ClientHello's cipher_suites list that are not cipher suites: the renegotiation
/// SCSV (0x00FF, RFC 5746), the fallback SCSV (0x5600, RFC 7507) and GREASE (0x?A?A, RFC 8701).
/// The probe's client_hello line and the lab's connection log count suites with this one rule.
public enum CipherSuiteValues {
    public static func isSignalling(_ value: UInt16) -> Bool {
        value == 0x00FF || value == 0x5600 || (value & 0x0F0F == 0x0A0A && value >> 8 == value & 0xFF)
    }

    /// The number of real cipher suites in a big-endian list of 16-bit values.
    public static func count(in bytes: some Collection<UInt8>) -> Int {
        var count = 0
        var iterator = bytes.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            if !isSignalling(UInt16(high) << 8 | UInt16(low)) { count += 1 }
        }
        return count
    }
}
