"""Names an acronym vouches for, however they are cased.

French, Spanish and Portuguese names are written in sentence case ("Caisse nationale de
sécurité sociale (CNSS)", "Junta Nacional del Café (JNC)"), and English ones sometimes are
too ("the National social protection agency (NSPA)"): the capitalised-name rules stop at the
first lowercase word. When the words right before a bracketed acronym have that acronym as
their initials, they are the name, whatever their case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from rdflib import URIRef
from rdflib.namespace import ORG

from spkg.ingest.mentions.base import Context, Mention, recogniser
from spkg.ingest.naming import class_from_head
from spkg.ingest.records import Span
from spkg.namespace import SPKG

_ACRONYM = re.compile(r"\((?P<acronym>[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)?)\)")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# Words an acronym leaves out, in the languages ILO texts are written in.
CONNECTORS = frozenset({
    "of", "and", "the", "for", "on", "in", "to", "&",
    "de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "en", "à", "au", "aux",
    "del", "y", "e", "el", "los", "las", "para", "por", "da", "do", "dos", "das"})
_MOST_WORDS = 14
# Head words that come first in French, Spanish and Portuguese names.
ROMANCE_HEADS: dict[str, URIRef] = {
    "caisse": SPKG.SocialSecurityInstitution, "caja": SPKG.SocialSecurityInstitution,
    "instituto": SPKG.SocialSecurityInstitution, "institut": SPKG.SocialSecurityInstitution,
    "fonds": SPKG.SocialSecurityInstitution, "fondo": SPKG.SocialSecurityInstitution,
    "ministère": SPKG.Ministry, "ministerio": SPKG.Ministry, "ministério": SPKG.Ministry,
    "agence": SPKG.GovernmentBody, "agencia": SPKG.GovernmentBody,
    "office": SPKG.GovernmentBody, "oficina": SPKG.GovernmentBody,
    "direction": SPKG.GovernmentBody, "dirección": SPKG.GovernmentBody,
    "comité": SPKG.Body, "comisión": SPKG.Body, "commission": SPKG.Body,
    "conseil": SPKG.Body, "consejo": SPKG.Body, "junta": SPKG.Body,
}


def _letters(acronym: str) -> str:
    """The initials an acronym stands for: its capitals, and the initial of a word joined
    by a hyphen ("CNP-Togo" → "CNPT")."""
    parts = acronym.split("-")
    return "".join(part if part.isupper() else "".join(c for c in part if c.isupper()) or
                   part[0] for part in parts).upper()


def _initial(word: str) -> str:
    base = unicodedata.normalize("NFD", word)[0]
    return base.upper()


def _named_by(words: list[re.Match[str]], letters: str) -> int | None:
    """How many of the last ``words`` the acronym's letters are the initials of (the first
    of them capitalised and no connector), or None."""
    for count in range(1, min(len(words), _MOST_WORDS) + 1):
        chosen = words[-count:]
        first = chosen[0].group(0)
        if not first[0].isupper() or first.casefold() in CONNECTORS:
            continue
        content = [w.group(0) for w in chosen if w.group(0).casefold() not in CONNECTORS]
        initials = "".join(_initial(w) for w in content)
        if initials == letters:
            return count
        if len(initials) > len(letters):
            return None
    return None


def _class_of(name: str) -> tuple[URIRef, bool]:
    """The class the name's head implies, and whether it is only a default."""
    first = name.split()[0].casefold()
    cls = ROMANCE_HEADS.get(first) or class_from_head(name)
    return (cls, False) if cls is not None else (ORG.Organization, True)


@recogniser("acronyms", "acronym-vouched-name")
def acronym_vouched_names(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    for match in _ACRONYM.finditer(text, region.start, region.end):
        acronym = match.group("acronym")
        letters = _letters(acronym)
        if len(letters) < 2:
            continue
        floor = context.sentence_start(match.start(), region.start)
        before = text[floor:match.start()].rstrip()
        if not before or before[-1] in ",;:":
            continue
        found = list(_WORD.finditer(text, floor, floor + len(before)))
        count = _named_by(found, letters)
        if count is None:
            continue
        chosen = found[-count:]
        if all(w.group(0)[0].isupper() or w.group(0).casefold() in CONNECTORS
               for w in chosen):
            continue  # a capitalised name: the name rules read it
        start, end = chosen[0].start(), chosen[-1].end()
        name = text[start:end]
        cls, guessed = _class_of(name)
        yield Mention(Span(start, end), name, cls, acronym=acronym,
                      acronym_span=Span(match.start() + 1, match.end() - 1),
                      source="name", guessed=guessed)
