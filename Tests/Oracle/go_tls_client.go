// A Go crypto/tls client with the defaults a Go program gets (tls.Config{ServerName, RootCAs}),
// for the client-matrix oracle tests: connects, completes the handshake, prints one line.
//
//	go_tls_client HOST PORT SERVERNAME CAFILE|- TIMEOUT_MS
//	outcome=connected version=TLS1.3 cipher=TLS_AES_128_GCM_SHA256
//	outcome=failed error=<Go's error text>
package main

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"
)

func main() {
	if len(os.Args) != 6 {
		fmt.Println("outcome=usage")
		os.Exit(2)
	}
	host, port, name, caFile := os.Args[1], os.Args[2], os.Args[3], os.Args[4]
	ms, _ := strconv.Atoi(os.Args[5])
	config := &tls.Config{ServerName: name}
	if caFile != "-" {
		pem, err := os.ReadFile(caFile)
		if err != nil {
			fmt.Println("outcome=usage error=" + err.Error())
			os.Exit(2)
		}
		pool := x509.NewCertPool()
		pool.AppendCertsFromPEM(pem)
		config.RootCAs = pool
	}
	dialer := &net.Dialer{Timeout: time.Duration(ms) * time.Millisecond}
	conn, err := tls.DialWithDialer(dialer, "tcp", net.JoinHostPort(host, port), config)
	if err != nil {
		fmt.Println("outcome=failed error=" + strings.ReplaceAll(err.Error(), "\n", " "))
		return
	}
	state := conn.ConnectionState()
	versions := map[uint16]string{tls.VersionTLS10: "TLS1.0", tls.VersionTLS11: "TLS1.1", tls.VersionTLS12: "TLS1.2", tls.VersionTLS13: "TLS1.3"}
	fmt.Printf("outcome=connected version=%s cipher=%s\n", versions[state.Version], tls.CipherSuiteName(state.CipherSuite))
	conn.Close()
}
