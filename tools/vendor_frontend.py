"""Vendor the front-end packages the site serves itself, from the npm registry at exact versions.

    python tools/vendor_frontend.py          # fetch (npm pack), verify integrity, copy the files the site serves
    python tools/vendor_frontend.py --check  # verify the vendored files against VENDORED.json (no network)

Each package is fetched with ``npm pack NAME@VERSION``; its tarball must match the pinned sha512 integrity, the one
the npm registry publishes (``npm view NAME@VERSION dist.integrity``). Only the files the site needs are copied
(no source maps), under ``plugins/thidua/site/assets/cms/vendor/NAME/``, and their sha256 recorded in VENDORED.json, so
a reviewer can tell that nothing in the folder was written by hand.
"""

from __future__ import annotations

import argparse
import base64
import fnmatch
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "plugins" / "thidua" / "site" / "assets" / "cms" / "vendor"
RECORD = VENDOR / "VENDORED.json"

# name: (version, sha512 integrity as published, files to keep (globs under package/), transform)
PACKAGES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    # The editors' web form. Chosen over Sveltia CMS: its `forgejo`/`github`/`gitlab` backends open pull requests
    # (editorial workflow), which is what a provincial Forgejo/Gitea intranet needs, and it ships a Vietnamese locale.
    "decap-cms": ("3.16.3",
                  "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==",
                  ("dist/decap-cms.js", "dist/*.decap-cms.js", "dist/*.wasm", "LICENSE")),
    # The Vietnamese phrases of the form, merged with the portal's own where the package has English or none.
    "decap-cms-locales": ("3.8.2",
                          "sha512-ATsQ1bxPNQe5kQy4aB3rQmJEDiNi6I05lVaTENgQOz9eI8RnPLJQQTxnvQKCn9aYCHC0/yxrNmdm8903mEBEZg==",
                          ("dist/esm/vi/index.js", "dist/esm/en/index.js", "LICENSE")),
    # Reads entry files in the browser with YAML's core schema (no timestamps: dates stay as the document wrote them).
    "js-yaml": ("4.1.0",
                "sha512-wpxZs9NoxZaJESJGIZTyDEaYpl0FKSA+FB9aJiyemKhMwkxQg63h4T1KJgUGHpTqPDNRcmmYLugrRjJlBtWvRA==",
                ("dist/js-yaml.min.js", "LICENSE")),
}


def _integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def _keep(name: str, globs: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(name, g) for g in globs)


def vendor() -> None:
    record = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (version, integrity, globs) in PACKAGES.items():
            out = subprocess.run(["npm", "pack", f"{name}@{version}", "--json", "--pack-destination", tmp],
                                 capture_output=True, text=True, check=True)
            tarball = Path(tmp) / json.loads(out.stdout)[0]["filename"]
            data = tarball.read_bytes()
            if _integrity(data) != integrity:
                sys.exit(f"{name}@{version}: integrity {_integrity(data)} differs from the pinned {integrity}")
            dest = VENDOR / name
            if dest.exists():
                for old in sorted(dest.rglob("*"), reverse=True):
                    old.unlink() if old.is_file() else old.rmdir()
            files = {}
            with tarfile.open(tarball) as archive:
                for member in archive.getmembers():
                    rel = member.name.removeprefix("package/")
                    if not member.isfile() or not _keep(rel, globs):
                        continue
                    content = archive.extractfile(member).read()
                    # A locale's index.js is kept under its language's name: vi.js, en.js.
                    flat = Path(rel).parent.name + ".js" if rel.endswith("/index.js") else Path(rel).name
                    target = dest / flat
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(content)
                    files[target.name] = hashlib.sha256(content).hexdigest()
            record[name] = {"version": version, "integrity": integrity, "files": dict(sorted(files.items()))}
    RECORD.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def check() -> list[str]:
    """What differs between the vendored folder and VENDORED.json (empty when they agree)."""
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    problems = []
    for name, (version, integrity, _globs) in PACKAGES.items():
        entry = record.get(name)
        if not entry or entry["version"] != version or entry["integrity"] != integrity:
            problems.append(f"{name}: VENDORED.json does not record {version}")
            continue
        present = {p.name for p in (VENDOR / name).iterdir()}
        if present != set(entry["files"]):
            problems.append(f"{name}: files differ: {sorted(present ^ set(entry['files']))}")
        for file, digest in entry["files"].items():
            path = VENDOR / name / file
            if path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() != digest:
                problems.append(f"{name}/{file}: content differs from the package")
    return problems


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    if parser.parse_args().check:
        problems = check()
        print("\n".join(problems) or "vendored files match VENDORED.json")
        sys.exit(1 if problems else 0)
    vendor()
    print(f"vendored into {VENDOR.relative_to(ROOT)}")
