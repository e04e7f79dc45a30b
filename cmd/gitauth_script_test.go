package cmd

import (
	"crypto/ed25519"
	"encoding/pem"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/crypto/ssh"

	"github.com/ewilde/crane/internal/gitserve"
)

// TestGitAuthScripts runs the scripts under testdata/gitauth: crane init
// with a pack from git over SSH and HTTPS, against servers this test runs
// on 127.0.0.1 serving the script's $WORK (internal/gitserve). Each script
// gets:
//
//   - HOME with ~/.ssh/id_ed25519, a key the SSH server accepts, and
//     ~/.ssh/known_hosts with the server's key; $WORK/other_key, a key it
//     refuses; $WORK/changed_known_hosts, the host with another key;
//   - $SSH_PORT; $HTTPS_HOST, host:port of an HTTPS server accepting user
//     alice, password s3cret, whose certificate SSL_CERT_FILE trusts;
//   - GIT_CONFIG_GLOBAL=$HOME/.gitconfig (empty) and no system config.
func TestGitAuthScripts(t *testing.T) {
	user := newScriptKey(t)
	testscript.Run(t, testscript.Params{
		Dir: "../testdata/gitauth",
		Setup: func(e *testscript.Env) error {
			home := filepath.Join(e.WorkDir, ".home")
			e.Setenv("HOME", home)
			e.Setenv("USER", "tester")
			e.Setenv("XDG_CACHE_HOME", filepath.Join(e.WorkDir, ".cache"))
			e.Setenv("SSH_AUTH_SOCK", "")
			e.Setenv("GIT_CONFIG_GLOBAL", filepath.Join(home, ".gitconfig"))
			e.Setenv("GIT_CONFIG_NOSYSTEM", "1")
			sshSrv := gitserve.SSH(t, gitserve.SSHOptions{Root: e.WorkDir, Authorized: []ssh.PublicKey{user.signer.PublicKey()}})
			httpsSrv := gitserve.HTTPS(t, e.WorkDir, "alice", "s3cret")
			e.Setenv("SSH_PORT", strconv.Itoa(sshSrv.Port))
			e.Setenv("HTTPS_HOST", strings.TrimPrefix(httpsSrv.URL, "https://"))
			cert := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: httpsSrv.Certificate.Raw})
			other := newScriptKey(t)
			files := map[string][]byte{
				filepath.Join(home, ".ssh", "id_ed25519"):       user.pem,
				filepath.Join(home, ".ssh", "known_hosts"):      []byte(sshSrv.KnownHostsLine(sshSrv.HostKey) + "\n"),
				filepath.Join(home, ".gitconfig"):               nil,
				filepath.Join(e.WorkDir, "other_key"):           other.pem,
				filepath.Join(e.WorkDir, "changed_known_hosts"): []byte(sshSrv.KnownHostsLine(other.signer.PublicKey()) + "\n"),
				filepath.Join(e.WorkDir, ".cert.pem"):           cert,
			}
			for p, data := range files {
				if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
					return err
				}
				if err := os.WriteFile(p, data, 0o600); err != nil {
					return err
				}
			}
			e.Setenv("SSL_CERT_FILE", filepath.Join(e.WorkDir, ".cert.pem"))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode": cmdExitCode,
		},
	})
}

type scriptKey struct {
	signer ssh.Signer
	pem    []byte
}

func newScriptKey(t *testing.T) scriptKey {
	t.Helper()
	_, key, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(key, "")
	if err != nil {
		t.Fatal(err)
	}
	signer, err := ssh.NewSignerFromKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return scriptKey{signer: signer, pem: pem.EncodeToMemory(block)}
}
