#if canImport(Glibc)
import Glibc
#endif

/// Reads a text file one line at a time with getline(3), so a targets file of any length costs
/// one line of memory. `-` is standard input.
final class LineReader {
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0
    let path: String
    private(set) var lineNumber = 0

    init(path: String) throws(ProbeSetupError) {
        self.path = path
        // `-` opens a second stream on descriptor 0 (the C global `stdin` is not concurrency-safe).
        guard let opened = path == "-" ? fdopen(0, "r") : fopen(path, "r") else {
            throw .inputFile("cannot read targets file '\(SafeText.escape(path))': \(String(cString: strerror(errno)))")
        }
        file = opened
    }

    deinit {
        free(buffer)
        fclose(file)
    }

    /// The next line without its line break, or nil at the end of the file.
    func next() throws(ProbeSetupError) -> String? {
        errno = 0
        let length = getline(&buffer, &capacity, file)
        guard length >= 0, let buffer else {
            if ferror(file) != 0 {
                throw .inputFile("cannot read targets file '\(SafeText.escape(path))': \(String(cString: strerror(errno)))")
            }
            return nil
        }
        lineNumber += 1
        var end = length
        while end > 0 && (buffer[end - 1] == 0x0A || buffer[end - 1] == 0x0D) { end -= 1 }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: end) { String(decoding: UnsafeBufferPointer(start: $0, count: end), as: UTF8.self) }
    }
}
