#!/usr/bin/env bash
# Checks that the cluster of kubectl's current context has everything k8s/overlays/production needs
# before its first apply (operators and their CRDs, namespaces, the secret store and the Secrets made
# from it, TLS Secrets, storage and ingress classes), that the overlay pins every image by the digest
# k8s/release-images.sh wrote (not the NOT-RELEASED placeholder), and says in plain words what is missing.
#
#   k8s/preflight.sh [--context NAME] [--kubeconfig FILE] [--overlay DIR (default: this checkout's production overlay)]
#
# Read-only (kubectl get; the overlay's files). Exit status 0: ready to apply; 1: something is missing; 2: the cluster could
# not be asked. Needs kubectl and a JDK 17 or newer (JAVA_HOME or java on PATH); the logic is
# deployment/src/main/java/nl/notaris/portal/deployment/Preflight.java, run from source, tested by the
# deployment module's PreflightTest. What to install and how: docs/operations.md, "First install".
set -Eeuo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v "$JAVA" >/dev/null 2>&1 || { echo "preflight: java not found: install a JDK 17 or newer, or set JAVA_HOME" >&2; exit 2; }
major=$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)
if [[ -z "$major" || "$major" -lt 17 ]]; then
  echo "preflight: $JAVA is Java ${major:-?}; a JDK 17 or newer is needed (set JAVA_HOME)" >&2
  exit 2
fi
command -v kubectl >/dev/null 2>&1 || { echo "preflight: kubectl not found on PATH" >&2; exit 2; }
exec "$JAVA" "$ROOT/deployment/src/main/java/nl/notaris/portal/deployment/Preflight.java" --overlay "$ROOT/k8s/overlays/production" "$@"
