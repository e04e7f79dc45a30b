#!/usr/bin/env bash
# crane's single entry point: ./build.sh build|test|lint|golden|keep|bench|release
#   build    go build -o bin/crane with the version stamped
#   test     lint, then go test ./... (golden trees, CLI scripts, end-to-end pack builds
#            with every toolchain found on the machine; a missing one is skipped and said);
#            installs shellcheck, mono-mcs, mono-runtime and strace with apt-get when it can
#   lint     gofmt, go vet and staticcheck (pinned in go.mod)
#   golden   rewrite the golden trees: go test ./cmd -run Golden -update
#   keep     keep every pack's current version under templates/kept (crane update's
#            base), refusing a kept version whose files changed:
#            go test ./templates -run Kept -update
#   bench    go test -bench . -benchmem -run '^$' ./..., then the speed table
#            (internal/benchtable: crane against cp -a, static Go floors, cookiecutter)
#   release  static binaries for linux, darwin and windows into dist/
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

need() {
  command -v go >/dev/null 2>&1 || { echo "build.sh: go is not on PATH; install Go 1.26 or later" >&2; exit 1; }
}

# tools installs, where it can, the optional tools the tests use: shellcheck
# lints every pack's generated build.sh; Mono's C# compiler and runtime
# (mono-mcs, mono-runtime) compile and run the dotnet pack's C# where the .NET
# SDK is missing; strace kills crane at every file-changing system call in the
# crash test.
# Without one, its test skips and says so.
tools() {
  install_tool shellcheck shellcheck
  install_tool mcs mono-mcs
  install_tool mono mono-runtime
  install_tool strace strace
  # uv, for the end-to-end tests of a uv.lock project (they find it on PATH or
  # as python3's uv module, which pip installs).
  if command -v python3 >/dev/null 2>&1 && ! command -v uv >/dev/null 2>&1 \
    && ! python3 -c 'import uv' >/dev/null 2>&1; then
    echo "build.sh: installing uv (pip)" >&2
    { python3 -m pip install -q --user uv || python3 -m pip install -q uv; } >/dev/null 2>&1 \
      || echo "build.sh: could not install uv; the tests that need it will skip" >&2
  fi
}

# install_tool COMMAND PACKAGE installs PACKAGE with apt-get unless COMMAND is
# on PATH, when running as root on a machine with apt-get.
install_tool() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "build.sh: installing $2 (apt-get)" >&2
    { apt-get install -y -qq "$2" || { apt-get update -qq && apt-get install -y -qq "$2"; }; } >/dev/null 2>&1 \
      || echo "build.sh: could not install $2; the tests that need $1 will skip" >&2
  else
    echo "build.sh: $1 is not installed ($2); the tests that need it will skip" >&2
  fi
}

version() { tr -d ' \n' < VERSION 2>/dev/null || echo dev; }
ldflags() { echo "-s -w -X github.com/ewilde/crane/cmd.version=$(version)"; }

# tracked_outputs fails when git tracks a file over 1 MB or a binary (an ELF,
# Mach-O or PE executable, or a Go test binary): build outputs are never
# committed. Golden trees and fixtures are text and stay far below the limit.
tracked_outputs() {
  git rev-parse --git-dir >/dev/null 2>&1 || return 0
  local bad
  bad="$(git ls-files -z | xargs -0 -r sh -c '
    for f do
      [ -f "$f" ] || continue
      size=$(wc -c < "$f")
      if [ "$size" -gt 1048576 ]; then echo "$f ($size bytes; the limit is 1 MB)"; continue; fi
      case "$f" in *.test|*.exe|*.prof) echo "$f (a build output)"; continue;; esac
      magic=$(head -c 4 "$f" | od -An -tx1 | tr -d " \n")
      case "$magic" in 7f454c46|cffaedfe|cefaedfe|feedfacf|feedface|4d5a*) echo "$f (a binary)";; esac
    done' sh)"
  if [ -n "$bad" ]; then
    echo "build outputs or large files are tracked; git rm --cached them and ignore them:" >&2
    echo "$bad" >&2; exit 1
  fi
}

lint() {
  local unformatted
  unformatted="$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"
  if [ -n "$unformatted" ]; then
    echo "gofmt would change:" >&2; echo "$unformatted" >&2; exit 1
  fi
  tracked_outputs
  go vet ./...
  # crane ships for Windows and macOS too (release): every package, tests
  # included, must at least compile and vet there.
  GOOS=windows go vet ./...
  GOOS=darwin go vet ./...
  # staticcheck is pinned in go.mod's tool block (go get -tool).
  go tool staticcheck ./...
}

task="${1:-build}"
need
case "$task" in
  build) CGO_ENABLED=0 go build -trimpath -ldflags "$(ldflags)" -o bin/crane . ;;
  test)
    lint
    tools
    go test -count=1 -timeout 20m ./...
    ;;
  lint) lint ;;
  golden) go test ./cmd -run 'Golden' -update ;; # the golden tests are all in cmd; other packages have no -update flag
  keep) go test -count=1 ./templates -run 'Kept' -update ;;
  bench)
    go test -run '^$' -bench . -benchmem ./...
    # The speed targets (README, "Speed"): crane against its floors, one run.
    command -v cookiecutter >/dev/null 2>&1 || python3 -m pip install -q cookiecutter >/dev/null 2>&1 \
      || echo "build.sh: cookiecutter could not be installed; its row says so" >&2
    go run ./internal/benchtable
    ;;
  release)
    for target in linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64; do
      os="${target%/*}" arch="${target#*/}" ext=""
      [ "$os" = windows ] && ext=.exe
      CGO_ENABLED=0 GOOS="$os" GOARCH="$arch" go build -trimpath -ldflags "$(ldflags)" \
        -o "dist/crane_${os}_${arch}${ext}" .
    done
    ;;
  *) echo "usage: ./build.sh build|test|lint|golden|keep|bench|release" >&2; exit 2 ;;
esac
