#!/usr/bin/env bash
# Installs Redis (if missing) and starts it on 127.0.0.1:6379: the store the rate limits
# share between replicas (REDIS_URL), and what the tests' two-app rate-limit suite uses.
# Idempotent; Debian/Ubuntu; run as root.
set -euo pipefail

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  cat <<'USAGE'
Usage: scripts/01-setup/04_install_redis.sh [--help]

Installs Debian's redis-server package when no redis-server is present, then starts it
unless something already answers PING on 127.0.0.1:6379 (the tests' default
TEST_REDIS_URL=redis://127.0.0.1:6379). Exits non-zero if Redis does not answer after.
USAGE
  exit 0
fi
[[ $EUID -eq 0 ]] || { echo "error: run as root (apt-get needs it)" >&2; exit 1; }

log() { echo "[04_install_redis] $*"; }
answers() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

if ! command -v redis-server >/dev/null 2>&1; then
  log "installing Debian's redis-server package"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
if answers; then
  log "Redis already answers on 127.0.0.1:6379: $(redis-server --version | head -1)"
  exit 0
fi

log "starting Redis on 127.0.0.1:6379"
# A container has no init system: fall back to starting the daemon directly.
service redis-server start >/dev/null 2>&1 ||
  redis-server --bind 127.0.0.1 --port 6379 --daemonize yes >/dev/null
for _ in $(seq 1 50); do
  answers && { log "Redis answers: $(redis-server --version | head -1)"; exit 0; }
  sleep 0.1
done
echo "error: Redis does not answer PING on 127.0.0.1:6379 after starting it" >&2
exit 1
