"""Language-independent class cues of single words, read from the lexicon the rules use.

"programme", "programa", "régime", "loi", "ley", "lei", "Assemblée", "Congreso" … each map
to the IRI kind their class mints under (naming.iri_kind), so a feature says "the head is a
law word" whichever language the text is in.
"""

from __future__ import annotations

from functools import cache

from spkg.ingest import lexicon
from spkg.ingest.gazetteer import normalise_name
from spkg.ingest.mentions.romance import HEADS as ROMANCE_HEADS
from spkg.ingest.naming import HEAD_CLASSES, LEADING_HEADS, iri_kind
from spkg.namespace import SPKG

# Words that never start or end a name: articles, prepositions, conjunctions, pronouns,
# auxiliaries of the three languages (closed classes; no list of names).
FUNCTION_WORDS = frozenset({
    "the", "a", "an", "of", "and", "or", "for", "on", "in", "to", "at", "by", "with", "from",
    "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "its", "their", "this",
    "that", "these", "those", "which", "who", "it", "into", "under", "through", "between",
    "also", "will", "would", "can", "could", "should", "may", "not", "than", "such", "both",
    "le", "la", "les", "l'", "l’", "d'", "d’", "de", "du", "des", "un", "une", "et", "ou", "à",
    "au", "aux", "en", "par", "pour", "sur", "dans", "avec", "qui", "que", "qu'", "qu’", "est",
    "sont", "ont", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs",
    "el", "los", "las", "del", "y", "e", "o", "para", "por", "con", "sobre", "su", "sus",
    "es", "fue", "este", "esta", "estos", "estas", "al", "lo",
    "os", "da", "do", "das", "dos", "em", "no", "na", "nos", "nas", "pelo", "pela", "um",
    "uma", "com",
})

KINDS = ("organisation", "programme", "policy", "law", "project", "study", "population-group")


@cache
def _word_kinds() -> dict[str, str]:
    """Normalised single word → kind: English heads, leading heads of the three languages,
    institution words translated to their English head, population heads."""
    kinds: dict[str, str] = {}
    for head, cls in HEAD_CLASSES.items():
        if " " not in head:
            kinds[head] = iri_kind(cls)
    for head, cls in {**LEADING_HEADS, **{normalise_name(h): c
                                          for h, c in ROMANCE_HEADS.items()}}.items():
        kinds.setdefault(head, iri_kind(cls))
    for word, english in lexicon.institution_words().items():
        if english in kinds:
            kinds.setdefault(normalise_name(word), kinds[english])
    rows = lexicon.read_rows(lexicon.lexicon_dir() / "population-heads.csv",
                             ("head", "alone", "in_list"))
    for row in rows:
        kinds.setdefault(normalise_name(row["head"]), iri_kind(SPKG.PopulationGroup))
    # plural heads read like their singular ("regimes", "programmes", "laws")
    for word, kind in list(kinds.items()):
        kinds.setdefault(word + "s", kind)
        kinds.setdefault(word + "es", kind)
    return kinds


@cache
def cue_kind(word: str) -> str | None:
    """The kind a word's class cue names, if it is one."""
    return _word_kinds().get(normalise_name(word))
