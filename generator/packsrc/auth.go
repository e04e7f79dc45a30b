package packsrc

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing/transport"
	gitssh "github.com/go-git/go-git/v5/plumbing/transport/ssh"
	"github.com/skeema/knownhosts"
	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
	xknownhosts "golang.org/x/crypto/ssh/knownhosts"
)

// sshKeyFiles are the keys of ~/.ssh crane offers, in OpenSSH's order.
var sshKeyFiles = []string{"id_ed25519", "id_ecdsa", "id_rsa"}

// authFor picks the credentials for url: for ssh an sshAuth; for https
// nil, go-git sending the user and password of the URL itself (a git
// credential helper is asked only when the server refuses, see remote.refs).
func authFor(url string) transport.AuthMethod {
	ep, err := transport.NewEndpoint(url)
	if err != nil || ep.Protocol != "ssh" {
		return nil
	}
	return newSSHAuth(ep)
}

// sshAuth is what crane offers an ssh server, as OpenSSH does by default:
// every key of the ssh-agent (SSH_AUTH_SOCK), then each of ~/.ssh/id_ed25519,
// id_ecdsa and id_rsa that loads without a passphrase and is not in the
// agent already. The server's key must be the one known_hosts records for
// it ($SSH_KNOWN_HOSTS, else ~/.ssh/known_hosts and /etc/ssh/ssh_known_hosts);
// crane never adds a host itself. It implements go-git's ssh AuthMethod.
type sshAuth struct {
	user, host string // host as dialled: host:port
	home       string // for ~ in messages

	mu          sync.Mutex
	agent       net.Conn // the ssh-agent's socket, opened when first needed
	agentClient agent.ExtendedAgent
	tried       []string // what was offered, for an error
	skipped     []string // keys not offered, and why
}

func newSSHAuth(ep *transport.Endpoint) *sshAuth {
	user := ep.User
	if user == "" {
		user = "git"
	}
	home, _ := os.UserHomeDir()
	return &sshAuth{user: user, host: sshAddr(ep), home: home}
}

// sshAddr is the host:port go-git dials for ep: ~/.ssh/config's HostName
// and Port for the host when it sets them (go-git reads them too).
func sshAddr(ep *transport.Endpoint) string {
	host, port := ep.Host, ep.Port
	if port <= 0 {
		port = gitssh.DefaultPort
	}
	if gitssh.DefaultSSHConfig != nil {
		if h := gitssh.DefaultSSHConfig.Get(ep.Host, "Hostname"); h != "" {
			host = h
			if p, err := strconv.Atoi(gitssh.DefaultSSHConfig.Get(ep.Host, "Port")); err == nil {
				port = p
			}
		}
	}
	return net.JoinHostPort(host, strconv.Itoa(port))
}

// Name names the method, for go-git.
func (a *sshAuth) Name() string { return "crane-ssh" }

// String describes the method without secrets.
func (a *sshAuth) String() string { return "user: " + a.user + ", keys of ssh-agent and ~/.ssh" }

// ClientConfig gives go-git the user, the keys (loaded when the server asks
// for them) and the known_hosts check, with the host key algorithms of the
// keys known_hosts holds for the host, so that a server offering several
// host keys proves itself with one the user has.
func (a *sshAuth) ClientConfig() (*ssh.ClientConfig, error) {
	cfg := &ssh.ClientConfig{User: a.user, Auth: []ssh.AuthMethod{ssh.PublicKeysCallback(a.signers)}}
	files := knownHostsFiles(a.home)
	if len(files) == 0 {
		cfg.HostKeyCallback = func(host string, _ net.Addr, key ssh.PublicKey) error {
			return &hostKeyError{auth: a, host: host, key: key}
		}
		return cfg, nil
	}
	db, err := knownhosts.NewDB(files...)
	if err != nil {
		return nil, &knownHostsError{auth: a, files: files}
	}
	check := db.HostKeyCallback()
	cfg.HostKeyAlgorithms = db.HostKeyAlgorithms(a.host)
	cfg.HostKeyCallback = func(host string, remote net.Addr, key ssh.PublicKey) error {
		err := check(host, remote, key)
		var ke *xknownhosts.KeyError
		if errors.As(err, &ke) {
			return &hostKeyError{auth: a, host: host, key: key, files: files, want: ke.Want}
		}
		return err
	}
	return cfg, nil
}

// knownHostsFiles are the known_hosts files that exist, as OpenSSH and
// go-git read them.
func knownHostsFiles(home string) []string {
	files := filepath.SplitList(os.Getenv("SSH_KNOWN_HOSTS"))
	if len(files) == 0 {
		files = []string{filepath.Join(home, ".ssh", "known_hosts"), "/etc/ssh/ssh_known_hosts"}
	}
	var out []string
	for _, f := range files {
		if _, err := os.Stat(f); err == nil {
			out = append(out, f)
		}
	}
	return out
}

// signers loads the keys when the server asks: the agent's, then the
// files', noting what it offers and what it skips.
func (a *sshAuth) signers() ([]ssh.Signer, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.tried, a.skipped = nil, nil
	var out []ssh.Signer
	seen := map[string]bool{}
	if sock := os.Getenv("SSH_AUTH_SOCK"); sock != "" {
		if a.agent == nil {
			conn, err := net.Dial("unix", sock)
			if err != nil {
				a.skipped = append(a.skipped, "the ssh-agent (SSH_AUTH_SOCK="+sock+") did not answer")
			} else {
				// One client per connection: a client reads every answer
				// on it, so a second one would wait forever.
				a.agent, a.agentClient = conn, agent.NewClient(conn)
			}
		}
		if a.agent != nil {
			list, err := a.agentClient.Signers()
			switch {
			case err != nil:
				a.skipped = append(a.skipped, "the ssh-agent did not list its keys")
			case len(list) == 0:
				a.skipped = append(a.skipped, "the ssh-agent holds no key")
			}
			for _, s := range list {
				seen[string(s.PublicKey().Marshal())] = true
				a.tried = append(a.tried, "ssh-agent key "+ssh.FingerprintSHA256(s.PublicKey()))
				out = append(out, s)
			}
		}
	}
	for _, name := range sshKeyFiles {
		p := filepath.Join(a.home, ".ssh", name)
		data, err := os.ReadFile(p)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		var s ssh.Signer
		if err == nil {
			s, err = ssh.ParsePrivateKey(data)
		}
		var pass *ssh.PassphraseMissingError
		switch {
		case errors.As(err, &pass):
			a.skipped = append(a.skipped, a.tilde(p)[0]+" needs its passphrase (load it with ssh-add)")
			continue
		case err != nil:
			a.skipped = append(a.skipped, a.tilde(p)[0]+" could not be read")
			continue
		case seen[string(s.PublicKey().Marshal())]:
			continue
		}
		a.tried = append(a.tried, a.tilde(p)[0])
		out = append(out, s)
	}
	return out, nil
}

// offered says which keys were offered and which skipped, for an error.
func (a *sshAuth) offered() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	var parts []string
	if len(a.tried) > 0 {
		parts = append(parts, "tried "+strings.Join(a.tried, ", "))
	} else {
		parts = append(parts, "no key to offer (none in ssh-agent, none of ~/.ssh/"+strings.Join(sshKeyFiles, ", ")+")")
	}
	return strings.Join(append(parts, a.skipped...), "; ")
}

// Close closes the connection to the agent, if one was opened.
func (a *sshAuth) Close() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.agent == nil {
		return nil
	}
	err := a.agent.Close()
	a.agent, a.agentClient = nil, nil
	return err
}

// tilde writes paths under the home folder as ~/..., for messages.
func (a *sshAuth) tilde(paths ...string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		if rel, err := filepath.Rel(a.home, p); a.home != "" && err == nil && !strings.HasPrefix(rel, "..") {
			p = "~/" + filepath.ToSlash(rel)
		}
		out[i] = p
	}
	return out
}
