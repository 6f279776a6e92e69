"""Where the package's data files are: inside the wheel, or in the source tree.

A wheel carries ontology/, shapes/, data/ and queries/ under spkg/_resources/;
an editable install reads them from the repository root. Nothing reads the
current directory, so `spkg` works from anywhere.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resource_root() -> Path:
    """The folder that holds ontology/, shapes/, data/ and queries/."""
    bundled = _PACKAGE_DIR / "_resources"
    if (bundled / "ontology").is_dir():
        return bundled
    source_tree = _PACKAGE_DIR.parent.parent
    if (source_tree / "ontology").is_dir():
        return source_tree
    raise FileNotFoundError(f"spkg data files are missing: looked in {bundled} and {source_tree}")


def ontology_file() -> Path:
    """The OWL ontology, ontology/spkg.ttl."""
    return resource_root() / "ontology" / "spkg.ttl"


def shapes_dir() -> Path:
    """The SHACL shapes folder."""
    return resource_root() / "shapes"


def queries_dir() -> Path:
    """The stored SPARQL queries folder."""
    return resource_root() / "queries"


def data_dir() -> Path:
    """The data folder: seed sources, reference vocabularies, ingested graphs."""
    return resource_root() / "data"


def reference_dir() -> Path:
    """The curated reference vocabularies."""
    return data_dir() / "reference"


def sources_dir() -> Path:
    """The bundled seed documents that `spkg build` and `spkg ingest` read by default."""
    return data_dir() / "sources"


def graphs_dir() -> Path:
    """The committed graphs ingested from the bundled sources, one TriG file per document."""
    return data_dir() / "graphs"


def reference_files() -> list[Path]:
    """Every reference vocabulary file, in a stable order (SDG KOS data, not its VoID)."""
    root = reference_dir()
    files = sorted(root.glob("*.ttl"))
    sdg = root / "un-sdg-kos"
    files += [sdg / "sdgs-ontology.ttl", sdg / "sdg-kos-goals-targets-indicators.ttl"]
    return files


def cache_dir() -> Path:
    """$SPKG_CACHE_DIR, else $XDG_CACHE_HOME/spkg, else ~/.cache/spkg."""
    import os

    explicit = os.environ.get("SPKG_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "spkg"
