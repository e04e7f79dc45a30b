package packsrc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing/transport"
)

// crane asks the user's git credential helpers for an HTTPS password the
// way git itself does, through `git credential fill|approve|reject` (see
// `git help credential`): go-git runs no helper, and running git's own
// command is the one way to honour whatever the user configured (store,
// cache, osxkeychain, libsecret, Git Credential Manager) without knowing
// it. Only the protocol, host and path of the URL are sent; git passes the
// path on to helpers only with credential.useHttpPath, as for a clone.

// credentialTimeout bounds one git credential command: a helper that
// waits for something (a locked keychain) must not hang crane.
const credentialTimeout = 30 * time.Second

// credential is one answer of `git credential fill`: its attributes as
// git gave them, handed back whole to approve or reject, as git does.
type credential struct {
	attrs []string // key=value
}

func (c credential) get(key string) string {
	for _, a := range c.attrs {
		if v, ok := strings.CutPrefix(a, key+"="); ok {
			return v
		}
	}
	return ""
}

// credentialRequest is the description of ep git's helpers match on:
// protocol, host (with a port other than the default), path, and the
// URL's user when it names one.
func credentialRequest(ep *transport.Endpoint) ([]string, error) {
	host := ep.Host
	if ep.Port > 0 && !(ep.Protocol == "https" && ep.Port == 443) && !(ep.Protocol == "http" && ep.Port == 80) {
		host += ":" + strconv.Itoa(ep.Port)
	}
	attrs := []string{"protocol=" + ep.Protocol, "host=" + host, "path=" + strings.TrimPrefix(ep.Path, "/")}
	if ep.User != "" {
		attrs = append(attrs, "username="+ep.User)
	}
	for _, a := range attrs {
		if strings.ContainsAny(a, "\n\x00") {
			return nil, errors.New("the URL holds a newline or NUL, which git's credential protocol cannot carry")
		}
	}
	return attrs, nil
}

// fillCredential asks the helpers for ep's username and password, never
// prompting: git runs with GIT_TERMINAL_PROMPT=0 and no askpass program,
// so without a helper that knows the host it fails rather than asks. ok is
// false when git is not installed or no helper answered with both.
func fillCredential(ctx context.Context, ep *transport.Endpoint) (credential, bool) {
	req, err := credentialRequest(ep)
	if err != nil {
		return credential{}, false
	}
	out, err := runCredential(ctx, "fill", req)
	if err != nil {
		return credential{}, false
	}
	c := credential{}
	for _, line := range strings.Split(string(out), "\n") {
		if line = strings.TrimSuffix(line, "\r"); strings.Contains(line, "=") {
			c.attrs = append(c.attrs, line)
		}
	}
	if c.get("username") == "" || c.get("password") == "" {
		return credential{}, false
	}
	return c, true
}

// approve tells the helpers c worked (they may store it); reject that it
// was refused (they should forget it). Failures are ignored, as git does.
func (c credential) approve(ctx context.Context) { _, _ = runCredential(ctx, "approve", c.attrs) }
func (c credential) reject(ctx context.Context)  { _, _ = runCredential(ctx, "reject", c.attrs) }

// runCredential runs `git credential ACTION` with attrs on its stdin and
// returns its stdout. Its stderr (git's own messages) is kept from the
// user: crane words the failure itself.
func runCredential(ctx context.Context, action string, attrs []string) ([]byte, error) {
	gitCmd, err := exec.LookPath("git")
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, credentialTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, gitCmd, "credential", action)
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_ASKPASS=", "GCM_INTERACTIVE=never")
	cmd.Stdin = strings.NewReader(strings.Join(attrs, "\n") + "\n\n")
	var stdout limitedBuffer
	cmd.Stdout, cmd.Stderr = &stdout, io.Discard
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("git credential %s: %w", action, err)
	}
	return stdout.Bytes(), nil
}

// limitedBuffer keeps the first 64 KiB written to it: a credential is far
// smaller, and a broken helper must not fill memory.
type limitedBuffer struct{ bytes.Buffer }

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := 64<<10 - b.Len(); room > 0 {
		b.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
