// swift-tools-version:6.1
import PackageDescription

// Target graph: tlsprobe (exe) → TLSProbeRendering → TLSProbeCore → CTLSProbeShims → COpenSSL.
// TLSProbeLab (broken servers in a box, shared by tests, `tlsprobe lab` and `tlsprobe demo`)
// depends on the core only for the diagnosis ids it promises.
let package = Package(
    name: "tlsprobe",
    products: [
        .executable(name: "tlsprobe", targets: ["tlsprobe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .target(
            name: "CTLSProbeShims",
            dependencies: ["COpenSSL"],
            cSettings: [.define("OPENSSL_API_COMPAT", to: "30000"), .define("OPENSSL_NO_DEPRECATED")]
        ),
        .target(name: "TLSProbeCore", dependencies: ["COpenSSL", "CTLSProbeShims"]),
        .target(name: "TLSProbeRendering", dependencies: ["TLSProbeCore"]),
        .target(name: "TLSProbeLab", dependencies: ["COpenSSL", "CTLSProbeShims", "TLSProbeCore"]),
        .executableTarget(
            name: "tlsprobe",
            dependencies: [
                "TLSProbeCore", "TLSProbeRendering", "TLSProbeLab",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzz harness (see scripts/fuzz.sh); a plain build replays corpora and random inputs.
        .executableTarget(name: "tlsprobe-fuzz", dependencies: ["TLSProbeCore"]),
        // One test support for every test target: the pipe-safe process runner, temporary
        // directories removed at exit, the lab PKI fixture, the built binary's location.
        .target(name: "TLSProbeTestSupport", dependencies: ["TLSProbeLab"], path: "Tests/TLSProbeTestSupport"),
        .testTarget(name: "TLSProbeCoreTests", dependencies: ["TLSProbeTestSupport", "TLSProbeCore", "TLSProbeLab", "TLSProbeRendering"]),
        .testTarget(name: "TLSProbeRenderingTests", dependencies: ["TLSProbeTestSupport", "TLSProbeRendering", "TLSProbeCore"]),
        .testTarget(name: "TLSProbeLabTests", dependencies: ["TLSProbeTestSupport", "TLSProbeLab", "TLSProbeCore"]),
        .testTarget(name: "TLSProbeCLITests", dependencies: ["TLSProbeTestSupport", "tlsprobe", "TLSProbeLab", "TLSProbeCore", "TLSProbeRendering"]),
        // STARTTLS, MQTT, WebSocket and the other application protocols against real servers
        // (mosquitto, Dovecot, aiosmtpd, PostgreSQL) and Python stand-ins for the failure modes.
        .testTarget(name: "TLSProbeProtocolTests", dependencies: ["TLSProbeTestSupport", "TLSProbeCore", "TLSProbeLab", "tlsprobe"]),
        // Hostile servers and bad input; depends on the executable so the tests can spawn it.
        .testTarget(name: "TLSProbeHostileTests", dependencies: ["TLSProbeTestSupport", "TLSProbeCore", "TLSProbeLab", "TLSProbeRendering", "tlsprobe"]),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
