"""Stand-ins for the official images the Dockerfile and docker-compose.yml name, from Debian.

No container registry is reachable from the test machines, so `python:3.11-slim`, `postgres`,
`redis` and `nginx` are rebuilt from Debian bookworm's packages: one debootstrapped base (with
this machine's CA certificates, through which the package registries are reached), and on it
one image per folder beside this file (`python/`, `postgres/`, `redis/`, `nginx/`), each a
Containerfile that behaves like the official image where this project relies on it.

Everything is built once and cached: the base as a tar file under CACHE, every image in
podman's own store, each tagged with a hash of what builds it (the base's recipe and the CA
certificates; an image's folder and its base), so that changing a recipe rebuilds that image
and nothing else. Older tags of the same images are removed.

As root, `python3 tests/containers/standins.py` builds (or finds) them and prints the
variables docker-compose.yml reads, ready for `eval`.
"""

from __future__ import annotations

import fcntl
import hashlib
import inspect
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONTAINERS_CONF = HERE / "containers.conf"
CACHE = Path(os.environ.get("DL_TUTOR_STANDIN_CACHE", "/var/cache/dl-tutor/standins"))
CA_DIR = Path("/usr/local/share/ca-certificates")
REPOSITORY = "localhost/dl-tutor-standin"

SUITE = "bookworm"
MIRROR = "http://deb.debian.org/debian"
SECURITY_MIRROR = "http://deb.debian.org/debian-security"
BASE_PACKAGES = ["ca-certificates"]

# The compose variable each stand-in is given as, and the folder that builds it.
IMAGES = {
    "PYTHON_IMAGE": "python",
    "POSTGRES_IMAGE": "postgres",
    "REDIS_IMAGE": "redis",
    "NGINX_IMAGE": "nginx",
}


def podman_environment() -> dict[str, str]:
    """Return this process's environment with podman pointed at the tests' containers.conf.

    BUILDAH_FORMAT=docker: podman's default OCI format drops HEALTHCHECK from an image.
    """
    return {**os.environ, "CONTAINERS_CONF": str(CONTAINERS_CONF), "BUILDAH_FORMAT": "docker"}


def podman(*args: str, check: bool = True, quiet: bool = False,
           **kwargs) -> subprocess.CompletedProcess:
    """Run podman with the tests' configuration; raises CalledProcessError when `check`."""
    if quiet:
        kwargs.setdefault("stdout", subprocess.DEVNULL)
        kwargs.setdefault("stderr", subprocess.DEVNULL)
    return subprocess.run(["podman", *args], check=check, env=podman_environment(), **kwargs)


def run(command: list[str], timeout: float = 1800.0) -> None:
    """Run a build step quietly; raises RuntimeError with the end of its output when it fails."""
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, errors="replace", env=podman_environment(),
                            timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {result.returncode}:\n"
                           f"{result.stdout[-4000:]}")


def image_exists(tag: str) -> bool:
    """Return whether podman's store has an image under `tag`."""
    return podman("image", "exists", tag, check=False, quiet=True).returncode == 0


def log(message: str) -> None:
    """Say what is being built (stderr: stdout is for the variables)."""
    print(f"[standins] {message}", file=sys.stderr, flush=True)


def ca_certificates() -> list[Path]:
    """Return this machine's own CA certificates, which the stand-ins need too."""
    return sorted(CA_DIR.rglob("*.crt")) if CA_DIR.is_dir() else []


def digest(*parts: bytes) -> str:
    """Return the first 16 hex digits of the SHA-256 of `parts`, each length-prefixed."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(len(part).to_bytes(8, "big"))
        hasher.update(part)
    return hasher.hexdigest()[:16]


def base_key() -> str:
    """Return the hash of what builds the base: its recipe, parameters and CA certificates."""
    recipe = json.dumps([SUITE, MIRROR, SECURITY_MIRROR, BASE_PACKAGES]).encode()
    parts = [recipe, inspect.getsource(build_base).encode()]
    for certificate in ca_certificates():
        parts += [certificate.name.encode(), certificate.read_bytes()]
    return digest(*parts)


def folder_key(folder: Path, base: str) -> str:
    """Return the hash of an image's folder (names and contents) and the base it builds on."""
    parts = [base.encode()]
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        parts += [str(path.relative_to(folder)).encode(), path.read_bytes()]
    return digest(*parts)


def build_base(rootfs: Path) -> None:
    """debootstrap a minimal bookworm into `rootfs`, with the CA certificates; raises on failure."""
    run(["debootstrap", "--variant=minbase", f"--include={','.join(BASE_PACKAGES)}", SUITE,
         str(rootfs), MIRROR])
    for certificate in ca_certificates():
        shutil.copy2(certificate, rootfs / "usr/local/share/ca-certificates" / certificate.name)
    run(["chroot", str(rootfs), "update-ca-certificates"])
    (rootfs / "etc/apt/sources.list").write_text(
        f"deb {MIRROR} {SUITE} main\n"
        f"deb {MIRROR} {SUITE}-updates main\n"
        f"deb {SECURITY_MIRROR} {SUITE}-security main\n")
    # As in Debian's own container images: packages do not try to start services while an
    # image is built, recommends stay out, and apt leaves no package files behind.
    policy = rootfs / "usr/sbin/policy-rc.d"
    policy.write_text("#!/bin/sh\nexit 101\n")
    policy.chmod(0o755)
    (rootfs / "etc/apt/apt.conf.d/90standin").write_text(
        'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n'
        'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb || true"; };\n')
    run(["chroot", str(rootfs), "apt-get", "clean"])
    shutil.rmtree(rootfs / "var/lib/apt/lists", ignore_errors=True)
    (rootfs / "var/lib/apt/lists/partial").mkdir(parents=True)


def ensure_base() -> str:
    """Return the base image's tag, importing the cached tar or debootstrapping it first."""
    key = base_key()
    tag = f"{REPOSITORY}/base:{key}"
    if image_exists(tag):
        return tag
    tarball = CACHE / f"base-{key}.tar"
    if not tarball.exists():
        started = time.monotonic()
        log(f"debootstrapping {SUITE} into {CACHE} (about a minute) ...")
        with tempfile.TemporaryDirectory(dir=CACHE) as scratch:
            rootfs = Path(scratch) / "rootfs"
            build_base(rootfs)
            partial = tarball.with_suffix(".partial")
            run(["tar", "--numeric-owner", "-C", str(rootfs), "-cf", str(partial), "."])
            partial.rename(tarball)
        log(f"base built in {time.monotonic() - started:.0f} s")
        for old in CACHE.glob("base-*.tar"):
            if old != tarball:
                old.unlink()
    run(["podman", "import",
         "--change", "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
         "--change", "ENV LANG=C.UTF-8",
         "--change", 'CMD ["bash"]',
         str(tarball), tag])
    remove_other_tags(f"{REPOSITORY}/base", tag)
    return tag


def ensure_image(name: str, base: str) -> str:
    """Return the tag of the stand-in built from folder `name`, building it when missing."""
    folder = HERE / name
    tag = f"{REPOSITORY}/{name}:{folder_key(folder, base)}"
    if image_exists(tag):
        return tag
    started = time.monotonic()
    log(f"building {tag} ...")
    run(["podman", "build", "--format", "docker", "--build-arg", f"BASE={base}", "--tag", tag,
         str(folder)])
    log(f"{name} built in {time.monotonic() - started:.0f} s")
    remove_other_tags(f"{REPOSITORY}/{name}", tag)
    return tag


def remove_other_tags(repository: str, keep: str) -> None:
    """Remove the stand-in's older tags (best effort: one still in use stays)."""
    listed = podman("images", "--format", "{{.Repository}}:{{.Tag}}", repository,
                    capture_output=True, text=True, check=False).stdout.split()
    for tag in listed:
        if tag != keep:
            podman("rmi", tag, check=False, quiet=True)


def ensure_all() -> dict[str, str]:
    """Build what is missing and return {compose variable: image tag}; raises on failure.

    Holds a lock under CACHE, so that two test runs do not build the same image at once.
    """
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        base = ensure_base()
        return {variable: ensure_image(folder, base) for variable, folder in IMAGES.items()}


def main() -> int:
    """Print `export NAME=tag` for every stand-in, building what is missing."""
    for variable, tag in ensure_all().items():
        print(f"export {variable}={tag}")
    print(f"export CONTAINERS_CONF={CONTAINERS_CONF}")
    print("export BUILDAH_FORMAT=docker")
    return 0


if __name__ == "__main__":
    sys.exit(main())
