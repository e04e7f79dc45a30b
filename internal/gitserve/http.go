package gitserve

import (
	"crypto/subtle"
	"crypto/x509"
	"net/http"
	"net/http/cgi"
	"net/http/httptest"
	"testing"
)

// HTTPServer is a running smart-HTTP git server.
type HTTPServer struct {
	URL         string            // https://127.0.0.1:PORT (or http:// with HTTP)
	Client      *http.Client      // a client that trusts the server's certificate
	Certificate *x509.Certificate // the server's certificate (nil with HTTP)
}

// HTTPS serves the bare repositories under root with git http-backend over
// TLS until the test ends, to clients giving user and password with basic
// authentication; others get 401 and a Basic challenge, as a git host
// answers for a private repository.
func HTTPS(t testing.TB, root, user, password string) *HTTPServer {
	t.Helper()
	srv := httptest.NewTLSServer(backend(t, root, user, password))
	t.Cleanup(srv.Close)
	return &HTTPServer{URL: srv.URL, Client: srv.Client(), Certificate: srv.Certificate()}
}

// HTTP is HTTPS without TLS.
func HTTP(t testing.TB, root, user, password string) *HTTPServer {
	t.Helper()
	srv := httptest.NewServer(backend(t, root, user, password))
	t.Cleanup(srv.Close)
	return &HTTPServer{URL: srv.URL, Client: srv.Client()}
}

func backend(t testing.TB, root, user, password string) http.Handler {
	git := &cgi.Handler{
		Path: needGit(t),
		Args: []string{"http-backend"},
		Env:  []string{"GIT_PROJECT_ROOT=" + root, "GIT_HTTP_EXPORT_ALL=1", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1"},
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, p, ok := r.BasicAuth()
		if !ok || subtle.ConstantTimeCompare([]byte(u), []byte(user)) != 1 || subtle.ConstantTimeCompare([]byte(p), []byte(password)) != 1 {
			w.Header().Set("WWW-Authenticate", `Basic realm="git"`)
			http.Error(w, "authentication required", http.StatusUnauthorized)
			return
		}
		git.ServeHTTP(w, r)
	})
}
