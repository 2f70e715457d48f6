#!/usr/bin/env python3
"""Wrap a root filesystem tarball as a one-layer docker-save image tarball (usable as a Jib tar:// base).

usage: wrap-rootfs.py ROOTFS_TAR OUT_TAR
"""
import hashlib
import io
import json
import sys
import tarfile

rootfs, out = sys.argv[1], sys.argv[2]
digest = hashlib.sha256()
with open(rootfs, "rb") as f:
    for chunk in iter(lambda: f.read(1 << 20), b""):
        digest.update(chunk)
config = json.dumps({
    "architecture": "amd64", "os": "linux",
    "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                       "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64"]},
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + digest.hexdigest()]},
}).encode()
config_name = hashlib.sha256(config).hexdigest() + ".json"
manifest = json.dumps([{"Config": config_name, "RepoTags": ["local/debian-jre17:bookworm"],
                        "Layers": ["layer0/layer.tar"]}]).encode()
with tarfile.open(out, "w") as t:
    for name, data in ((config_name, config), ("manifest.json", manifest)):
        info = tarfile.TarInfo(name)
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
    t.add(rootfs, arcname="layer0/layer.tar")
