import Foundation
import Glibc
import Testing
import TLSProbeLab

/// A minimal blocking TCP client for checking what raw lab servers do on the wire.
private func connectLoopback(_ port: UInt16) throws -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var timeout = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let result = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    try #require(result == 0, "connect: errno \(errno)")
    return fd
}

/// A fake ClientHello record: the lab only cares that it is one complete TLS record.
private let fakeClientHello: [UInt8] = [0x16, 0x03, 0x01, 0x00, 0x04, 0x01, 0x00, 0x00, 0x00]

/// Reads until EOF/error; returns the bytes and the errno of the final recv (0 for a clean EOF).
private func readAll(_ fd: Int32) -> (bytes: [UInt8], errno: Int32) {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = recv(fd, &buffer, buffer.count, 0)
        if count == 0 { return (bytes, 0) }
        if count < 0 { return (bytes, errno) }
        bytes += buffer.prefix(count)
    }
}

@Suite struct LabNetworkTests {
    @Test func alertAfterClientHelloSendsOneAlertRecordThenFIN() throws {
        let server = try LabRawServer(.alertAfterClientHello(level: 2, description: 40))
        defer { server.stop() }
        let fd = try connectLoopback(server.port)
        defer { close(fd) }
        send(fd, fakeClientHello, fakeClientHello.count, 0)
        let answer = readAll(fd)
        #expect(answer.bytes == [0x15, 0x03, 0x03, 0x00, 0x02, 2, 40])
        #expect(answer.errno == 0)
        #expect(server.connectionCount == 1)
    }

    @Test func resetAfterClientHelloSendsRST() throws {
        let server = try LabRawServer(.resetAfterClientHello)
        defer { server.stop() }
        let fd = try connectLoopback(server.port)
        defer { close(fd) }
        send(fd, fakeClientHello, fakeClientHello.count, 0)
        #expect(readAll(fd).errno == ECONNRESET)
    }

    @Test func bannerIsSentOnAccept() throws {
        let server = try LabRawServer(.banner("220 mail.example.com ESMTP Postfix\r\n"))
        defer { server.stop() }
        let fd = try connectLoopback(server.port)
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 100)
        let count = recv(fd, &buffer, buffer.count, 0)
        #expect(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self) == "220 mail.example.com ESMTP Postfix\r\n")
    }

    @Test func stopReturnsPromptlyWhileAConnectionStalls() throws {
        let server = try LabRawServer(.stallAfterAccept)
        let fd = try connectLoopback(server.port)
        defer { close(fd) }
        let accepted = Date().addingTimeInterval(5)
        while server.connectionCount == 0 && Date() < accepted { usleep(10_000) }
        try #require(server.connectionCount > 0, "the server accepted within 5 s")
        let started = Date()
        server.stop()
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(readAll(fd).errno == 0, "stop() closes the stalled connection")
    }

    @Test func blackholeConnectNeverCompletes() throws {
        let blackhole = try LabBlackhole()
        let started = Date()
        var descriptor = try startNonblockingConnect(blackhole.port)
        defer { close(descriptor.fd) }
        let ready = poll(&descriptor, 1, 2_500)
        #expect(ready == 0, "connect completed or failed: revents \(descriptor.revents)")
        #expect(Date().timeIntervalSince(started) >= 2.4)
    }

    @Test func closedPortRefuses() throws {
        #expect(try connectError(LabPorts.closedPort()) == ECONNREFUSED)
    }

    /// The "refused" scenario's port stays reserved while it runs: connections are refused and
    /// no other server (SO_REUSEADDR, as the lab's listeners set) can bind it; after stop, one can.
    @Test func aClosedPortServerKeepsItsPortUntilStopped() throws {
        let server = try LabClosedPort()
        #expect(try connectError(server.port) == ECONNREFUSED)
        #expect(bindReusable(server.port) == EADDRINUSE)
        server.stop()
        #expect(bindReusable(server.port) == 0)
    }

    /// How a connect to 127.0.0.1:`port` ended within 2 s (SO_ERROR: 0, ECONNREFUSED, …).
    private func connectError(_ port: UInt16) throws -> Int32 {
        var descriptor = try startNonblockingConnect(port)
        defer { close(descriptor.fd) }
        #expect(poll(&descriptor, 1, 2_000) == 1)
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(descriptor.fd, SOL_SOCKET, SO_ERROR, &error, &length)
        return error
    }

    /// Binds 127.0.0.1:`port` with SO_REUSEADDR and closes; 0 or the errno.
    private func bindReusable(_ port: UInt16) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0 ? 0 : errno
    }

    private func startNonblockingConnect(_ port: UInt16) throws -> pollfd {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
    }
}
