"""French, Spanish and Portuguese names that English documents keep untranslated.

"the Ministerio de Trabajo", "Ministère des Finances", "the Régimen Especial de Salud y
Maternidad", "Groupement inter-patronal du Cameroun": the head comes first, lowercase
words and connectors ("de la", "du", "y", "et") follow, so the capitalised-name rules
(entities.py), which read an English name's head last, miss them when no acronym
introduces them. The name runs from a head word of its own language to the first English
word or punctuation; a comma continues it only before a connector ("Ministère de
l'Emploi, du Travail et de la Protection sociale").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rdflib import URIRef
from rdflib.namespace import ORG

from spkg.ingest.mentions.base import Context, Mention, recogniser
from spkg.ingest.naming import class_from_head
from spkg.ingest.records import Span
from spkg.namespace import SPKG

# Head words that are not English words, and the class each name with it is.
HEADS: dict[str, URIRef] = {
    **dict.fromkeys(("Ministère", "Ministerio", "Ministério"), SPKG.Ministry),
    **dict.fromkeys(("Régime", "Régimen", "Regime", "Regimen", "Couverture", "Programa",
                     "Assurance"), SPKG.Programme),
    **dict.fromkeys((
        "Caisse", "Instituto", "Institut", "Fondo", "Fonds", "Confederación", "Confédération",
        "Confederação", "Federación", "Fédération", "Groupement", "Asociación", "Associação",
        "Sindicato", "Syndicat", "Consejo", "Conseil", "Conselho", "Comité", "Comisión",
        "Tesorería", "Superintendencia", "Agence", "Agencia", "Cámara", "Chambre",
        "Dirección", "Direction", "Unión", "Organisation", "Organización", "Office",
        "Institution", "Institución", "Instituição", "Mutuelle", "Mutualidad",
        "Administradora", "Gestora", "Caja", "Secretaría", "Corporación", "Entidad",
        "Autoridad", "Autorité"),
                    ORG.Organization)}
# Heads that also start sentences of prose in their language ("La Gestora asumió …"): a
# name with one has a capitalised word after it ("Administradora de los Recursos …").
_NEEDS_A_CAPITAL = frozenset({"Administradora", "Gestora", "Caja", "Secretaría", "Corporación",
                              "Entidad", "Autoridad", "Autorité"})
# Words that join a name's parts in these languages.
# Longest first, so that "de l'" is one connector, not "de" then a word "l".
_CONNECTORS = r"(?:de[ \t]+la|de[ \t]+l[’']|del|des|dos|das|de|du|da|do|d[’']|les|la|le|" \
              r"l[’']|los|las|el|y|e|et|aux|au|à|en|pour|para|por)"
_WORD = r"[^\W\d_][\w-]*"
_NAME = re.compile(rf"(?<![\w-])({'|'.join(sorted(HEADS, key=len, reverse=True))})(?![\w-])")
_TOKEN = re.compile(rf"(,?)[ \t]+({_CONNECTORS}(?:[ \t]+|(?<=[’'])))?({_WORD})")
# The English name right before a bracket: capitalised words, connectors between them.
_ENGLISH_NAME = re.compile(r"(?<![\w’'-])(?!(?:The|A|An|In|On|Its|Their|This)\b)"
                           r"([A-Z][\w’'-]*(?:[ \t]+(?:(?:of|for|on|and|the)[ \t]+)*"
                           r"[A-Z][\w’'-]*)+)[ \t]*$")
_ARTICLE_NEXT = re.compile(r"[ \t]+(?:the|a|an)[ \t]")
# English words end a name: "the Ministerio de Trabajo in preparing …".
_ENGLISH = frozenset({
    "in", "on", "with", "and", "the", "of", "for", "to", "at", "by", "from", "is", "are",
    "was", "were", "has", "have", "had", "which", "that", "who", "as", "its", "their", "will",
    "would", "can", "under", "into", "through", "since", "after", "before", "during", "also",
    "it", "this", "these", "those", "an", "a", "or", "but", "not", "all", "new", "national",
    # common English verbs that do not end in -ed
    "met", "said", "says", "held", "made", "led", "took", "gave", "began", "set", "paid",
    "meets", "signs", "leads", "runs", "ran", "covers", "pays", "provides", "manages"})


@recogniser("romance", "head-first-name")
def head_first_names(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    for match in _NAME.finditer(text, region.start, region.end):
        head = match.group(1)
        opened = text.rfind("(", max(region.start, match.start() - 40), match.start())
        if opened >= 0 and ")" not in text[opened:match.start()]:
            # "National Social Security Fund (CNSS – Caisse nationale …)": a translation; an
            # English name no head word types is the kind the translation's head says
            # ("the Universal Health Coverage (CMU – Couverture maladie universelle)")
            english = _ENGLISH_NAME.search(text, max(region.start, opened - 80), opened)
            if english is not None and class_from_head(english.group(1)) is None:
                yield Mention(Span(english.start(1), english.end(1)), english.group(1),
                              HEADS[head], source="translated")
            continue
        end = _name_end(text, match, region.end)
        if re.match(r",[ \t]+[A-Z]", text[end:end + 3]) and not text[end + 2:].startswith(
                tuple(HEADS)):
            continue  # "Sindicato de Trabajadoras, Similares y …": where it ends is unclear
        words = text[match.end(1):end].split()
        if not words:
            continue
        romance = any(re.fullmatch(_CONNECTORS, w) or w.startswith(("d’", "d'", "l’", "l'"))
                      for w in words) or not head.isascii() or not all(
                          w.isascii() for w in words)
        # "Office Manager", "Direction Generale": an English reading needs a sign of the
        # language (a connector or an accent) for a head English also has
        if not romance and head in ("Direction", "Office", "Organisation", "Regime",
                                    "Assurance", "Regimen", "Institution"):
            continue
        if head in _NEEDS_A_CAPITAL and not any(w[:1].isupper() for w in words):
            continue  # "La Gestora asumió la administración …": Spanish prose, no name
        yield Mention(Span(match.start(), end), text[match.start():end], HEADS[head],
                      source="romance-name")


def _name_end(text: str, match: re.Match[str], limit: int) -> int:
    """Where the name ends: before its first English word, a comma not followed by a
    connector, and any lowercase English-looking participle ("… Maternidad created in")."""
    end = match.end(1)
    while token := _TOKEN.match(text, end, limit):
        connector, word = token.group(2), token.group(3)
        if token.group(1) and not connector:
            break
        if word in _ENGLISH or (connector is None and word.islower() and word.isascii() and (
                word.endswith(("ed", "ing", "ly"))
                or _ARTICLE_NEXT.match(text, token.end()))):
            break  # "… du Sénégal chose the …": a verb before an article is English
        end = token.end()
    return end
