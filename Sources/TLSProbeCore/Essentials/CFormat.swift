#if canImport(Glibc)
import Glibc
#endif

/// printf-style formatting through the C library, for the few places that need "%.3f" or
/// "0x%04x". Foundation's `String(format:)` lives in the full Foundation (CFString, locales, ICU),
/// which tlsprobe does not link: it uses FoundationEssentials only (issue 17: start-up cost and
/// binary size). The C library formats in the "C" locale, as `String(format:)` without a locale
/// did, so the text is the same.
public func cFormat(_ format: String, _ arguments: any CVarArg...) -> String {
    withVaList(arguments) { list in
        var buffer = [CChar](repeating: 0, count: 64)
        // vsnprintf consumes the va_list: copy it for the second call when the first was short.
        let needed = withVaList(arguments) { vsnprintf(&buffer, buffer.count, format, $0) }
        if needed < 0 { return "" }
        if Int(needed) >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(needed) + 1)
            _ = vsnprintf(&buffer, buffer.count, format, list)
        }
        return String(decoding: buffer.prefix(Int(needed)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
