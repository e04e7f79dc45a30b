package packsrc

import (
	"fmt"
	"net"
	"os"
	"strings"

	"github.com/skeema/knownhosts"
	"golang.org/x/crypto/ssh"
	xknownhosts "golang.org/x/crypto/ssh/knownhosts"
)

// hostKeyError is an ssh server whose key the known hosts do not vouch
// for: unknown (want empty), or known with another key (want lists the
// lines that record it). Both stop the connection before any key of the
// user's is offered.
type hostKeyError struct {
	auth  *sshAuth
	host  string // host:port as dialled
	key   ssh.PublicKey
	files []string
	want  []xknownhosts.KnownKey
}

func (e *hostKeyError) Error() string {
	name := knownhosts.Normalize(e.host)
	got := fmt.Sprintf("%s key %s", e.key.Type(), ssh.FingerprintSHA256(e.key))
	if len(e.want) == 0 {
		where := "~/.ssh/known_hosts (missing)"
		if len(e.files) > 0 {
			where = strings.Join(e.auth.tilde(e.files...), ", ")
		}
		return fmt.Sprintf("the ssh host %s is not in your known hosts (%s); it offers its %s: check that fingerprint with the host's owner, then add the host by connecting once with `%s` and answering yes",
			name, where, got, e.sshCommand())
	}
	var lines []string
	for _, w := range e.want {
		lines = append(lines, fmt.Sprintf("%s:%d", e.auth.tilde(w.Filename)[0], w.Line))
	}
	return fmt.Sprintf("the ssh host %s offers its %s, which is not the one your known hosts record for it (%s): the connection may be intercepted, or the host changed its key; check with the host's owner, and only then remove the old entry with `ssh-keygen -R '%s'` and connect once with `%s`",
		name, got, strings.Join(lines, ", "), name, e.sshCommand())
}

// sshCommand is the ssh command that connects to the host as crane does.
func (e *hostKeyError) sshCommand() string {
	host, port, err := net.SplitHostPort(e.host)
	if err != nil {
		return "ssh " + e.auth.user + "@" + e.host
	}
	if port == "22" {
		return "ssh " + e.auth.user + "@" + host
	}
	return "ssh -p " + port + " " + e.auth.user + "@" + host
}

// knownHostsError is a known_hosts file crane cannot use.
type knownHostsError struct {
	auth  *sshAuth
	files []string
}

func (e *knownHostsError) Error() string {
	for _, f := range e.files {
		data, err := os.ReadFile(f)
		if err != nil {
			return fmt.Sprintf("the ssh known hosts file %s cannot be read; check its permissions", e.auth.tilde(f)[0])
		}
		for i, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if _, _, _, _, _, err := ssh.ParseKnownHosts([]byte(line)); err != nil {
				return fmt.Sprintf("line %d of the ssh known hosts file %s is not a known_hosts line (HOST KEY-TYPE BASE64-KEY); fix or remove it", i+1, e.auth.tilde(f)[0])
			}
		}
	}
	return fmt.Sprintf("the ssh known hosts (%s) cannot be read; fix them or set SSH_KNOWN_HOSTS to files that can", strings.Join(e.auth.tilde(e.files...), ", "))
}
