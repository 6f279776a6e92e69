"""People's corrections: :func:`curate_graph` writes one act into a curation file,
:func:`review_queue` lists what the extractor did not settle and :func:`settle_review`
accepts or dismisses one item."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from spkg.api.graph import load_dataset
from spkg.api.graph import open as open_graph

if TYPE_CHECKING:
    from spkg.curation.acts import Checker
    from spkg.curation.model import Act, Fact
    from spkg.curation.review import Item

CURATE_ACTIONS = ("reject", "add", "merge", "split")


def open_checker(*, file: Path | str = "curation.ttl", graph: Path | str | None = None,
                 files: Sequence[Path | str] | None = None, progress: bool = False) -> Checker:
    """What curation acts are checked against: the build ``graph`` (asserted graphs and the
    documents' texts), or the document graphs in ``files`` with the bundled ontology and
    reference data; the entities the acts already in ``file`` add count as known."""
    from spkg.curation.acts import Checker
    from spkg.curation.apply import _text_getter
    from spkg.curation.fileformat import read_acts

    path = Path(file)
    pending = read_acts(path) if path.exists() else []
    if files:
        return Checker(load_dataset(files=files), lambda _doc: None, pending)
    with open_graph(graph, progress=progress) as opened:
        dataset = opened.dataset(inferred=False)
        sources = opened.sources()
    return Checker(dataset, _text_getter(sources), pending)


class _Request(NamedTuple):
    """One curation act as asked for (what `spkg curate` parses)."""

    action: str
    terms: Sequence[str]
    documents: Sequence[str] = ()
    span: tuple[str, str, str] | None = None
    quote: str | None = None
    label: str | None = None
    type: str | None = None


def curate_graph(action: str, terms: Sequence[str] = (), *, why: str | None,
                 by: str | None = None, file: Path | str = "curation.ttl",
                 graph: Path | str | None = None, files: Sequence[Path | str] | None = None,
                 documents: Sequence[str] = (), span: Sequence[str] | None = None,
                 quote: str | None = None, label: str | None = None, type: str | None = None,
                 progress: bool = False) -> Act:
    """Check one correction against the graph and append it to the curation ``file``,
    which the next build applies (docs/curation.md). ``action``: ``reject`` or ``add``
    (``terms``: subject, predicate, object; ``add`` with ``label`` and ``type``: a new
    entity, ``terms`` its optional IRI), ``merge`` (keep, drop) or ``split`` (IRI, new
    IRI). ``why`` is required; ``by`` defaults to git's user.name, else $USER. ``documents``,
    ``span`` (document, start, end) and ``quote`` anchor it in the texts. Raises
    :class:`spkg.SpkgError` (a curation error) for anything the graph does not bear out,
    before the file is touched:

    >>> import spkg
    >>> spkg.curate_graph("merge", ["id:a"], why="")
    Traceback (most recent call last):
    spkg.curation.model.CurationError: --why is required: say why the graph is wrong
    """
    from spkg.curation.acts import default_curator
    from spkg.curation.fileformat import append_acts
    from spkg.curation.model import CurationError

    reason = (why or "").strip()
    if not reason:
        raise CurationError("--why is required: say why the graph is wrong")
    curator = (by or default_curator()).strip()
    if not curator:
        raise CurationError("--by is empty: say who corrects")
    if action not in _ACTIONS:
        raise CurationError(f"unknown action {action!r} (known: {', '.join(CURATE_ACTIONS)})")
    anchor = (span[0], span[1], span[2]) if span else None
    request = _Request(action, list(terms), list(documents), anchor, quote, label, type)
    checker = open_checker(file=file, graph=graph, files=files, progress=progress)
    act = _ACTIONS[action](checker, request, curator, reason)
    append_acts(Path(file), [act])
    return act


def _fact(request: _Request) -> Fact:
    from rdflib import Literal, URIRef

    from spkg.curation.acts import iri, term
    from spkg.curation.model import CurationError

    terms = request.terms
    if len(terms) != 3:
        raise CurationError(f"{request.action} takes SUBJECT PREDICATE OBJECT "
                            f"({len(terms)} given)")
    obj = term(terms[2], "object")
    if not isinstance(obj, URIRef | Literal):
        raise CurationError(f"the object must be an IRI or a literal, not {terms[2]!r}")
    return (iri(terms[0], "subject"), iri(terms[1], "predicate"), obj)


def _reject(checker: Checker, request: _Request, by: str, why: str) -> Act:
    from spkg.curation import acts
    from spkg.curation.model import CurationError

    if len(request.documents) > 1:
        raise CurationError("reject takes at most one --document")
    document = request.documents[0] if request.documents else None
    return acts.reject(checker, _fact(request), document, by=by, why=why)


def _add(checker: Checker, request: _Request, by: str, why: str) -> Act:
    from rdflib import URIRef

    from spkg.curation import acts
    from spkg.curation.model import CurationError

    span = request.span
    anchor = checker.anchor(*span, quote=request.quote) if span else None
    if request.label or request.type:
        if not (request.label and request.type) or len(request.terms) > 1:
            raise CurationError("add an entity with --label NAME --type CLASS [IRI]")
        given = acts.iri(request.terms[0], "entity") if request.terms else None
        facts = acts.entity_facts(checker, request.label, acts.iri(request.type, "class"),
                                  given)
    else:
        facts = [_fact(request)]
        for position, node in (("subject", facts[0][0]), ("object", facts[0][2])):
            if isinstance(node, URIRef) and not checker.known(node):
                raise CurationError(f"unknown IRI {node} ({position}): add the entity first "
                                    "(--label, --type)")
    return acts.add(facts, anchor, by=by, why=why)


def _merge(checker: Checker, request: _Request, by: str, why: str) -> Act:
    from spkg.curation import acts
    from spkg.curation.model import CurationError

    if len(request.terms) != 2:
        raise CurationError(f"merge takes KEEP DROP ({len(request.terms)} given)")
    keep = checker.entity(request.terms[0], "kept IRI")
    drop = checker.entity(request.terms[1], "merged IRI")
    return acts.merge(checker, keep, drop, by=by, why=why)


def _split(checker: Checker, request: _Request, by: str, why: str) -> Act:
    from rdflib import RDF, RDFS, Literal

    from spkg.curation import acts
    from spkg.curation.model import CurationError

    if len(request.terms) != 2:
        raise CurationError(f"split takes IRI NEW-IRI ({len(request.terms)} given)")
    old = checker.entity(request.terms[0], "IRI split")
    new = acts.iri(request.terms[1], "new IRI")
    facts: list[Fact] = []
    if request.type:
        facts.append((new, RDF.type, checker.ontology_class(acts.iri(request.type, "class"))))
    if request.label:
        facts.append((new, RDFS.label, Literal(request.label, lang="en")))
    documents = [checker.document(d) for d in request.documents]
    span = request.span
    anchor = checker.anchor(*span, quote=request.quote) if span else None
    return acts.split(checker, old, new, documents, facts, by=by, why=why, span=anchor)


_ACTIONS = {"reject": _reject, "add": _add, "merge": _merge, "split": _split}


class ReviewQueue(NamedTuple):
    """The open review items (numbered from 1 in list order) and what they are checked
    against; :func:`settle_review` writes an act for one of them into ``file``."""

    checker: Checker
    file: Path
    items: list[Item]


def review_queue(*, file: Path | str = "curation.ttl", graph: Path | str | None = None,
                 files: Sequence[Path | str] | None = None, shapes: bool = False,
                 progress: bool = False) -> ReviewQueue:
    """What the extractor saw but did not settle: likely duplicates, capitalised names no
    entity covers and, with ``shapes`` (runs validation: slower), SHACL warnings, each with
    its sentence; what the build's curation graph or the acts in ``file`` settle is left
    out. The graph is found as :func:`open_checker` finds it.

    >>> import pathlib, tempfile
    >>> import spkg
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "curation.ttl"
    >>> seeds = sorted(spkg.paths.graphs_dir().glob("*.trig"))
    >>> review = spkg.review_queue(file=file, files=seeds)
    >>> review.items[0].kind
    'duplicate'
    """
    from spkg.curation.fileformat import read_acts
    from spkg.curation.review import queue, recorded_keys, settled_keys, warnings

    path = Path(file)
    checker = open_checker(file=path, graph=graph, files=files, progress=progress)
    settled = recorded_keys(checker.dataset)
    if path.exists():
        settled |= settled_keys(read_acts(path))
    found = warnings(checker.dataset) if shapes else []
    return ReviewQueue(checker, path, queue(checker.dataset, settled=settled, warnings=found))


def settle_review(review: ReviewQueue, number: int, *, accept: bool, by: str | None = None,
                  why: str | None = None, type: str | None = None) -> Act:
    """Accept item ``number`` of the queue (a duplicate is merged, a name added as an entity
    of class ``type``) or dismiss it, and append the act to the queue's file.

    >>> import pathlib, tempfile
    >>> import spkg
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "curation.ttl"
    >>> seeds = sorted(spkg.paths.graphs_dir().glob("*.trig"))
    >>> review = spkg.review_queue(file=file, files=seeds)
    >>> spkg.settle_review(review, 1, accept=False, by="A. Curator", why="two bodies").kind
    'dismiss'
    >>> key = review.items[0].key
    >>> [item.key for item in spkg.review_queue(file=file, files=seeds).items].count(key)
    0
    """
    from spkg.curation import acts
    from spkg.curation.fileformat import append_acts
    from spkg.curation.model import CurationError
    from spkg.curation.review import settle

    items = review.items
    if not 1 <= number <= len(items):
        raise CurationError(f"no item {number}: the queue has {len(items)} (run `spkg review`)")
    act = settle(review.checker, items[number - 1], accept=accept,
                 by=(by or acts.default_curator()).strip(), why=(why or "").strip(), cls=type)
    append_acts(review.file, [act])
    return act
