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

_ACRONYM = re.compile(r"\((?P<acronym>[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:-[A-Z][^\W\d_]*)?)\)")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# Words an acronym leaves out, in the languages ILO texts are written in.
CONNECTORS = frozenset({
    "of", "and", "the", "for", "on", "in", "to", "&",
    "de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "en", "à", "au", "aux",
    "del", "y", "e", "el", "los", "las", "para", "por", "da", "do", "dos", "das"})
# The capitalised-name rules read names joined by these; not by "de", "des", "del" …
ENGLISH_CONNECTORS = frozenset({"of", "and", "the", "for", "on", "in", "to", "&"})
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
    "confédération": ORG.Organization, "confederación": ORG.Organization,
    "confederação": ORG.Organization, "fédération": ORG.Organization,
    "federación": ORG.Organization, "federação": ORG.Organization,
    "union": ORG.Organization, "unión": ORG.Organization, "união": ORG.Organization,
    "syndicat": SPKG.WorkersOrganisation, "sindicato": SPKG.WorkersOrganisation,
    "central": SPKG.WorkersOrganisation, "centrale": SPKG.WorkersOrganisation,
    "conférence": ORG.Organization, "organisation": ORG.Organization,
    "organización": ORG.Organization, "organização": ORG.Organization,
    "groupement": ORG.Organization, "association": ORG.Organization,
    "asociación": ORG.Organization, "associação": ORG.Organization,
    "chambre": SPKG.EmployersOrganisation, "cámara": SPKG.EmployersOrganisation,
    "câmara": SPKG.EmployersOrganisation,
    # what bodies do, not bodies: "Politique nationale de protection sociale (PNPS)"
    **dict.fromkeys(("politique", "política"), SPKG.Policy),
    **dict.fromkeys(("stratégie", "estrategia", "estratégia"), SPKG.Strategy),
    **dict.fromkeys(("projet", "proyecto", "projeto"), SPKG.Project),
    **dict.fromkeys(("programme", "programa", "régime", "régimen", "sistema", "système",
                     "seguro", "asignación", "assurance", "couverture", "bono", "pensión"),
                    SPKG.Programme),
    **dict.fromkeys(("étude", "estudio", "estudo"), SPKG.Study),
    **dict.fromkeys(("loi", "ley", "lei", "décret", "decreto", "reglamento", "règlement",
                     "código", "code"), SPKG.Law),
}
# Kinds French and Spanish write in lowercase before a name an acronym vouches for.
_LOWERCASE_KINDS = frozenset({"projet", "proyecto", "programme", "programa", "politique",
                              "política", "stratégie", "estrategia", "plan", "régime",
                              "régimen", "ministère", "ministerio"})
# Words that say whose organisation it is: employers' or workers'.
_EMPLOYERS_WORDS = frozenset({
    "entreprises", "employeurs", "patronat", "empresarios", "empleadores", "empresas",
    "empresa", "empregadores", "commerce", "comercio", "industrie", "industria"})
_WORKERS_WORDS = frozenset({
    "travailleurs", "trabajadores", "trabalhadores", "trabajadoras", "syndicats", "syndicales",
    "sindical", "sindicatos", "sindicales", "obrera", "ouvriers"})


def _letters(acronym: str) -> str:
    """The initials an acronym stands for: its capitals, and the initial of a word joined
    by a hyphen ("FNS-Gabon" → "FNSG")."""
    parts = acronym.split("-")
    return "".join(part if part.isupper() else "".join(c for c in part if c.isupper()) or
                   part[0] for part in parts).upper()


_ELIDED = re.compile(r"^[dlDL][’'](?=\w)")  # "d'Ivoire", "l'Union": an elided article


def _initial(word: str) -> str:
    """A word's initial, past an elided article ("d'Ivoire" → "I") and accents."""
    base = unicodedata.normalize("NFD", _ELIDED.sub("", word))[0]
    return base.upper()


def _named_by(words: list[re.Match[str]], letters: str) -> int | None:
    """How many of the last ``words`` the acronym's letters are the initials of (the first
    of them capitalised and no connector), or None."""
    for count in range(1, min(len(words), _MOST_WORDS) + 1):
        chosen = words[-count:]
        first = _ELIDED.sub("", chosen[0].group(0))  # "l'Union …"
        # "le projet d'appui à la protection sociale (PAPS)": a kind word may be lowercase
        if (not first[0].isupper() and first.casefold() not in _LOWERCASE_KINDS) or (
                first.casefold() in CONNECTORS):
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
    if cls == ORG.Organization:
        words = {w.casefold() for w in name.split()}
        if words & _EMPLOYERS_WORDS:
            cls = SPKG.EmployersOrganisation
        elif words & _WORKERS_WORDS:
            cls = SPKG.WorkersOrganisation
    return (cls, False) if cls is not None else (ORG.Organization, True)


@recogniser("acronyms", "acronym-vouched-name")
def acronym_vouched_names(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    for match in _ACRONYM.finditer(text, region.start, region.end):
        acronym = match.group("acronym")
        floor = context.sentence_start(match.start(), region.start)
        before = text[floor:match.start()].rstrip()
        if not before or before[-1] in ",;:":
            continue
        found = list(_WORD.finditer(text, floor, floor + len(before)))
        # "FNS-Gabon" spells its country out; "USTM-Mali" repeats the country its M stands for
        spellings = dict.fromkeys((_letters(acronym), _letters(acronym.split("-")[0])))
        count = next((n for letters in spellings if len(letters) >= 2
                      and (n := _named_by(found, letters)) is not None), None)
        if count is None:
            continue
        chosen = found[-count:]
        if all(_ELIDED.sub("", w.group(0))[0].isupper()
               or w.group(0).casefold() in ENGLISH_CONNECTORS for w in chosen):
            continue  # a capitalised English name: the name rules read it
        elided = _ELIDED.match(chosen[0].group(0))
        start, end = chosen[0].start() + (elided.end() if elided else 0), chosen[-1].end()
        name = text[start:end]
        cls, guessed = _class_of(name)
        yield Mention(Span(start, end), name, cls, acronym=acronym,
                      acronym_span=Span(match.start() + 1, match.end() - 1),
                      source="name", guessed=guessed)
