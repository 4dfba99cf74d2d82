import FoundationEssentials

/// The JSON writer behind `JSONRenderer`: an `Encoder` over the types' own (synthesized or
/// hand-written) `Encodable` conformances that writes exactly the bytes `JSONEncoder` writes with
/// `[.sortedKeys, .withoutEscapingSlashes]` (and `.prettyPrinted` when pretty), at a fraction of
/// its cost (bench/PROFILE.md, session 6). The rules it copies from swift-foundation on Linux:
/// keys sorted by their UTF-8 bytes; pretty output indents by two spaces, separates a key from its
/// value with " : " and writes an empty array or object as an open bracket, a blank line and the
/// closing bracket at the current indentation; Double and Float as their `description` without a
/// trailing ".0"; strings escape `"`, `\`, \b \f \n \r \t and other controls below 0x20 as \u00xx
/// (lower-case hex), everything else raw; `nil` optionals left out (encodeIfPresent); a value
/// that encodes nothing is an empty object. Tests/TLSProbeCLITests/JSONWriterEqualityTests.swift
/// checks every lab scenario's report and hostile strings against `JSONEncoder` itself.
enum ReportJSONEncoder {
    struct InvalidValue: Error {}

    static func encode<Value: Encodable>(_ value: Value, pretty: Bool) throws -> [UInt8] {
        let node = try JSONNode.encoding(value, codingPath: [])
        var out: [UInt8] = []
        out.reserveCapacity(pretty ? 8192 : 4096)
        write(node, into: &out, pretty: pretty, indent: 0)
        return out
    }

    private static func write(_ node: JSONNode, into out: inout [UInt8], pretty: Bool, indent: Int) {
        switch node.kind {
        case .scalar:
            out.append(contentsOf: node.scalar.utf8)
        case .array:
            out.append(UInt8(ascii: "["))
            if pretty {
                out.append(UInt8(ascii: "\n"))
                var first = true
                for element in node.elements {
                    if !first { out.append(UInt8(ascii: ",")); out.append(UInt8(ascii: "\n")) }
                    first = false
                    writeIndent(indent + 1, into: &out)
                    write(element, into: &out, pretty: true, indent: indent + 1)
                }
                out.append(UInt8(ascii: "\n"))
                writeIndent(indent, into: &out)
            } else {
                var first = true
                for element in node.elements {
                    if !first { out.append(UInt8(ascii: ",")) }
                    first = false
                    write(element, into: &out, pretty: false, indent: 0)
                }
            }
            out.append(UInt8(ascii: "]"))
        case .object:
            out.append(UInt8(ascii: "{"))
            let members = node.members.count > 1
                ? node.members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                : node.members
            if pretty {
                out.append(UInt8(ascii: "\n"))
                var first = true
                for member in members {
                    if !first { out.append(UInt8(ascii: ",")); out.append(UInt8(ascii: "\n")) }
                    first = false
                    writeIndent(indent + 1, into: &out)
                    writeString(member.key, into: &out)
                    out.append(UInt8(ascii: " ")); out.append(UInt8(ascii: ":")); out.append(UInt8(ascii: " "))
                    write(member.node, into: &out, pretty: true, indent: indent + 1)
                }
                out.append(UInt8(ascii: "\n"))
                writeIndent(indent, into: &out)
            } else {
                var first = true
                for member in members {
                    if !first { out.append(UInt8(ascii: ",")) }
                    first = false
                    writeString(member.key, into: &out)
                    out.append(UInt8(ascii: ":"))
                    write(member.node, into: &out, pretty: false, indent: 0)
                }
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeIndent(_ level: Int, into out: inout [UInt8]) {
        for _ in 0..<(level * 2) { out.append(UInt8(ascii: " ")) }
    }

    static func writeString(_ string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(byte)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(byte)
            case 0x08: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "f"))
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0..<0x20:
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                out.append(hexDigit(byte >> 4)); out.append(hexDigit(byte & 0xF))
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    static func quoted(_ string: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(string.utf8.count + 2)
        writeString(string, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func number<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F) throws -> String {
        guard value.isFinite else { throw InvalidValue() }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}

/// One value being encoded: a scalar's finished JSON text, or an array or object whose members
/// are filled in as the containers are written to (reference semantics, as containers need).
final class JSONNode {
    enum Kind { case scalar, array, object }
    var kind: Kind
    var scalar: String = ""
    var elements: [JSONNode] = []
    var members: [(key: String, node: JSONNode)] = []

    init(kind: Kind) { self.kind = kind }
    init(scalar: String) { self.kind = .scalar; self.scalar = scalar }

    static var null: JSONNode { JSONNode(scalar: "null") }
    static var `true`: JSONNode { JSONNode(scalar: "true") }
    static var `false`: JSONNode { JSONNode(scalar: "false") }

    static func string(_ value: String) -> JSONNode { JSONNode(scalar: ReportJSONEncoder.quoted(value)) }

    static func encoding<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONNode {
        if T.self == Data.self, let data = value as? Data { return string(data.base64EncodedString()) }
        if T.self == URL.self, let url = value as? URL { return string(url.absoluteString) }
        let encoder = NodeEncoder(codingPath: codingPath)
        try value.encode(to: encoder)
        return encoder.node ?? JSONNode(kind: .object)
    }

    func set(_ key: String, _ node: JSONNode) {
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].node = node
        } else {
            members.append((key, node))
        }
    }
}

private final class NodeEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var node: JSONNode?

    init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: JSONNode
        if let node, node.kind == .object { object = node } else { object = JSONNode(kind: .object); node = object }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: JSONNode
        if let node, node.kind == .array { array = node } else { array = JSONNode(kind: .array); node = array }
        return UnkeyedNodeContainer(array: array, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleNodeContainer(encoder: self) }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { object.set(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { object.set(key.stringValue, value ? .true : .false) }
    mutating func encode(_ value: String, forKey key: Key) throws { object.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { object.set(key.stringValue, JSONNode(scalar: try ReportJSONEncoder.number(value))) }
    mutating func encode(_ value: Float, forKey key: Key) throws { object.set(key.stringValue, JSONNode(scalar: try ReportJSONEncoder.number(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { object.set(key.stringValue, JSONNode(scalar: String(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { object.set(key.stringValue, JSONNode(scalar: String(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { object.set(key.stringValue, JSONNode(scalar: String(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { object.set(key.stringValue, JSONNode(scalar: String(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { object.set(key.stringValue, JSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { object.set(key.stringValue, JSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { object.set(key.stringValue, JSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { object.set(key.stringValue, JSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { object.set(key.stringValue, JSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { object.set(key.stringValue, JSONNode(scalar: String(value))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        object.set(key.stringValue, try JSONNode.encoding(value, codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONNode(kind: .object)
        object.set(key.stringValue, nested)
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(object: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONNode(kind: .array)
        object.set(key.stringValue, nested)
        return UnkeyedNodeContainer(array: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super", codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue, codingPath: codingPath + [key]) }

    /// What the super class encodes into a keyed or unkeyed container becomes the member `name`.
    private func superEncoder(named name: String, codingPath: [any CodingKey]) -> any Encoder {
        let encoder = NodeEncoder(codingPath: codingPath)
        let placeholder = JSONNode(kind: .object)
        encoder.node = placeholder
        object.set(name, placeholder)
        return encoder
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let array: JSONNode
    let codingPath: [any CodingKey]
    var count: Int { array.elements.count }

    mutating func encodeNil() throws { array.elements.append(.null) }
    mutating func encode(_ value: Bool) throws { array.elements.append(value ? .true : .false) }
    mutating func encode(_ value: String) throws { array.elements.append(.string(value)) }
    mutating func encode(_ value: Double) throws { array.elements.append(JSONNode(scalar: try ReportJSONEncoder.number(value))) }
    mutating func encode(_ value: Float) throws { array.elements.append(JSONNode(scalar: try ReportJSONEncoder.number(value))) }
    mutating func encode(_ value: Int) throws { array.elements.append(JSONNode(scalar: String(value))) }
    mutating func encode(_ value: Int8) throws { array.elements.append(JSONNode(scalar: String(value))) }
    mutating func encode(_ value: Int16) throws { array.elements.append(JSONNode(scalar: String(value))) }
    mutating func encode(_ value: Int32) throws { array.elements.append(JSONNode(scalar: String(value))) }
    mutating func encode(_ value: Int64) throws { array.elements.append(JSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt) throws { array.elements.append(JSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt8) throws { array.elements.append(JSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt16) throws { array.elements.append(JSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt32) throws { array.elements.append(JSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt64) throws { array.elements.append(JSONNode(scalar: String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        array.elements.append(try JSONNode.encoding(value, codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONNode(kind: .object)
        array.elements.append(nested)
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(object: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONNode(kind: .array)
        array.elements.append(nested)
        return UnkeyedNodeContainer(array: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = NodeEncoder(codingPath: codingPath)
        let placeholder = JSONNode(kind: .object)
        encoder.node = placeholder
        array.elements.append(placeholder)
        return encoder
    }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func put(_ node: JSONNode) { encoder.node = node }
    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(value ? .true : .false) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(JSONNode(scalar: try ReportJSONEncoder.number(value))) }
    mutating func encode(_ value: Float) throws { put(JSONNode(scalar: try ReportJSONEncoder.number(value))) }
    mutating func encode(_ value: Int) throws { put(JSONNode(scalar: String(value))) }
    mutating func encode(_ value: Int8) throws { put(JSONNode(scalar: String(value))) }
    mutating func encode(_ value: Int16) throws { put(JSONNode(scalar: String(value))) }
    mutating func encode(_ value: Int32) throws { put(JSONNode(scalar: String(value))) }
    mutating func encode(_ value: Int64) throws { put(JSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt) throws { put(JSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt8) throws { put(JSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt16) throws { put(JSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt32) throws { put(JSONNode(scalar: String(value))) }
    mutating func encode(_ value: UInt64) throws { put(JSONNode(scalar: String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { put(try JSONNode.encoding(value, codingPath: codingPath)) }
}
