import Foundation
import Testing
@testable import TLSProbeCore

/// RFC3339.string pads by hand (it runs per probe); these pin the padding and the rounding.
@Suite struct RFC3339Tests {
    @Test func epochIsZeroPadded() {
        #expect(RFC3339.string(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }

    @Test func fractionalSecondsRoundDown() {
        #expect(RFC3339.string(Date(timeIntervalSince1970: 1_700_000_000.9)) == "2023-11-14T22:13:20Z")
    }

    @Test func singleDigitFieldsArePadded() {
        // 2001-02-03 04:05:06 UTC
        #expect(RFC3339.string(Date(timeIntervalSince1970: 981_173_106)) == "2001-02-03T04:05:06Z")
        #expect(RFC3339.readable(Date(timeIntervalSince1970: 981_173_106)) == "2001-02-03 04:05:06 UTC")
    }
}
