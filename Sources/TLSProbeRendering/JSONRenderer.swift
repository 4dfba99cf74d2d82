import FoundationEssentials
import TLSProbeCore

/// JSON output: sorted keys for stable bytes (same input, same output but for times). Written by
/// `ReportJSONEncoder`, which produces the bytes `JSONEncoder` would with
/// `[.sortedKeys, .withoutEscapingSlashes]` (+ `.prettyPrinted`) at a fraction of its cost.
public enum JSONRenderer {
    public static func render<Value: Encodable>(_ value: Value, pretty: Bool = true) -> String {
        guard let bytes = try? ReportJSONEncoder.encode(value, pretty: pretty) else { return "{}" }
        return String(decoding: bytes, as: UTF8.self)
    }
}
