// Package gitserve runs git servers inside a test, on 127.0.0.1, backed by
// the real git command: an SSH server answering git-upload-pack with
// public-key authentication, and a smart-HTTP server (git http-backend)
// behind basic authentication. Tests of crane's git transports use them to
// prove credentials end to end; a test skips, saying so, when git is not on
// PATH.
package gitserve

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/crypto/ssh"
)

// SSHServer is a running test SSH server.
type SSHServer struct {
	Addr    string        // 127.0.0.1:PORT
	Port    int           // the port of Addr
	HostKey ssh.PublicKey // the first of the keys it proves itself with
	root    string
}

// SSHOptions configures SSH.
type SSHOptions struct {
	Root       string          // the folder of bare repositories served
	Authorized []ssh.PublicKey // the client keys accepted
	// HostKeys are the keys the server proves itself with, in its order of
	// preference; none: one new ed25519 key.
	HostKeys []ssh.Signer
}

// SSH serves the bare repositories under opts.Root over SSH until the test
// ends: a client authenticating with one of the authorized keys may run
// `git-upload-pack '/PATH'`, which runs `git upload-pack ROOT/PATH`. Any
// other command, or a path out of the root, is refused.
func SSH(t testing.TB, opts SSHOptions) *SSHServer {
	t.Helper()
	gitCmd := needGit(t)
	if len(opts.HostKeys) == 0 {
		opts.HostKeys = []ssh.Signer{NewKey(t)}
	}
	config := &ssh.ServerConfig{
		PublicKeyCallback: func(_ ssh.ConnMetadata, key ssh.PublicKey) (*ssh.Permissions, error) {
			for _, k := range opts.Authorized {
				if string(k.Marshal()) == string(key.Marshal()) {
					return nil, nil
				}
			}
			return nil, errors.New("unknown public key")
		},
	}
	for _, k := range opts.HostKeys {
		config.AddHostKey(k)
	}
	root := opts.Root
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &SSHServer{Addr: ln.Addr().String(), Port: ln.Addr().(*net.TCPAddr).Port, HostKey: opts.HostKeys[0].PublicKey(), root: root}
	acceptAll(t, ln, func(conn net.Conn) { s.serveConn(conn, config, gitCmd) })
	return s
}

// KnownHostsLine is the ~/.ssh/known_hosts line for the server with key
// (its own HostKey, or another to pose as a changed key).
func (s *SSHServer) KnownHostsLine(key ssh.PublicKey) string {
	return fmt.Sprintf("[127.0.0.1]:%d %s", s.Port, strings.TrimSpace(string(ssh.MarshalAuthorizedKey(key))))
}

func (s *SSHServer) serveConn(conn net.Conn, config *ssh.ServerConfig, gitCmd string) {
	defer conn.Close()
	sc, chans, reqs, err := ssh.NewServerConn(conn, config)
	if err != nil {
		return // a client refused: wrong key, unknown host key
	}
	defer sc.Close()
	go ssh.DiscardRequests(reqs)
	for nc := range chans {
		if nc.ChannelType() != "session" {
			nc.Reject(ssh.UnknownChannelType, "only sessions")
			continue
		}
		ch, requests, err := nc.Accept()
		if err != nil {
			return
		}
		go s.serveSession(ch, requests, gitCmd)
	}
}

// serveSession answers one session: env requests are accepted and ignored,
// one exec request runs git upload-pack, and its exit status is sent.
func (s *SSHServer) serveSession(ch ssh.Channel, requests <-chan *ssh.Request, gitCmd string) {
	defer ch.Close()
	for req := range requests {
		switch req.Type {
		case "env":
			req.Reply(true, nil)
		case "exec":
			var payload struct{ Command string }
			if err := ssh.Unmarshal(req.Payload, &payload); err != nil {
				req.Reply(false, nil)
				return
			}
			repo, err := s.repoFor(payload.Command)
			if err != nil {
				req.Reply(true, nil)
				fmt.Fprintf(ch.Stderr(), "fatal: %v\n", err)
				sendExit(ch, 128)
				return
			}
			req.Reply(true, nil)
			sendExit(ch, runUploadPack(ch, gitCmd, repo))
			return
		default:
			req.Reply(false, nil)
		}
	}
}

// repoFor reads `git-upload-pack 'PATH'` (the path quoted as git's
// sq_quote does) and returns ROOT/PATH.
func (s *SSHServer) repoFor(command string) (string, error) {
	arg, ok := strings.CutPrefix(command, "git-upload-pack ")
	if !ok {
		return "", fmt.Errorf("only git-upload-pack is served, not %q", command)
	}
	p, err := unquote(arg)
	if err != nil {
		return "", err
	}
	full := filepath.Join(s.root, filepath.FromSlash(p))
	if rel, err := filepath.Rel(s.root, full); err != nil || strings.HasPrefix(rel, "..") {
		return "", fmt.Errorf("'%s' is outside the served folder", p)
	}
	if _, err := os.Stat(full); err != nil {
		return "", fmt.Errorf("'%s' does not appear to be a git repository", p)
	}
	return full, nil
}

// unquote undoes sq_quote: 'a'\”b' is a'b.
func unquote(s string) (string, error) {
	var b strings.Builder
	for len(s) > 0 {
		switch {
		case s[0] == '\'':
			end := strings.IndexByte(s[1:], '\'')
			if end < 0 {
				return "", fmt.Errorf("unterminated quote in %q", s)
			}
			b.WriteString(s[1 : 1+end])
			s = s[end+2:]
		case s[0] == '\\' && len(s) > 1:
			b.WriteByte(s[1])
			s = s[2:]
		default:
			return "", fmt.Errorf("unquoted text in %q", s)
		}
	}
	return b.String(), nil
}

// runUploadPack runs git upload-pack on repo with the channel as its
// stdin, stdout and stderr, and returns its exit code. Stdin is copied by
// a goroutine of its own, not waited for: it ends when the channel closes.
func runUploadPack(ch ssh.Channel, gitCmd, repo string) int {
	cmd := exec.Command(gitCmd, "upload-pack", repo)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	cmd.Stdout, cmd.Stderr = ch, ch.Stderr()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return 128
	}
	if err := cmd.Start(); err != nil {
		return 128
	}
	go func() {
		_, _ = io.Copy(stdin, ch)
		stdin.Close()
	}()
	err = cmd.Wait()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode()
	case err != nil:
		return 128
	}
	return 0
}

func sendExit(ch ssh.Channel, code int) {
	_, _ = ch.SendRequest("exit-status", false, ssh.Marshal(struct{ Status uint32 }{uint32(code)}))
}

// NewKey makes a new ed25519 key.
func NewKey(t testing.TB) ssh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := ssh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return signer
}

func needGit(t testing.TB) string {
	t.Helper()
	gitCmd, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed: the git server needs it")
	}
	return gitCmd
}

// acceptAll serves every connection ln accepts with serve, each in its own
// goroutine, until the test ends: then ln is closed and every connection's
// serve is waited for.
func acceptAll(t testing.TB, ln net.Listener, serve func(net.Conn)) {
	var wg sync.WaitGroup
	t.Cleanup(func() {
		ln.Close()
		wg.Wait()
	})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				serve(conn)
			}()
		}
	}()
}
