package packsrc

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os/exec"
	"strconv"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/transport"
	githttp "github.com/go-git/go-git/v5/plumbing/transport/http"
)

// remote is a repository crane reads and what it authenticates with.
type remote struct {
	src    Source
	ep     *transport.Endpoint
	auth   transport.AuthMethod
	client *http.Client // nil: Go's default (the system's certificates)
	helper helperState  // what the git credential helpers were asked
	cred   credential   // their answer, when helperFilled or helperRefused
}

// helperState is how far asking the git credential helpers went.
type helperState int

const (
	helperNotAsked helperState = iota
	helperNoGit                // git is not installed
	helperEmpty                // no helper had credentials for the host
	helperFilled               // a helper answered (approved once it worked)
	helperRefused              // the server refused the helper's answer (rejected)
)

func newRemote(src Source, client *http.Client) (*remote, error) {
	ep, err := transport.NewEndpoint(src.URL)
	if err != nil {
		return nil, bad("pack %s: not a git URL crane can read; give https://host/path/repo.git, ssh://user@host/path/repo.git or user@host:path/repo.git", src.redacted())
	}
	return &remote{src: src, ep: ep, auth: authFor(src.URL), client: client}, nil
}

// close releases what the credentials hold (the ssh-agent connection).
func (r *remote) close() {
	if c, ok := r.auth.(io.Closer); ok {
		_ = c.Close()
	}
}

// refs lists the repository's refs (see remoteRefs). When an https server
// asks for credentials the URL does not give, it asks the user's git
// credential helpers for the host (see fillCredential) and tries once more
// with what they answer, then tells them whether it worked (git credential
// approve) or was refused (git credential reject), exactly as git does.
//
// This holds for an extends URL inside a pack too, deliberately: a helper
// answers for a protocol and host, so a URL a pack names gets only what the
// user stored for that very host, and go-git sends it only to that host
// over TLS (a redirect to another origin drops it). A hostile pack can make
// crane read a repository the user may read, but what it reads only becomes
// the files crane renders on the user's machine: a pack has no network and
// no way to send anything anywhere. Plain http is never given a helper's
// password, so it never crosses the network in the clear.
func (r *remote) refs(ctx context.Context) ([]*plumbing.Reference, error) {
	list, err := remoteRefs(ctx, r)
	if !errors.Is(err, transport.ErrAuthenticationRequired) || r.ep.Protocol != "https" || r.ep.Password != "" {
		return list, err
	}
	if _, lookErr := exec.LookPath("git"); lookErr != nil {
		r.helper = helperNoGit
		return nil, err
	}
	cred, ok := fillCredential(ctx, r.ep)
	if !ok {
		r.helper = helperEmpty
		return nil, err
	}
	r.helper, r.cred = helperFilled, cred
	r.auth = &githttp.BasicAuth{Username: cred.get("username"), Password: cred.get("password")}
	list, err = remoteRefs(ctx, r)
	switch {
	case err == nil:
		cred.approve(ctx)
	case errors.Is(err, transport.ErrAuthenticationRequired):
		r.helper = helperRefused
		cred.reject(ctx)
	}
	return list, err
}

// explain words a failure to reach the repository: what happened and what
// to do, never the transport's raw text where a plainer one exists, and
// never a password.
func (r *remote) explain(err error) error {
	src := r.src.redacted()
	var hk *hostKeyError
	var kh *knownHostsError
	var why string
	switch {
	case errors.As(err, &hk):
		why = hk.Error()
	case errors.As(err, &kh):
		why = kh.Error()
	case errors.Is(err, transport.ErrRepositoryNotFound):
		return bad("pack %s: the repository was not found; check the URL", src)
	case r.ep.Protocol == "ssh" && isSSHAuthError(err):
		why = r.sshRefused()
	case errors.Is(err, transport.ErrAuthenticationRequired):
		why = r.httpRefused()
	case errors.Is(err, transport.ErrAuthorizationFailed):
		why = fmt.Sprintf("%s refused access to the repository (HTTP 403); check the URL and that your account may read it", r.host())
		if r.ep.Protocol == "ssh" {
			why = r.sshRefused()
		}
	case errors.Is(err, transport.ErrEmptyRemoteRepository):
		why = "the repository is empty"
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		why = "interrupted"
	default:
		why = "it could not be reached; check the URL and your network (a pack fetched before by commit or tag is used from the cache)"
	}
	return fmt.Errorf("pack %s: %s", src, why)
}

// isSSHAuthError is the ssh handshake's failure to authenticate: the server
// took none of the keys offered. x/crypto/ssh gives it no type of its own,
// so its text is matched.
func isSSHAuthError(err error) bool {
	return strings.Contains(err.Error(), "ssh: unable to authenticate")
}

// host is the URL's host, with its port when not the scheme's default.
func (r *remote) host() string {
	defaults := map[string]int{"https": 443, "http": 80, "ssh": 22, "git": 9418}
	if r.ep.Port > 0 && r.ep.Port != defaults[r.ep.Protocol] {
		return net.JoinHostPort(r.ep.Host, strconv.Itoa(r.ep.Port))
	}
	return r.ep.Host
}

func (r *remote) sshRefused() string {
	user, what := r.ep.User, "no key was offered"
	if a, ok := r.auth.(*sshAuth); ok {
		user, what = a.user, a.offered()
	}
	return fmt.Sprintf("permission denied: the ssh server %s accepted none of your keys as %s (%s); add your public key (~/.ssh/id_ed25519.pub) to the account on %s, or load the right key into ssh-agent with ssh-add",
		r.host(), user, what, r.ep.Host)
}

func (r *remote) httpRefused() string {
	host := r.host()
	token := fmt.Sprintf("give a token in the URL (https://USER:TOKEN@%s/...), or use ssh", host)
	switch {
	case r.ep.Password != "":
		return fmt.Sprintf("%s refused the user and password in the URL (HTTP 401); check them, or leave them out to use your git credential helper", host)
	case r.ep.Protocol != "https":
		return fmt.Sprintf("%s asks for credentials over plain http, and crane sends a credential helper's password only over https; use https, or %s", host, token)
	case r.helper == helperNoGit:
		return fmt.Sprintf("%s asks for credentials; git is not installed, so no git credential helper could be asked: install git and configure a helper, or %s", host, token)
	case r.helper == helperRefused:
		return fmt.Sprintf("%s refused the credentials your git credential helper gave for user %s (HTTP 401), and crane told the helper to forget them (git credential reject); store the right ones (clone the repository once with git), or %s",
			host, r.cred.get("username"), token)
	}
	return fmt.Sprintf("%s asks for credentials and no git credential helper has them; configure one (git config --global credential.helper store, or your system's manager) and clone the repository once with git to store them, or %s", host, token)
}

// redacted is s as String gives it, with a password in the URL replaced,
// for messages.
func (s Source) redacted() string {
	if s.Kind != Git {
		return s.String()
	}
	return redactURL(s.URL) + s.String()[len(s.URL):]
}

// redactURL is u with the password of its user part, if any, replaced by
// xxxxx (as url.URL.Redacted does), even where u does not parse as a URL.
func redactURL(u string) string {
	i := strings.Index(u, "://")
	if i < 0 {
		return u
	}
	rest := u[i+3:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	at := strings.LastIndex(rest[:end], "@")
	if at < 0 {
		return u
	}
	colon := strings.Index(rest[:at], ":")
	if colon < 0 {
		return u
	}
	return u[:i+3] + rest[:colon+1] + "xxxxx" + rest[at:]
}

// WithoutSecrets is spec (a --pack value) as a lock file may record it,
// where it is committed and shared: an http(s) URL loses its whole user
// part (user:token, or a token given as the user, as GitHub takes it), any
// other URL its password (ssh://git@host keeps git@, which is no secret).
// The credentials come from the user's helpers or keys the next time.
func WithoutSecrets(spec string) string {
	src, err := Parse(spec)
	if err != nil || src.Kind != Git {
		return spec
	}
	u, err := url.Parse(src.URL)
	if err != nil || u.User == nil {
		return spec
	}
	if u.Scheme == "http" || u.Scheme == "https" {
		u.User = nil
	} else {
		u.User = url.User(u.User.Username())
	}
	return u.String() + spec[len(src.URL):]
}
