"""Cue phrases that both the name finders and the relation rules read: a name ends where
one begins, and a rule relates what follows it. Kept below both, so neither imports the
other."""

from __future__ import annotations

# "together with", "in collaboration with" in the four languages ("en collaboration avec",
# "conjointement avec", "en colaboración con", "em parceria com"), then an article
TOGETHER_WITH = (
    r"(?:(?:together|jointly|in\s+(?:close\s+)?(?:cooperation|collaboration|partnership|"
    r"coordination))\s+with|(?:conjointement|en\s+(?:étroite\s+)?(?:collaboration|partenariat|"
    r"coopération|coordination))\s+avec|(?:conjuntamente|en\s+(?:estrecha\s+)?(?:colaboración|"
    r"cooperación|coordinación|alianza))\s+con|(?:conjuntamente|em\s+(?:estreita\s+)?"
    r"(?:colaboração|parceria|cooperação|coordenação))\s+com)\s+"
    r"(?:the\s+|le\s+|la\s+|les\s+|l['’]|el\s+|los\s+|las\s+|o\s+|a\s+|os\s+|as\s+|"
    r"d[oa]s?\s+|del\s+|du\s+)?")
