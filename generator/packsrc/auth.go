package packsrc

import (
	"os"
	"path/filepath"

	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/plumbing/transport/ssh"
)

// authFor picks the credentials for url the way go-git can use them: for
// ssh, the ssh-agent when SSH_AUTH_SOCK is set, else the first of
// ~/.ssh/id_ed25519, id_ecdsa, id_rsa that loads without a passphrase; for
// https, the user and password in the URL (go-git reads them itself; it
// runs no git credential helper). nil leaves go-git its defaults.
func authFor(url string) transport.AuthMethod {
	ep, err := transport.NewEndpoint(url)
	if err != nil || ep.Protocol != "ssh" {
		return nil
	}
	user := ep.User
	if user == "" {
		user = "git"
	}
	if os.Getenv("SSH_AUTH_SOCK") != "" {
		if a, err := ssh.NewSSHAgentAuth(user); err == nil {
			return a
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return nil
	}
	for _, key := range []string{"id_ed25519", "id_ecdsa", "id_rsa"} {
		if a, err := ssh.NewPublicKeysFromFile(user, filepath.Join(home, ".ssh", key), ""); err == nil {
			return a
		}
	}
	return nil
}
