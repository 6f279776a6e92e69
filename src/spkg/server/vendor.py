"""Copy the npm-installed browser libraries into the package's static folder (no CDN at run time).

    npm ci --no-audit --no-fund      # installs the versions pinned in package-lock.json
    python -m spkg.server.vendor     # copies their built files into spkg/pages/static/

scripts/vendor-yasgui runs both. Vendored: YASGUI (the SPARQL editor; without it the query page
falls back to a textarea) and Chart.js (the pages' charts; without it their tables stand
alone). axe-core is a devDependency the accessibility tests read from node_modules: it is never
copied into the package.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from spkg.pages.render import STATIC


@dataclass(frozen=True)
class Vendored:
    package: str  # the npm package name
    build: str  # its folder holding the built files
    files: tuple[str, ...]
    folder: str  # the folder under static/ they go to (replaced whole)


LIBRARIES = (
    Vendored("@zazuko/yasgui", "build", ("yasgui.min.js", "yasgui.min.css"), "yasgui"),
    Vendored("chart.js", "dist", ("chart.umd.min.js",), "chartjs"),
)


def vendor(node_modules: Path, target: Path = STATIC / "yasgui",
           library: Vendored = LIBRARIES[0]) -> str:
    """Copy the library's build files into ``target`` (replaced whole); returns its version."""
    package_dir = node_modules / library.package
    meta = json.loads((package_dir / "package.json").read_text(encoding="utf-8"))
    build = package_dir / library.build
    missing = [name for name in library.files if not (build / name).is_file()]
    if missing:
        raise FileNotFoundError(f"{build} lacks {', '.join(missing)}: run `npm ci` first")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for name in library.files:
            shutil.copyfile(build / name, staging / name)
        (staging / "VERSION").write_text(
            f"{library.package} {meta['version']} ({meta.get('license', '?')} licence), copied "
            "from node_modules by python -m spkg.server.vendor\n", encoding="utf-8")
        staging.chmod(0o755)
        shutil.rmtree(target, ignore_errors=True)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return str(meta["version"])


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[3]
    for library in LIBRARIES:
        target = STATIC / library.folder
        try:
            version = vendor(root / "node_modules", target, library)
        except (FileNotFoundError, KeyError, json.JSONDecodeError) as error:
            print(f"spkg.server.vendor: {error}", file=sys.stderr)
            return 2
        print(f"vendored {library.package} {version} into {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
