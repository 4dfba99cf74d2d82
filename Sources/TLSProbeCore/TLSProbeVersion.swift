public enum TLSProbeVersion { public static let current = "0.1.0" }
