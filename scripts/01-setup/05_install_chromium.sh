#!/usr/bin/env bash
# Installs Chromium (if missing): the browser the e2e-browser test tier drives through
# playwright-core (no Playwright browser download). Idempotent; Debian/Ubuntu; run as root.
set -euo pipefail

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  cat <<'USAGE'
Usage: scripts/01-setup/05_install_chromium.sh [--help]

Installs Debian's chromium package when /usr/bin/chromium is missing, then prints its
version. The browser tests (npm run jest -- --selectProjects e2e-browser) launch it
headless from /usr/bin/chromium, or from CHROMIUM_PATH when set.
Exits non-zero if the package cannot be installed or the browser does not start.
USAGE
  exit 0
fi

log() { echo "[05_install_chromium] $*"; }
CHROMIUM=/usr/bin/chromium

if [[ ! -x "$CHROMIUM" ]]; then
  [[ $EUID -eq 0 ]] || { echo "error: $CHROMIUM is missing; run as root to install it (apt-get needs it)" >&2; exit 1; }
  log "installing Debian's chromium package"
  apt-get update -qq || { echo "error: apt-get update failed; check the network and apt sources" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null ||
    { echo "error: apt-get install chromium failed (is the chromium package in your apt sources?)" >&2; exit 1; }
  [[ -x "$CHROMIUM" ]] || { echo "error: the chromium package installed no $CHROMIUM" >&2; exit 1; }
  log "installed"
fi

version="$("$CHROMIUM" --version 2>/dev/null)" ||
  { echo "error: $CHROMIUM is installed but does not run ($CHROMIUM --version failed)" >&2; exit 1; }
log "$version at $CHROMIUM"
