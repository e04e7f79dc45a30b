package packsrc

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/crypto/ssh"

	"github.com/ewilde/crane/internal/gitserve"
)

// sshEnv is a user's machine for the ssh tests: HOME a temp folder, no
// agent, no known hosts, and the test origin served over ssh.
type sshEnv struct {
	o    *origin
	srv  *gitserve.SSHServer
	home string
	url  string // ssh://git@127.0.0.1:PORT/origin.git
}

func newSSHEnv(t *testing.T, opts gitserve.SSHOptions) *sshEnv {
	t.Helper()
	e := &sshEnv{o: newOrigin(t), home: t.TempDir()}
	t.Setenv("HOME", e.home)
	t.Setenv("SSH_AUTH_SOCK", "")
	t.Setenv("SSH_KNOWN_HOSTS", "")
	opts.Root = filepath.Dir(e.o.bare)
	e.srv = gitserve.SSH(t, opts)
	e.url = fmt.Sprintf("ssh://git@127.0.0.1:%d/origin.git", e.srv.Port)
	return e
}

// knownHosts writes ~/.ssh/known_hosts with the lines.
func (e *sshEnv) knownHosts(t *testing.T, lines ...string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(e.home, ".ssh"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(e.home, ".ssh", "known_hosts"), []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
}

// fetch fetches spec into a new cache, so every call goes to the server.
func (e *sshEnv) fetch(t *testing.T, spec string) (Snapshot, Origin, error) {
	t.Helper()
	e.o.cache = t.TempDir()
	return e.o.fetch(t, spec)
}

func newEd25519(t *testing.T) ed25519.PrivateKey {
	t.Helper()
	_, key, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

func publicKey(t *testing.T, key any) ssh.PublicKey {
	t.Helper()
	s, err := ssh.NewSignerFromKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return s.PublicKey()
}

// TestSSHFetch fetches from an ssh server on 127.0.0.1 running the real
// git upload-pack, with the key in ~/.ssh and the host in known_hosts: a
// tag, a branch, the default branch and a commit id.
func TestSSHFetch(t *testing.T) {
	home := t.TempDir()
	user := writeKey(t, home, "id_ed25519", "")
	e := newSSHEnv(t, gitserve.SSHOptions{Authorized: []ssh.PublicKey{user.PublicKey()}})
	t.Setenv("HOME", home)
	e.home = home
	e.knownHosts(t, e.srv.KnownHostsLine(e.srv.HostKey))
	tests := []struct{ spec, want, commit string }{
		{e.url + "//packs/svc@v1", "v1\n", e.o.commits[0]},
		{e.url + "//packs/safe@dev", "dev\n", e.o.commits[2]},
		{e.url + "//packs/safe", "safe\n", e.o.commits[1]},
		{e.url + "//packs/svc@" + e.o.commits[0], "v1\n", e.o.commits[0]},
	}
	for _, tt := range tests {
		snap, got, err := e.fetch(t, tt.spec)
		if err != nil {
			t.Fatalf("%s: %v", tt.spec, err)
		}
		if diff := cmp.Diff(tt.want, string(snap.Files["pack.yaml"])); diff != "" {
			t.Errorf("%s: pack.yaml (-want +got):\n%s", tt.spec, diff)
		}
		if got.Commit != tt.commit {
			t.Errorf("%s: commit %s, want %s", tt.spec, got.Commit, tt.commit)
		}
	}
}

// TestSSHAgent fetches with the key held by an ssh-agent (SSH_AUTH_SOCK),
// none in ~/.ssh; an agent holding only a wrong key is named in the error.
func TestSSHAgent(t *testing.T) {
	key := newEd25519(t)
	e := newSSHEnv(t, gitserve.SSHOptions{Authorized: []ssh.PublicKey{publicKey(t, key)}})
	e.knownHosts(t, e.srv.KnownHostsLine(e.srv.HostKey))
	t.Setenv("SSH_AUTH_SOCK", gitserve.Agent(t, key))
	snap, _, err := e.fetch(t, e.url+"//packs/svc@v1")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("v1\n", string(snap.Files["pack.yaml"])); diff != "" {
		t.Errorf("pack.yaml (-want +got):\n%s", diff)
	}

	wrong := newEd25519(t)
	t.Setenv("SSH_AUTH_SOCK", gitserve.Agent(t, wrong))
	_, _, err = e.fetch(t, e.url+"//packs/svc@v1")
	want := fmt.Sprintf("pack %s//packs/svc@v1: permission denied: the ssh server 127.0.0.1:%d accepted none of your keys as git (tried ssh-agent key %s); add your public key", e.url, e.srv.Port, ssh.FingerprintSHA256(publicKey(t, wrong)))
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got error %v, want one containing %q", err, want)
	}
}

// TestSSHRefused: the failures a user meets, each worded with what to do
// and without the ssh library's text.
func TestSSHRefused(t *testing.T) {
	home := t.TempDir()
	writeKey(t, home, "id_ed25519", "") // not authorized
	writeKey(t, home, "id_rsa", "secret")
	e := newSSHEnv(t, gitserve.SSHOptions{Authorized: []ssh.PublicKey{publicKey(t, newEd25519(t))}})
	t.Setenv("HOME", home)
	e.home = home
	spec := e.url + "//packs/svc@v1"
	fp := ssh.FingerprintSHA256(e.srv.HostKey)
	other := publicKey(t, newEd25519(t))
	tests := []struct {
		name  string
		known []string // known_hosts lines; nil: no file
		want  string
	}{
		{"no known_hosts", nil, fmt.Sprintf("pack %s: the ssh host [127.0.0.1]:%d is not in your known hosts (~/.ssh/known_hosts (missing)); it offers its ssh-ed25519 key %s: check that fingerprint with the host's owner, then add the host by connecting once with `ssh -p %d git@127.0.0.1` and answering yes",
			spec, e.srv.Port, fp, e.srv.Port)},
		{"unknown host", []string{"example.com " + strings.TrimSpace(string(ssh.MarshalAuthorizedKey(other)))},
			fmt.Sprintf("the ssh host [127.0.0.1]:%d is not in your known hosts (~/.ssh/known_hosts); it offers its ssh-ed25519 key %s", e.srv.Port, fp)},
		{"changed host key", []string{"# a comment", e.srv.KnownHostsLine(other)},
			fmt.Sprintf("pack %s: the ssh host [127.0.0.1]:%d offers its ssh-ed25519 key %s, which is not the one your known hosts record for it (~/.ssh/known_hosts:2): the connection may be intercepted, or the host changed its key; check with the host's owner, and only then remove the old entry with `ssh-keygen -R '[127.0.0.1]:%d'`",
				spec, e.srv.Port, fp, e.srv.Port)},
		{"bad known_hosts", []string{"[127.0.0.1]:1 ssh-ed25519 not-base64!"},
			fmt.Sprintf("pack %s: line 1 of the ssh known hosts file ~/.ssh/known_hosts is not a known_hosts line (HOST KEY-TYPE BASE64-KEY); fix or remove it", spec)},
		{"wrong key", []string{e.srv.KnownHostsLine(e.srv.HostKey)},
			fmt.Sprintf("pack %s: permission denied: the ssh server 127.0.0.1:%d accepted none of your keys as git (tried ~/.ssh/id_ed25519; ~/.ssh/id_rsa needs its passphrase (load it with ssh-add)); add your public key (~/.ssh/id_ed25519.pub) to the account on 127.0.0.1, or load the right key into ssh-agent with ssh-add", spec, e.srv.Port)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(filepath.Join(home, ".ssh", "known_hosts"))
			if tt.known != nil {
				e.knownHosts(t, tt.known...)
			}
			_, _, err := e.fetch(t, spec)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got error\n%v\nwant one containing\n%s", err, tt.want)
			}
			if strings.Contains(err.Error(), "ssh: ") || strings.Contains(err.Error(), "knownhosts: ") {
				t.Errorf("the error shows the library's text: %v", err)
			}
		})
	}
}

// TestSSHHostKeyAlgorithms: a server with two host keys proves itself with
// the one known_hosts holds, even when it is not the one the ssh library
// prefers (go-git's own default asks for the preferred one, and then sees a
// mismatch).
func TestSSHHostKeyAlgorithms(t *testing.T) {
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	ec, err := ssh.NewSignerFromKey(ecKey)
	if err != nil {
		t.Fatal(err)
	}
	ed := gitserve.NewKey(t)
	key := newEd25519(t)
	for _, known := range []ssh.Signer{ed, ec} {
		t.Run(known.PublicKey().Type(), func(t *testing.T) {
			e := newSSHEnv(t, gitserve.SSHOptions{Authorized: []ssh.PublicKey{publicKey(t, key)}, HostKeys: []ssh.Signer{ed, ec}})
			e.knownHosts(t, e.srv.KnownHostsLine(known.PublicKey()))
			t.Setenv("SSH_AUTH_SOCK", gitserve.Agent(t, key))
			if _, _, err := e.fetch(t, e.url+"//packs/svc@v1"); err != nil {
				t.Fatal(err)
			}
		})
	}
}
