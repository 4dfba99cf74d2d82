import FoundationEssentials

/// The reason a file could not be read or written, in the words the full Foundation's
/// `NSError.localizedFailureReason` used for FoundationEssentials' `CocoaError`s (the full
/// Foundation is not linked: issue 17), so messages stay as they were.
enum FileErrorText {
    static func reason(_ error: any Error) -> String {
        guard let cocoa = error as? CocoaError else { return "\(error)" }
        switch cocoa.code {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "The file doesn’t exist."
        case .fileLocking: return "The file couldn’t be locked."
        case .fileReadNoPermission, .fileWriteNoPermission: return "You don’t have permission."
        case .fileReadInvalidFileName, .fileWriteInvalidFileName: return "The file name is invalid."
        case .fileReadCorruptFile: return "The file isn’t in the correct format."
        case .fileReadInapplicableStringEncoding, .fileWriteInapplicableStringEncoding: return "The specified text encoding isn’t applicable."
        case .fileReadUnsupportedScheme, .fileWriteUnsupportedScheme: return "The specified URL type isn’t supported."
        case .fileReadTooLarge: return "The item is too large."
        case .fileReadUnknownStringEncoding: return "The text encoding of the contents couldn’t be determined."
        case .fileWriteFileExists: return "A file with the same name already exists."
        case .fileWriteOutOfSpace: return "There isn’t enough space."
        case .fileWriteVolumeReadOnly: return "The volume is read only."
        default: return "The operation could not be completed. (NSCocoaErrorDomain error \(cocoa.code.rawValue).)"
        }
    }
}
