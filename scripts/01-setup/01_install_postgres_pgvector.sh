#!/usr/bin/env bash
# Installs PostgreSQL (if missing), starts it, and builds pgvector from Debian trixie's
# source package against the installed server. Idempotent; Debian/Ubuntu; run as root.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/01-setup/01_install_postgres_pgvector.sh [--help]

Makes sure a PostgreSQL server is installed and running on this machine and that the
pgvector extension is available to it (CREATE EXTENSION vector).

- PostgreSQL: installed from Debian's packages when no server is present, then started.
- pgvector: Debian 12 does not package it, so the script adds a deb-src entry for trixie,
  downloads the pgvector *source* package and builds it against the local server
  (postgresql-server-dev-N). Skipped when the extension is already available.

Environment:
  PG_VERSION   server major version to build for (default: the installed one, else 15)

Runs every step only when needed, so running it twice is harmless.
USAGE
}
[[ "${1:-}" == "--help" || "${1:-}" == "-h" ]] && { usage; exit 0; }
[[ $EUID -eq 0 ]] || { echo "error: run as root (apt-get and make install need it)" >&2; exit 1; }

log() { echo "[01_install_postgres_pgvector] $*"; }
apt_updated=0
apt_install() {
  if [[ $apt_updated -eq 0 ]]; then
    apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "no PostgreSQL server found; installing Debian's postgresql package"
  apt_install postgresql
fi
PG_VERSION="${PG_VERSION:-$(ls /usr/lib/postgresql | sort -n | tail -1)}"
log "PostgreSQL ${PG_VERSION}"

if ! pg_lsclusters -h 2>/dev/null | awk '{print $4}' | grep -q online; then
  log "starting the PostgreSQL cluster"
  pg_ctlcluster --skip-systemctl-redirect "${PG_VERSION}" main start
fi

if [[ -f "/usr/share/postgresql/${PG_VERSION}/extension/vector.control" ]]; then
  log "pgvector already installed: $(grep default_version "/usr/share/postgresql/${PG_VERSION}/extension/vector.control")"
  exit 0
fi

srclist=/etc/apt/sources.list.d/trixie-src.list
if [[ ! -f $srclist ]]; then
  log "adding a deb-src entry for trixie (source packages only; no binaries are pulled from it)"
  echo "deb-src http://deb.debian.org/debian trixie main" >"$srclist"
  apt_updated=0
fi
apt_install "postgresql-server-dev-${PG_VERSION}" dpkg-dev build-essential

workdir=$(mktemp -d /tmp/pgvector-build.XXXXXX)
trap 'rm -rf "$workdir"' EXIT
cd "$workdir"
log "fetching the pgvector source package"
apt-get source -qq pgvector >/dev/null 2>&1 || apt-get source pgvector
cd "$(find . -maxdepth 1 -type d -name 'pgvector-*' | head -1)"
log "building pgvector $(basename "$PWD") against PostgreSQL ${PG_VERSION}"
make -s OPTFLAGS="" PG_CONFIG="/usr/lib/postgresql/${PG_VERSION}/bin/pg_config" >/dev/null
make -s install PG_CONFIG="/usr/lib/postgresql/${PG_VERSION}/bin/pg_config" >/dev/null
log "pgvector installed"
