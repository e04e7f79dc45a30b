package packsrc

import (
	"crypto/ed25519"
	"encoding/pem"
	"os"
	"path/filepath"
	"testing"

	gitssh "github.com/go-git/go-git/v5/plumbing/transport/ssh"
	"golang.org/x/crypto/ssh"
)

// TestAuthFor: an ssh URL gets the user's key from ~/.ssh (no agent here),
// with the URL's user or git; https and a machine without keys get
// go-git's defaults.
func TestAuthFor(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("SSH_AUTH_SOCK", "")
	if a := authFor("git@github.com:acme/packs.git"); a != nil {
		t.Errorf("no keys: got %T, want nil", a)
	}
	_, key, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(key, "")
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(home, ".ssh"), 0o700)
	if err := os.WriteFile(filepath.Join(home, ".ssh", "id_ed25519"), pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	for url, user := range map[string]string{"git@github.com:acme/packs.git": "git", "ssh://deploy@host/acme/packs.git": "deploy"} {
		a, ok := authFor(url).(*gitssh.PublicKeys)
		if !ok || a.User != user {
			t.Errorf("%s: got %#v, want the key of ~/.ssh/id_ed25519 for user %s", url, authFor(url), user)
		}
	}
	if a := authFor("https://github.com/acme/packs.git"); a != nil {
		t.Errorf("https: got %T, want nil (go-git reads credentials in the URL itself)", a)
	}
}
