#!/usr/bin/env bash
# Releases the portal's images and pins the production overlay to them by digest:
#
#   ./mvnw -DskipTests package          the jars first (<module>/target/<module>.jar, keycloak/target/keycloak.jar)
#   k8s/release-images.sh 0.2.0         then review and commit the changed files under k8s/
#
# 1. builds the seven services from docker/service.Dockerfile (build args SERVICE and PORT, the module folder as
#    context) and Keycloak from keycloak/Dockerfile, each as <repository>:<version>, with --pull (the base
#    image's current patch release);
# 2. pushes them and asks the registry for each pushed image's digest (docker buildx imagetools inspect, the digest
#    of the manifest or index the tag points to; else docker inspect's RepoDigests);
# 3. only when all eight are pushed: writes newTag <version> and digest sha256:… into the images: of
#    overlays/production/kustomization.yaml, <repository>:<version>@sha256:… into overlays/production/keycloak.yaml
#    and <version> into the app.kubernetes.io/version labels of base/*.yaml.
#
# The repositories are those the overlay names (newName in kustomization.yaml, spec.image in keycloak.yaml): change
# the registry there. A version already in the registry is refused (a released tag is never moved). Needs docker
# (logged in to the registry) with buildx. Tested with a stand-in docker by the deployment module (ReleaseImagesTest).
set -Eeuo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OVERLAY="$ROOT/k8s/overlays/production"

# The seven services and their application ports (README, "Ports"; docker-compose.yml passes the same).
SERVICES=(gateway:8080 identity-service:8081 dossier-service:8082 messaging-service:8083 document-service:8084
          questionnaire-service:8085 notification-service:8086)

die() { echo "release-images: $*" >&2; exit 1; }

version=${1:-}
[[ $# -eq 1 && "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-.][0-9A-Za-z.-]+)?$ ]] \
  || die "usage: k8s/release-images.sh <version>   (e.g. 0.2.0)"
command -v docker >/dev/null 2>&1 || die "docker is not installed"

# the repository the overlay names for an image: newName of its images: entry, or keycloak.yaml's spec.image
repository() {
  if [[ $1 == keycloak ]]; then
    local ref
    ref=$(sed -n 's/^  image: *\([^ ]*\).*/\1/p' "$OVERLAY/keycloak.yaml" | head -n1)
    ref=${ref%%@*}
    [[ ${ref##*/} == *:* ]] && ref=${ref%:*}
    echo "$ref"
  else
    awk -v name="notary-portal/$1" '$1 == "-" && $2 == "name:" { inside = ($3 == name) } inside && $1 == "newName:" { print $2; exit }' \
      "$OVERLAY/kustomization.yaml"
  fi
}

# the digest (sha256:…) of a pushed image, as the registry has it
pushed_digest() {
  local ref=$1 repo=${1%:*} digest
  # (`{{json .Manifest.Digest}}`, not `{{.Manifest.Digest}}`: some buildx versions print their default output for the latter)
  digest=$(docker buildx imagetools inspect "$ref" --format '{{json .Manifest.Digest}}' 2>/dev/null \
             | grep -o '^"sha256:[0-9a-f]\{64\}"$' | tr -d '"') \
    || digest=$(docker inspect --format '{{range .RepoDigests}}{{println .}}{{end}}' "$ref" 2>/dev/null \
                  | sed -n "s#^$repo@\(sha256:[0-9a-f]\{64\}\)\$#\1#p" | head -n1) || true
  [[ -n "$digest" ]] || die "no digest for $ref after pushing it"
  echo "$digest"
}

names=()
declare -A ports=() refs=() digests=()
for entry in "${SERVICES[@]}"; do names+=("${entry%%:*}"); ports[${entry%%:*}]=${entry##*:}; done
names+=(keycloak)

for name in "${names[@]}"; do
  repo=$(repository "$name")
  [[ -n "$repo" ]] || die "k8s/overlays/production names no repository for $name"
  refs[$name]="$repo:$version"
  jar="$ROOT/$name/target/$name.jar"
  [[ -f "$jar" ]] || die "$name/target/$name.jar is missing: run ./mvnw -DskipTests package first"
  if docker buildx imagetools inspect "${refs[$name]}" >/dev/null 2>&1; then
    die "${refs[$name]} is in the registry already: a released version is never built again (choose a new version)"
  fi
done

cd "$ROOT"
for name in "${names[@]}"; do
  echo "release-images: building ${refs[$name]}"
  if [[ $name == keycloak ]]; then
    docker build --pull -t "${refs[$name]}" keycloak
  else
    docker build --pull -f docker/service.Dockerfile --build-arg "SERVICE=$name" --build-arg "PORT=${ports[$name]}" \
      -t "${refs[$name]}" "$name"
  fi
done
for name in "${names[@]}"; do
  echo "release-images: pushing ${refs[$name]}"
  docker push "${refs[$name]}"
  digests[$name]=$(pushed_digest "${refs[$name]}")
done

# all pushed: pin the overlay
for name in "${names[@]}"; do
  if [[ $name == keycloak ]]; then
    file="$OVERLAY/keycloak.yaml"
    sed "s#^  image: .*#  image: ${refs[$name]}@${digests[$name]}#" "$file" > "$file.new"
  else
    file="$OVERLAY/kustomization.yaml"
    awk -v name="notary-portal/$name" -v tag="$version" -v digest="${digests[$name]}" '
      $1 == "-" && $2 == "name:" { inside = ($3 == name) }
      $1 == "-" && $2 != "name:" { inside = 0 }
      /^[^ -]/ { inside = 0 }
      inside && $1 == "newTag:" { sub(/newTag:.*/, "newTag: " tag); tagged = 1 }
      inside && $1 == "digest:" { sub(/digest:.*/, "digest: " digest); pinned = 1 }
      { print }
      END { if (!tagged || !pinned) exit 3 }' "$file" > "$file.new" \
      || die "kustomization.yaml: the images: entry of notary-portal/$name lacks newTag or digest"
  fi
  mv "$file.new" "$file"
done
for file in "$ROOT"/k8s/base/*.yaml; do
  sed "s#^\( *app.kubernetes.io/version:\).*#\1 $version#" "$file" > "$file.new" && mv "$file.new" "$file"
done

echo "release-images: k8s/overlays/production pins version $version by digest:"
for name in "${names[@]}"; do echo "  ${refs[$name]}@${digests[$name]}"; done
echo "Next: review and commit k8s/ (git diff k8s/), run k8s/preflight.sh, then kubectl apply --server-side -k k8s/overlays/production"
