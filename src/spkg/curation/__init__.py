"""Curation: people's corrections to the graph, kept in a file and applied on every build.

The file format is spkg.curation.fileformat, the effects spkg.curation.apply, the review
queue spkg.curation.review; docs/curation.md is the user's guide.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from rdflib import Dataset

from spkg.curation.apply import CurationReport, Stale, Texts, apply_curation
from spkg.curation.fileformat import DEFAULT_NAME, curation_files, read_all
from spkg.curation.model import Act, Anchor, CurationError

__all__ = ["Act", "Anchor", "CurationError", "CurationReport", "Stale", "apply_curation",
           "curate_dataset", "curation_inputs", "default_curation_files"]


def default_curation_files(sources: Sequence[Path] | None) -> list[Path]:
    """``curation.ttl`` beside the documents: in each folder given, or each file's folder."""
    from spkg import paths

    # absolute: `spkg add docs/a.txt` on a build of /abs/docs names one folder twice
    folders = [Path(os.path.abspath(p if p.is_dir() else p.parent))
               for p in map(Path, sources or [paths.sources_dir()])]
    found = [folder / DEFAULT_NAME for folder in dict.fromkeys(folders)]
    return [path for path in found if path.is_file()]


def curate_dataset(dataset: Dataset, curation: Path | None, *,
                   sources: Sequence[Path] | None = None,
                   texts: Texts | Mapping[str, Path] | None = None) -> CurationReport:
    """The build's hook: read the curation (``curation``, a file or folder, else the
    default files beside ``sources``) and apply it to ``dataset``."""
    return apply_curation(dataset, read_all(curation_inputs(curation, sources)), texts=texts)


def curation_inputs(curation: Path | None, sources: Sequence[Path] | None) -> list[Path]:
    """The curation files a build reads: ``curation`` (a file, or a folder's ``*.ttl``),
    else ``curation.ttl`` beside ``sources`` (what the manifest records)."""
    if curation is not None:
        if not Path(curation).exists():
            raise CurationError("no such curation file or folder", path=curation)
        return curation_files(Path(curation))
    return default_curation_files(sources)
