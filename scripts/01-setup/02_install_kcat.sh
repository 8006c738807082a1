#!/usr/bin/env bash
# Installs kcat, whose embedded librdkafka mock cluster is the Kafka-protocol broker used
# by the tests on machines without a Kafka server. Idempotent; Debian/Ubuntu; run as root.
set -euo pipefail

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  cat <<'USAGE'
Usage: scripts/01-setup/02_install_kcat.sh [--help]

Installs Debian's kcat package when it is missing. Tests start its mock cluster with
  kcat -b localhost:9092 -X test.mock.num.brokers=3 -d mock -C -t warmup
which prints bootstrap.servers=127.0.0.1:PORT,... on stderr and serves until killed.
USAGE
  exit 0
fi
[[ $EUID -eq 0 ]] || { echo "error: run as root (apt-get needs it)" >&2; exit 1; }

if command -v kcat >/dev/null 2>&1; then
  echo "[02_install_kcat] kcat already installed: $(kcat -V 2>&1 | head -1)"
  exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kcat >/dev/null
echo "[02_install_kcat] installed: $(kcat -V 2>&1 | head -1)"
