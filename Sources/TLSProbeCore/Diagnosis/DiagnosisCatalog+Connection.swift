// dns, tcp, proxy and handshake rows: everything that can go wrong before certificates are judged.
extension DiagnosisCatalog {
    public struct ConnectionRows: DiagnosisRowSet {
        static let shared = ConnectionRows()

        // dns — facts: {host} {detail} (resolver text) {family} ("IPv4"/"IPv6")
        public let dnsNoSuchName = DiagnosisEntry(
            id: "dns.no_such_name", severity: .error, stage: .dns, exitStatus: .dnsFailed,
            title: "Host name does not exist",
            summaryTemplate: "The name \"{host}\" does not exist in DNS ({detail}).",
            facts: ["host", "detail"],
            explanation: "The resolver answered that no such name exists (NXDOMAIN). Nothing was contacted: the problem is the name or the DNS zone, not TLS.",
            fixServer: "Create the A/AAAA (or CNAME) record for the name, or correct the name you publish.",
            fixClient: "Check the spelling of the host in the URL or firmware constant; on a device, make sure the DNS server it got from DHCP can see the zone (split-horizon DNS often hides internal names).",
            curl: "6 (CURLE_COULDNT_RESOLVE_HOST)",
            mbedtls: ["ESP_ERR_ESP_TLS_CANNOT_RESOLVE_HOSTNAME 0x8001 (log: getaddrinfo() returns 202)", "MBEDTLS_ERR_NET_UNKNOWN_HOST -0x0052 (mbedtls_net_connect)"],
            docs: "getaddrinfo(3), RFC 8020"
        )

        public let dnsNoAddressForFamily = DiagnosisEntry(
            id: "dns.no_address_for_family", severity: .error, stage: .dns, exitStatus: .dnsFailed,
            title: "No address of the requested family",
            summaryTemplate: "\"{host}\" exists but has no {family} address ({detail}).",
            facts: ["host", "family", "detail"],
            explanation: "The name resolves, but not to an address of the family that was asked for, e.g. an IPv6-only name probed with -4, or an IPv4-only name on an IPv6-only network.",
            fixServer: "Publish both A and AAAA records if clients of both families must connect.",
            fixClient: "Drop the -4/-6 restriction, or use a network with the other family. ESP-IDF resolves IPv4 only unless LWIP IPv6 is enabled.",
            curl: "6 (CURLE_COULDNT_RESOLVE_HOST)",
            mbedtls: ["ESP_ERR_ESP_TLS_CANNOT_RESOLVE_HOSTNAME 0x8001", "ESP_ERR_ESP_TLS_UNSUPPORTED_PROTOCOL_FAMILY 0x8003"],
            docs: "getaddrinfo(3)"
        )

        public let dnsResolverFailure = DiagnosisEntry(
            id: "dns.resolver_failure", severity: .error, stage: .dns, exitStatus: .dnsFailed,
            title: "DNS resolver failed",
            summaryTemplate: "Resolving \"{host}\" failed: {detail}.",
            facts: ["host", "detail"],
            explanation: "The resolver could not give an answer at all (SERVFAIL, no DNS server reachable, a broken DNSSEC chain). The name may well exist.",
            fixServer: "If you run the zone, check it with `dig +trace` and validate DNSSEC signatures.",
            fixClient: "Check the configured DNS servers (/etc/resolv.conf; on a device, the DHCP-provided or manually set servers) and that the network is up before connecting.",
            curl: "6 (CURLE_COULDNT_RESOLVE_HOST)",
            mbedtls: ["ESP_ERR_ESP_TLS_CANNOT_RESOLVE_HOSTNAME 0x8001 (log: getaddrinfo() returns 202)", "MBEDTLS_ERR_NET_UNKNOWN_HOST -0x0052 (mbedtls_net_connect)"],
            docs: "getaddrinfo(3)"
        )

        public let dnsTimeout = DiagnosisEntry(
            id: "dns.timeout", severity: .error, stage: .dns, exitStatus: .dnsFailed,
            title: "DNS lookup timed out",
            summaryTemplate: "No DNS answer for \"{host}\" within {seconds} s.",
            facts: ["host", "seconds"],
            explanation: "The resolver did not answer in time. Usually the DNS server is unreachable or a firewall drops UDP/53.",
            fixServer: "Make sure the authoritative servers answer over UDP and TCP.",
            fixClient: "Check that the configured DNS server is reachable; on a device, wait until the network interface has an IP and DNS server before the first connection.",
            curl: "6 (CURLE_COULDNT_RESOLVE_HOST) or 28 (CURLE_OPERATION_TIMEDOUT)",
            mbedtls: ["ESP_ERR_ESP_TLS_CANNOT_RESOLVE_HOSTNAME 0x8001"],
            docs: "resolv.conf(5)"
        )

        // tcp — facts: {address} ("192.0.2.1:443") {seconds} {detail} (strerror)
        public let tcpRefused = DiagnosisEntry(
            id: "tcp.refused", severity: .error, stage: .tcp, exitStatus: .tcpRefused,
            title: "Connection refused",
            summaryTemplate: "{address} refused the TCP connection ({detail}).",
            facts: ["address", "detail"],
            explanation: "The host answered the SYN with a reset: it is reachable, but nothing listens on that port (or a firewall rejects actively).",
            fixServer: "Start the service, or make it listen on this address and port (not only on 127.0.0.1).",
            fixClient: "Check the port: HTTPS is usually 443, MQTT over TLS 8883.",
            curl: "7 (CURLE_COULDNT_CONNECT)",
            mbedtls: ["ESP_ERR_ESP_TLS_FAILED_CONNECT_TO_HOST 0x8004 with errno 111 (ECONNREFUSED)", "MBEDTLS_ERR_NET_CONNECT_FAILED -0x0044 (mbedtls_net_connect)"],
            docs: "connect(2)"
        )

        public let tcpTimeout = DiagnosisEntry(
            id: "tcp.timeout", severity: .error, stage: .tcp, exitStatus: .tcpTimeout,
            title: "TCP connect timed out",
            summaryTemplate: "No answer from {address} within {seconds} s.",
            facts: ["address", "seconds"],
            explanation: "The SYN was never answered. Typical causes: a firewall that silently drops packets, a wrong address, or a host that is down.",
            fixServer: "Open the port in the firewall or security group for the client's network.",
            fixClient: "Check the address and the route; on a device, compare its network (VLAN, guest Wi-Fi) with the one where the laptop worked. esp_http_client gives up after 5 s by default (timeout_ms).",
            curl: "28 (CURLE_OPERATION_TIMEDOUT)",
            mbedtls: ["ESP_ERR_ESP_TLS_CONNECTION_TIMEOUT 0x8006 (log: select() timeout)", "errno 116 ETIMEDOUT (newlib numbering; 110 on Linux)", "MBEDTLS_ERR_NET_CONNECT_FAILED -0x0044 (mbedtls_net_connect)"],
            docs: "connect(2)"
        )

        public let tcpUnreachable = DiagnosisEntry(
            id: "tcp.unreachable", severity: .error, stage: .tcp, exitStatus: .tcpUnreachable,
            title: "Network unreachable",
            summaryTemplate: "{address} is unreachable ({detail}).",
            facts: ["address", "detail"],
            explanation: "The operating system or a router reported that there is no route to the host (ICMP unreachable, no default route, no IPv6 connectivity).",
            fixServer: "If only some networks fail, check routing and ACLs in front of the server.",
            fixClient: "Check the default route and gateway; for IPv6 addresses, check that the network has IPv6.",
            curl: "7 (CURLE_COULDNT_CONNECT)",
            mbedtls: ["ESP_ERR_ESP_TLS_FAILED_CONNECT_TO_HOST 0x8004 with errno 118 EHOSTUNREACH or 114 ENETUNREACH (newlib numbering)", "MBEDTLS_ERR_NET_CONNECT_FAILED -0x0044 (mbedtls_net_connect)"],
            docs: "connect(2)"
        )

        public let tcpError = DiagnosisEntry(
            id: "tcp.error", severity: .error, stage: .tcp, exitStatus: .tcpUnreachable,
            title: "TCP connect failed",
            summaryTemplate: "Connecting to {address} failed: {detail}.",
            facts: ["address", "detail"],
            explanation: "The TCP connection failed for a reason other than refusal, timeout or a missing route; the system error text says which.",
            fixServer: "Compare with the server's connection limits and firewall logs.",
            fixClient: "Read the error text; out-of-sockets errors on a device mean too many open connections (CONFIG_LWIP_MAX_SOCKETS).",
            curl: "7 (CURLE_COULDNT_CONNECT)",
            mbedtls: ["ESP_ERR_ESP_TLS_FAILED_CONNECT_TO_HOST 0x8004", "ESP_ERR_ESP_TLS_CANNOT_CREATE_SOCKET 0x8002"],
            docs: "connect(2)"
        )

        // proxy — facts: {proxy} {status} {detail}
        public let proxyRefused = DiagnosisEntry(
            id: "proxy.refused", severity: .error, stage: .proxy, exitStatus: .proxyFailed,
            title: "Proxy not reachable",
            summaryTemplate: "Could not connect to the proxy {proxy}: {detail}.",
            facts: ["proxy", "detail"],
            explanation: "The HTTP proxy itself could not be reached, so the target was never tried.",
            fixServer: "Start the proxy or fix its address.",
            fixClient: "Check --proxy / HTTPS_PROXY; unset it if this network needs no proxy.",
            curl: "7 (CURLE_COULDNT_CONNECT) or 5 (CURLE_COULDNT_RESOLVE_PROXY)",
            docs: "RFC 9110 §9.3.6"
        )

        public let proxyAuthRequired = DiagnosisEntry(
            id: "proxy.auth_required", severity: .error, stage: .proxy, exitStatus: .proxyFailed,
            title: "Proxy requires authentication",
            summaryTemplate: "The proxy {proxy} answered CONNECT with {status}: it wants credentials.",
            facts: ["proxy", "status"],
            explanation: "The proxy answered 407 Proxy Authentication Required instead of opening the tunnel.",
            fixServer: "Allow the client's address without authentication, or give it credentials.",
            fixClient: "Pass credentials in the proxy URL (http://user:pass@proxy:3128).",
            curl: "56 (CURLE_RECV_ERROR: \"CONNECT tunnel failed, response 407\")",
            docs: "RFC 9110 §15.5.8"
        )

        public let proxyDenied = DiagnosisEntry(
            id: "proxy.denied", severity: .error, stage: .proxy, exitStatus: .proxyFailed,
            title: "Proxy refused the tunnel",
            summaryTemplate: "The proxy {proxy} refused CONNECT to {host}:{port} with {status}.",
            facts: ["proxy", "host", "port", "status"],
            explanation: "The proxy's policy does not allow a tunnel to this host or port (403, or 405 for ports other than 443).",
            fixServer: "Allow the destination in the proxy's ACL.",
            fixClient: "Ask the proxy administrator to allow the destination, or connect without the proxy.",
            curl: "56 (CURLE_RECV_ERROR: \"CONNECT tunnel failed\")",
            docs: "RFC 9110 §9.3.6"
        )

        public let proxyFailed = DiagnosisEntry(
            id: "proxy.failed", severity: .error, stage: .proxy, exitStatus: .proxyFailed,
            title: "Proxy tunnel failed",
            summaryTemplate: "The proxy {proxy} could not open the tunnel: {status} {detail}.",
            facts: ["proxy", "status", "detail"],
            explanation: "The proxy accepted the request but could not reach the target (502/504) or answered with something that is not a CONNECT reply.",
            fixServer: "Check the proxy's logs: it failed to resolve or connect to the target.",
            fixClient: "Try the target without the proxy to see whether the target or the proxy is at fault.",
            curl: "56 (CURLE_RECV_ERROR); 97 (CURLE_PROXY) for SOCKS and HTTPS-proxy handshake errors (curl 7.73+)",
            docs: "RFC 9110 §9.3.6"
        )
    }
}