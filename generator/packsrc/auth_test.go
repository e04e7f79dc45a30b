package packsrc

import (
	"crypto/ed25519"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/crypto/ssh"
)

// writeKey writes a new ed25519 key to home/.ssh/name (encrypted with
// passphrase when it is not empty) and returns its signer.
func writeKey(t *testing.T, home, name, passphrase string) ssh.Signer {
	t.Helper()
	_, key, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	var block *pem.Block
	if passphrase == "" {
		block, err = ssh.MarshalPrivateKey(key, "")
	} else {
		block, err = ssh.MarshalPrivateKeyWithPassphrase(key, "", []byte(passphrase))
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(home, ".ssh"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, ".ssh", name), pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	signer, err := ssh.NewSignerFromKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return signer
}

// TestAuthFor: an ssh URL gets crane's ssh credentials, as the URL's user
// or git; https and other schemes get go-git's defaults.
func TestAuthFor(t *testing.T) {
	for url, user := range map[string]string{"git@github.com:acme/packs.git": "git", "ssh://deploy@host/acme/packs.git": "deploy", "ssh://host:2222/packs.git": "git"} {
		a, ok := authFor(url).(*sshAuth)
		if !ok || a.user != user {
			t.Errorf("%s: got %#v, want ssh credentials for user %s", url, authFor(url), user)
		}
	}
	if a := authFor("ssh://host:2222/packs.git").(*sshAuth); a.host != "host:2222" {
		t.Errorf("host = %q, want host:2222", a.host)
	}
	for _, url := range []string{"https://github.com/acme/packs.git", "git://host/packs.git", "file:///tmp/packs"} {
		if a := authFor(url); a != nil {
			t.Errorf("%s: got %T, want nil (go-git's defaults)", url, a)
		}
	}
}

// TestSSHKeyChoice: the keys offered are ~/.ssh's in OpenSSH's order, a
// key with a passphrase is skipped and said, and none at all is said.
func TestSSHKeyChoice(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("SSH_AUTH_SOCK", "")
	a := authFor("git@github.com:acme/packs.git").(*sshAuth)
	if got, err := a.signers(); err != nil || len(got) != 0 {
		t.Fatalf("no keys: got %d signers, %v", len(got), err)
	}
	if want := "no key to offer (none in ssh-agent, none of ~/.ssh/id_ed25519, id_ecdsa, id_rsa)"; a.offered() != want {
		t.Errorf("offered = %q, want %q", a.offered(), want)
	}
	rsa := writeKey(t, home, "id_rsa", "")
	writeKey(t, home, "id_ecdsa", "secret") // an ed25519 key under that name: only the passphrase matters
	ed := writeKey(t, home, "id_ed25519", "")
	got, err := a.signers()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, s := range got {
		keys = append(keys, ssh.FingerprintSHA256(s.PublicKey()))
	}
	if diff := cmp.Diff([]string{ssh.FingerprintSHA256(ed.PublicKey()), ssh.FingerprintSHA256(rsa.PublicKey())}, keys); diff != "" {
		t.Errorf("keys offered (-want +got):\n%s", diff)
	}
	want := "tried ~/.ssh/id_ed25519, ~/.ssh/id_rsa; ~/.ssh/id_ecdsa needs its passphrase (load it with ssh-add)"
	if diff := cmp.Diff(want, a.offered()); diff != "" {
		t.Errorf("offered (-want +got):\n%s", diff)
	}
	t.Setenv("SSH_AUTH_SOCK", filepath.Join(home, "no-agent.sock"))
	a.signers()
	if !strings.Contains(a.offered(), "the ssh-agent (SSH_AUTH_SOCK="+filepath.Join(home, "no-agent.sock")+") did not answer") {
		t.Errorf("offered = %q, want it to say the agent did not answer", a.offered())
	}
}
