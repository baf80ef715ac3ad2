#!/usr/bin/env bash
# Navo's two commands:
#   ./build.sh run    install what is missing, start Navo with its embedded PostgreSQL and a demo workspace
#   ./build.sh test   install what is missing (PostgreSQL, Chromium, axe-core) and run every test
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '%s\n' "$*" >&2; }

have_postgres() {
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v initdb >/dev/null 2>&1
}

have_chromium() {
  command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]
}

# Installs Debian packages when running as root (or with password-less sudo); otherwise says what to run.
install_packages() {
  local apt=(apt-get)
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      apt=(sudo apt-get)
    else
      say "Navo needs these packages: $*"
      say "Install them with: sudo apt-get update && sudo apt-get install -y $*"
      exit 1
    fi
  fi
  say "Installing $* ..."
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq "$@" >/dev/null
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    say "Navo needs the .NET 10 SDK: see https://dot.net (or your distribution's dotnet-sdk-10.0 package)."
    exit 1
  fi
}

ensure_postgres() { have_postgres || install_packages postgresql; }
ensure_chromium() { have_chromium || install_packages chromium; }
# The durable-write test watches the storage's system calls (fsync before rename) with strace.
ensure_strace() { command -v strace >/dev/null 2>&1 || install_packages strace; }

# axe-core for the browser tests' accessibility checks, pinned by tests/Navo.E2E.Tests/package-lock.json.
ensure_test_node_modules() {
  command -v npm >/dev/null 2>&1 || install_packages nodejs npm
  [ -f tests/Navo.E2E.Tests/node_modules/axe-core/axe.min.js ] ||
    npm ci --prefix tests/Navo.E2E.Tests --no-audit --no-fund --loglevel=error >/dev/null
}

run() {
  ensure_dotnet
  ensure_postgres
  local port="${NAVO_PORT:-5180}"
  say "Starting Navo on http://127.0.0.1:${port} (data in .navo/) ..."
  exec dotnet run --project src/Navo.Host -c Release --no-launch-profile -- \
    --urls "http://127.0.0.1:${port}" --Navo:DataPath "$PWD/.navo" --environment Development
}

test() {
  ensure_dotnet
  ensure_postgres
  ensure_chromium
  ensure_strace
  ensure_test_node_modules
  dotnet build Navo.sln -c Release -nologo -clp:ErrorsOnly
  local log status
  log="$(mktemp)"
  set +e
  dotnet test Navo.sln -c Release --no-build -nologo 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  set -e
  # One closing line for the whole run, summed over the test assemblies.
  awk '/(Passed|Failed)! +- Failed:/ {
         gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) }
       } END { printf "%d passed, %d failed\n", p, f }' "$log"
  rm -f "$log"
  return "$status"
}

case "${1:-}" in
  run) run ;;
  test) test ;;
  *) say "usage: ./build.sh run | ./build.sh test"; exit 2 ;;
esac
