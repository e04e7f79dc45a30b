package gitserve

import (
	"crypto"
	"net"
	"path/filepath"
	"testing"

	"golang.org/x/crypto/ssh/agent"
)

// Agent serves an ssh-agent holding keys (private keys as
// ed25519.PrivateKey and the like) on a unix socket until the test ends,
// and returns the socket's path, for SSH_AUTH_SOCK.
func Agent(t testing.TB, keys ...crypto.PrivateKey) string {
	t.Helper()
	ring := agent.NewKeyring()
	for _, k := range keys {
		if err := ring.Add(agent.AddedKey{PrivateKey: k}); err != nil {
			t.Fatal(err)
		}
	}
	sock := filepath.Join(t.TempDir(), "agent.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	acceptAll(t, ln, func(conn net.Conn) {
		defer conn.Close()
		_ = agent.ServeAgent(ring, conn)
	})
	return sock
}
