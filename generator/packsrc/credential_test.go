package packsrc

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/internal/gitserve"
)

// helperScript is a git credential helper: it logs each action and what
// git gave it, and answers get with the username and password in the
// files next to it.
const helperScript = `#!/bin/sh
dir=$(dirname "$0")
echo "action $1" >> "$dir/log"
while IFS= read -r line && [ -n "$line" ]; do echo "$line" >> "$dir/log"; done
if [ "$1" = get ]; then
	echo "username=$(cat "$dir/user")"
	echo "password=$(cat "$dir/password")"
fi
`

// credEnv is a user's machine for the credential tests: HOME a temp
// folder, git's global config a file of its own (no system config), the
// test origin served over HTTPS behind basic auth as alice, s3cret.
type credEnv struct {
	o      *origin
	srv    *gitserve.HTTPServer
	dir    string // the helper's folder: log, user, password
	config string // GIT_CONFIG_GLOBAL
}

func newCredEnv(t *testing.T, serve func(testing.TB, string, string, string) *gitserve.HTTPServer) *credEnv {
	t.Helper()
	e := &credEnv{o: newOrigin(t), dir: t.TempDir()}
	e.srv = serve(t, filepath.Dir(e.o.bare), "alice", "s3cret")
	e.config = filepath.Join(e.dir, "gitconfig")
	t.Setenv("HOME", t.TempDir())
	t.Setenv("GIT_CONFIG_GLOBAL", e.config)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_TERMINAL_PROMPT", "")
	if err := os.WriteFile(e.config, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return e
}

// helper configures the helper script, answering user and password.
func (e *credEnv) helper(t *testing.T, user, password string) {
	t.Helper()
	script := filepath.Join(e.dir, "helper.sh")
	for name, data := range map[string]string{"helper.sh": helperScript, "user": user, "password": password, "log": ""} {
		if err := os.WriteFile(filepath.Join(e.dir, name), []byte(data), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(e.config, []byte(fmt.Sprintf("[credential]\n\thelper = %s\n", script)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// log is what the helper was asked.
func (e *credEnv) log(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(e.dir, "log"))
	if os.IsNotExist(err) {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func (e *credEnv) fetch(t *testing.T, spec string) (Snapshot, error) {
	t.Helper()
	src, err := Parse(spec)
	if err != nil {
		t.Fatal(err)
	}
	snap, _, err := Cache{Dir: t.TempDir(), Limits: DefaultLimits, HTTPClient: e.srv.Client}.Fetch(context.Background(), src)
	return snap, err
}

// TestCredentialHelper: an HTTPS server asking for credentials gets the
// ones the user's git credential helper stores for its host; git is told
// they worked (the helper's store) or were refused (its erase).
func TestCredentialHelper(t *testing.T) {
	e := newCredEnv(t, gitserve.HTTPS)
	host := strings.TrimPrefix(e.srv.URL, "https://")
	spec := e.srv.URL + "/origin.git//packs/svc@v1"

	e.helper(t, "alice", "s3cret")
	snap, err := e.fetch(t, spec)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("v1\n", string(snap.Files["pack.yaml"])); diff != "" {
		t.Errorf("pack.yaml (-want +got):\n%s", diff)
	}
	// git gives helpers no path unless credential.useHttpPath is set.
	want := "action get\nprotocol=https\nhost=" + host + "\n" +
		"action store\nprotocol=https\nhost=" + host + "\nusername=alice\npassword=s3cret\n"
	if diff := cmp.Diff(want, e.log(t)); diff != "" {
		t.Errorf("helper log (-want +got):\n%s", diff)
	}

	e.helper(t, "alice", "wrong")
	_, err = e.fetch(t, spec)
	wantErr := "pack " + spec + ": " + host + " refused the credentials your git credential helper gave for user alice (HTTP 401), and crane told the helper to forget them (git credential reject); store the right ones (clone the repository once with git), or give a token in the URL (https://USER:TOKEN@" + host + "/...), or use ssh"
	if err == nil || err.Error() != wantErr {
		t.Fatalf("got error\n%v\nwant\n%s", err, wantErr)
	}
	want = "action get\nprotocol=https\nhost=" + host + "\n" +
		"action erase\nprotocol=https\nhost=" + host + "\nusername=alice\npassword=wrong\n"
	if diff := cmp.Diff(want, e.log(t)); diff != "" {
		t.Errorf("helper log (-want +got):\n%s", diff)
	}
}

// TestCredentialHelperUseHTTPPath: with credential.useHttpPath, git gives
// the helper the repository's path too, as crane sent it.
func TestCredentialHelperUseHTTPPath(t *testing.T) {
	e := newCredEnv(t, gitserve.HTTPS)
	e.helper(t, "alice", "s3cret")
	f, err := os.OpenFile(e.config, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(f, "\tuseHttpPath = true\n")
	f.Close()
	if _, err := e.fetch(t, e.srv.URL+"/origin.git//packs/svc@v1"); err != nil {
		t.Fatal(err)
	}
	if log := e.log(t); !strings.Contains(log, "action get\nprotocol=https\nhost="+strings.TrimPrefix(e.srv.URL, "https://")+"\npath=origin.git\n") {
		t.Errorf("helper log %q: want a get with path=origin.git", log)
	}
}

// TestCredentialRefused: what a user is told when no credentials work,
// never a password, and the helper asked only where it should be.
func TestCredentialRefused(t *testing.T) {
	t.Run("no helper", func(t *testing.T) {
		e := newCredEnv(t, gitserve.HTTPS)
		host := strings.TrimPrefix(e.srv.URL, "https://")
		// An askpass program would prompt: crane must never run one.
		askpass := filepath.Join(e.dir, "askpass.sh")
		if err := os.WriteFile(askpass, []byte("#!/bin/sh\necho asked >> \"$(dirname \"$0\")/log\"\necho s3cret\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		t.Setenv("GIT_ASKPASS", askpass)
		t.Setenv("SSH_ASKPASS", askpass)
		if err := os.WriteFile(e.config, []byte("[core]\n\taskPass = "+askpass+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := e.fetch(t, e.srv.URL+"/origin.git@v1")
		want := "pack " + e.srv.URL + "/origin.git@v1: " + host + " asks for credentials and no git credential helper has them; configure one (git config --global credential.helper store, or your system's manager) and clone the repository once with git to store them, or give a token in the URL (https://USER:TOKEN@" + host + "/...), or use ssh"
		if err == nil || err.Error() != want {
			t.Fatalf("got error\n%v\nwant\n%s", err, want)
		}
		if log := e.log(t); log != "" {
			t.Errorf("an askpass program was run:\n%s", log)
		}
	})
	t.Run("git not installed", func(t *testing.T) {
		e := newCredEnv(t, gitserve.HTTPS)
		e.helper(t, "alice", "s3cret")
		t.Setenv("PATH", t.TempDir())
		_, err := e.fetch(t, e.srv.URL+"/origin.git@v1")
		if want := "asks for credentials; git is not installed, so no git credential helper could be asked: install git and configure a helper, or give a token in the URL"; err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("got error %v, want one containing %q", err, want)
		}
	})
	t.Run("plain http", func(t *testing.T) {
		e := newCredEnv(t, gitserve.HTTP)
		e.helper(t, "alice", "s3cret")
		_, err := e.fetch(t, e.srv.URL+"/origin.git@v1")
		if want := "asks for credentials over plain http, and crane sends a credential helper's password only over https; use https, or give a token in the URL"; err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("got error %v, want one containing %q", err, want)
		}
		if log := e.log(t); log != "" {
			t.Errorf("the helper was asked for a plain http URL:\n%s", log)
		}
	})
	t.Run("password in the URL", func(t *testing.T) {
		e := newCredEnv(t, gitserve.HTTPS)
		e.helper(t, "alice", "s3cret")
		hostURL := strings.TrimPrefix(e.srv.URL, "https://")
		_, err := e.fetch(t, "https://alice:t0ken-wrong@"+hostURL+"/origin.git@v1")
		want := "pack https://alice:xxxxx@" + hostURL + "/origin.git@v1: " + hostURL + " refused the user and password in the URL (HTTP 401); check them, or leave them out to use your git credential helper"
		if err == nil || err.Error() != want {
			t.Fatalf("got error\n%v\nwant\n%s", err, want)
		}
		if log := e.log(t); log != "" {
			t.Errorf("the helper was asked although the URL gives a password:\n%s", log)
		}
		if _, err := e.fetch(t, "https://alice:s3cret@"+hostURL+"/origin.git//packs/svc@v1"); err != nil {
			t.Errorf("the right password in the URL: %v", err)
		}
	})
}

// TestCredentialRequest: what git's helpers are asked for a URL, and a URL
// that would smuggle a line into git's credential protocol is refused.
func TestCredentialRequest(t *testing.T) {
	tests := []struct {
		url  string
		want []string
	}{
		{"https://github.com/acme/packs.git", []string{"protocol=https", "host=github.com", "path=acme/packs.git"}},
		{"https://github.com:443/acme/packs.git", []string{"protocol=https", "host=github.com", "path=acme/packs.git"}},
		{"https://bob@git.example.com:8443/packs", []string{"protocol=https", "host=git.example.com:8443", "path=packs", "username=bob"}},
	}
	for _, tt := range tests {
		r := testRemote(t, tt.url)
		got, err := credentialRequest(r.ep)
		if err != nil {
			t.Fatalf("%s: %v", tt.url, err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.url, diff)
		}
	}
	r := testRemote(t, "https://github.com/acme%0ahost=evil.example/packs.git")
	if got, err := credentialRequest(r.ep); err == nil {
		t.Errorf("a newline in the path: got %q, want an error", got)
	}
}

// TestRedactURL: a password in a URL is never shown, even in one that does
// not parse.
func TestRedactURL(t *testing.T) {
	tests := map[string]string{
		"https://alice:t0k@host/x.git":        "https://alice:xxxxx@host/x.git",
		"https://alice:t0k@host:bad/x.git":    "https://alice:xxxxx@host:bad/x.git",
		"https://alice:p@ss@host/x.git":       "https://alice:xxxxx@host/x.git",
		"https://alice@host/x.git":            "https://alice@host/x.git",
		"https://host/a:b@c":                  "https://host/a:b@c",
		"ssh://git@host:22/x.git":             "ssh://git@host:22/x.git",
		"git@github.com:acme/packs.git":       "git@github.com:acme/packs.git",
		"https://alice:t0k@host?q=a:b@c#frag": "https://alice:xxxxx@host?q=a:b@c#frag",
	}
	for in, want := range tests {
		if got := redactURL(in); got != want {
			t.Errorf("redactURL(%q) = %q, want %q", in, got, want)
		}
	}
	src, err := Parse("https://alice:t0k@host/x.git//packs/svc@v1")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := src.redacted(), "https://alice:xxxxx@host/x.git//packs/svc@v1"; got != want {
		t.Errorf("redacted = %q, want %q", got, want)
	}
}

// FuzzRedactURL: the password of a URL's user part is replaced, and
// nothing else changes, whatever the password and the path hold.
func FuzzRedactURL(f *testing.F) {
	f.Add("alice", "t0k", "host:8443", "/x.git?q=a:b@c")
	f.Add("", "p@ss", "host", "")
	f.Fuzz(func(t *testing.T, user, pass, host, rest string) {
		if pass == "" || strings.ContainsAny(pass+host, "/?#") || strings.ContainsAny(user, "/?#:@") || strings.Contains(host, "@") ||
			rest != "" && !strings.ContainsAny(rest[:1], "/?#") {
			t.Skip()
		}
		u := "https://" + user + ":" + pass + "@" + host + rest
		if got, want := redactURL(u), "https://"+user+":xxxxx@"+host+rest; got != want {
			t.Errorf("redactURL(%q) = %q, want %q", u, got, want)
		}
	})
}
