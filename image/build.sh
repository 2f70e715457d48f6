#!/usr/bin/env bash
# Builds the kong-gitops container image as a docker-save tarball (target/jib-image.tar), with no Docker daemon
# and no container registry: the JRE base is assembled from Debian packages with mmdebstrap, then Jib adds the
# application layers. Load the result with `docker load -i target/jib-image.tar` (or `podman load`), tag it and
# push it to your registry; cronjob.yaml refers to it.
#
#   image/build.sh [IMAGE_NAME]        default IMAGE_NAME: kong-gitops:<project version>
#
# Needs: root (mmdebstrap --mode=root), apt access to Debian, Maven. About 1 minute.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:-kong-gitops:$(mvn -q -DforceStdout help:evaluate -Dexpression=project.version 2>/dev/null || echo dev)}
work=${KONG_GITOPS_IMAGE_WORK:-target/image-base}
mkdir -p "$work"

if [ ! -f "$work/jre-base.tar" ]; then
  command -v mmdebstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq mmdebstrap; }
  # A small Debian with a headless JRE 17 and CA certificates; docs and man pages left out.
  mmdebstrap --mode=root --variant=essential \
    --include=openjdk-17-jre-headless,ca-certificates \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
    --setup-hook='mkdir -p "$1"/usr/share/man/man1' \
    bookworm "$work/rootfs.tar"
  python3 image/wrap-rootfs.py "$work/rootfs.tar" "$work/jre-base.tar"
  rm -f "$work/rootfs.tar"
fi

mvn -B -q -Pimage -DskipTests package jib:buildTar \
  -Djib.from.image="tar://$(pwd)/$work/jre-base.tar" -Djib.to.image="$name"
echo "built target/jib-image.tar ($name)"
