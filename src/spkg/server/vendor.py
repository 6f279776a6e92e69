"""Copy the npm-installed YASGUI build into the package's static folder (no CDN at run time).

    npm ci --no-audit --no-fund      # installs the version pinned in package-lock.json
    python -m spkg.server.vendor     # copies yasgui.min.js/.css to spkg/server/static/yasgui/

scripts/vendor-yasgui runs both. Without the copy the query page falls back to a textarea.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from spkg.server.render import STATIC

PACKAGE = "@zazuko/yasgui"
FILES = ("yasgui.min.js", "yasgui.min.css")


def vendor(node_modules: Path, target: Path = STATIC / "yasgui") -> str:
    """Copy the build files into ``target`` (replaced whole); returns the vendored version."""
    package_dir = node_modules / PACKAGE
    meta = json.loads((package_dir / "package.json").read_text(encoding="utf-8"))
    build = package_dir / "build"
    missing = [name for name in FILES if not (build / name).is_file()]
    if missing:
        raise FileNotFoundError(f"{build} lacks {', '.join(missing)}: run `npm ci` first")
    staging = Path(tempfile.mkdtemp(prefix=".yasgui.", dir=target.parent))
    try:
        for name in FILES:
            shutil.copyfile(build / name, staging / name)
        (staging / "VERSION").write_text(
            f"{PACKAGE} {meta['version']} ({meta.get('license', '?')} licence), copied from "
            "node_modules by python -m spkg.server.vendor\n", encoding="utf-8")
        staging.chmod(0o755)
        shutil.rmtree(target, ignore_errors=True)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return str(meta["version"])


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[3]
    try:
        version = vendor(root / "node_modules")
    except (FileNotFoundError, KeyError, json.JSONDecodeError) as error:
        print(f"spkg.server.vendor: {error}", file=sys.stderr)
        return 2
    print(f"vendored {PACKAGE} {version} into {STATIC / 'yasgui'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
