"""French, Spanish and Portuguese names that English documents keep untranslated.

"the Ministerio de Hacienda", "Ministère de la Santé", "the Régimen Especial de Salud y
Maternidad", "Groupement des employeurs du Gabon": the head comes first, lowercase
words and connectors ("de la", "du", "y", "et") follow, so the capitalised-name rules
(entities.py), which read an English name's head last, miss them when no acronym
introduces them. The name runs from a head word of its own language to the first English
word or punctuation; a comma continues it only before a connector ("Ministère de
la Jeunesse, des Sports et de l'Action civique").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rdflib import URIRef
from rdflib.namespace import ORG

from spkg.ingest import lexicon
from spkg.ingest.gazetteer import PLACE_CLASSES
from spkg.ingest.mentions.base import Context, Mention, country_name_in, recogniser
from spkg.ingest.naming import class_from_head, partner_cue_at
from spkg.ingest.records import Span
from spkg.ingest.world import load_world_places
from spkg.namespace import SPKG, mint

# Head words that are not English words, and the class each name with it is.
HEADS: dict[str, URIRef] = {
    **dict.fromkeys(("Ministère", "Ministerio", "Ministério"), SPKG.Ministry),
    **dict.fromkeys(("Régime", "Régimen", "Regime", "Regimen", "Couverture", "Programa",
                     "Assurance", "Sistema", "Système", "Seguro", "Asignación", "Allocation",
                     "Programme", "Bono", "Renta", "Pensión", "Subsidio", "Plan",
                     # Portuguese: "Bolsa Família", "Abono de Família", "Cadastro Único" (a
                     # registry, annotated as a programme), "Rendimento Social de Inserção"
                     "Plano", "Pensão", "Subsídio", "Bolsa", "Abono", "Benefício",
                     "Rendimento", "Prestação", "Cadastro",
                     # "the Auxílio Reconstrução, paid by …"
                     "Auxílio", "Auxilio"),
                    SPKG.Programme),
    **dict.fromkeys(("Politique", "Política"), SPKG.Policy),
    **dict.fromkeys(("Stratégie", "Estrategia", "Estratégia"), SPKG.Strategy),
    **dict.fromkeys(("Projet", "Proyecto", "Projeto"), SPKG.Project),
    **dict.fromkeys(("Étude", "Estudio", "Estudo", "Évaluation", "Evaluación", "Diagnóstico",
                     "Análisis"), SPKG.Study),
    # numbered ones ("Ley 31.462", "Loi n° 2016-093") are documents.py's
    **dict.fromkeys(("Ley", "Loi", "Lei", "Reglamento", "Règlement", "Regulamento", "Código",
                     "Decreto", "Décret", "Ordonnance", "Code"), SPKG.Law),
    **dict.fromkeys((
        "Caisse", "Instituto", "Institut", "Fondo", "Fonds", "Confederación", "Confédération",
        "Confederação", "Federación", "Fédération", "Groupement", "Asociación", "Associação",
        "Sindicato", "Syndicat", "Consejo", "Conseil", "Conselho", "Comité", "Comisión",
        "Tesorería", "Superintendencia", "Agence", "Agencia", "Cámara", "Chambre",
        "Dirección", "Direction", "Unión", "Organisation", "Organización", "Office",
        "Institution", "Institución", "Instituição", "Mutuelle", "Mutualidad",
        "Administradora", "Gestora", "Caja", "Secretaría", "Corporación", "Entidad",
        "Autoridad", "Autorité", "Administración", "Administration", "Congreso", "Congrès",
        "Universidad", "Université", "Universidade", "Asamblea", "Assemblée", "Servicio",
        "Banco", "Banque", "Centro", "Fundación", "Fondation", "Junta", "Departamento",
        "Département", "Observatorio", "Observatoire", "Defensoría", "Delegación",
        "Délégation", "Secrétariat", "Association",
        # French trade unions: "Union générale des travailleurs de …"
        "Union",
        # government bodies: "Subsecretaría de Empleo Rural", "Inspection du travail",
        # "Secretaria de Previdência", "Viceministerio de Empleo"
        "Subsecretaría", "Viceministerio", "Secretaria", "Superintendência", "Intendencia",
        "Inspection", "Inspección", "Inspeção", "Contraloría", "Procuraduría", "Oficina",
        "Gerencia", "Tribunal", "Haut-Commissariat", "Commissariat",
        # Portuguese bodies: "Câmara de Comércio …", "Caixa Econômica …", "Direção-Geral …"
        "Câmara", "Caixa", "Agência", "Fundação", "Serviço", "Direção", "Direcção",
        "Direção-Geral", "Direcção-Geral", "Comissão", "Federação", "Autoridade",
        "Administração", "Inspecção", "Gabinete", "Delegação", "Provedoria",
        # employers' movements: "Mouvement des entreprises de …", "Movimiento Empresarial …"
        "Mouvement", "Movimiento", "Movimento"),
                    ORG.Organization)}
# A plan of the nation or of action is a strategy ("Plan Nacional de Desarrollo", "Plan
# d'action …"); others are programmes ("Plan Jefas y Jefes de Hogar", "Plan de Pago …").
_STRATEGIC_PLAN = re.compile(r"[ \t]+(?:[Nn]acional|[Nn]ational|[Ee]strat[ée]gi(?:co|que)|"
                             r"[Ss]ectori[ae]l|[Dd]irect(?:or|eur)|(?:de|d[’'])[ \t]*"
                             r"(?:[Aa]cci[óo]n|[Aa]ction|[Dd][ée]velop|[Dd]esarrollo))")
# Heads whose names also give a period ("Politique nationale … 2024-2028").
_DATED = frozenset({SPKG.Policy, SPKG.Strategy, SPKG.Programme, SPKG.Project})
_LAW_NUMBER = re.compile(r"[ \t]+(?:N[º°o]\.?[ \t]*|n[º°o][ \t]*|N[Rr]o\.?[ \t]*)?\d+(?:[-/.]\d+)*"
                         r"(?![\w-])")
# A numbered legal text and a comma: the title after it is that text's ("Ley No. 148, Ley de
# la Seguridad Social", "Lei n.º 4/07, Lei de Bases …"), not a second law; so is the code a
# numbered law enacts ("la loi n° 12/AN/99 portant Code du travail").
_NUMBERED_BEFORE = re.compile(
    r"(?<![\w-])(?:[Ll]ey|[Ll]ei|[Ll]oi|[Dd]ecreto|[Dd]écret|Law|Act|Code|Código)"
    r"(?:[ \t]+[^\W\d_][\w.-]*){0,2}"
    r"[ \t]+(?:N[º°o]\.?|n[º°o]\.?|n\.[º°o]|N[Rr]o\.?|No\.?)[ \t]*\d+(?:[-/.][\w.]+)*"
    r"(?:[ \t]+[A-Z]{1,3})?"
    r"(?:,|[ \t]+(?:portant|relatif[ \t]+au|que[ \t]+aprueba|que[ \t]+establece))[ \t]*$")
# A number sign ends a name's words: "Decreto de Urgencia N° 38-2020" is numbered there.
_NUMBER_SIGN = re.compile(r"(?:N|n)(?:[º°o]|ro|\.[º°o])?\.?[ \t]*(?:[º°][ \t]*)?\d")
_PERIOD = re.compile(r"[ \t]+(?:19|20)\d\d(?:[-–](?:19|20)?\d\d)?(?![\w-])")
# English words too: a Romance reading needs a sign of the language after them
_ALSO_ENGLISH = frozenset({"Direction", "Office", "Organisation", "Regime", "Assurance",
                           "Regimen", "Institution", "Allocation", "Programme", "Plan",
                           "Administration", "Code", "Tribunal", "Inspection",
                           "Commissariat", "Association", "Union"})
# Heads that also start sentences of prose in their language ("La Entidad asumió …"), or
# are common nouns there ("un seguro", "el centro"): a name with one has a capitalised
# word after it ("Administradora de los Recursos …", "Universidad Nacional de …").
_NEEDS_A_CAPITAL = frozenset({
    "Administradora", "Gestora", "Caja", "Secretaría", "Corporación", "Entidad", "Autoridad",
    "Autorité", "Universidad", "Université", "Universidade", "Servicio", "Banco", "Banque",
    "Centro", "Junta", "Seguro", "Bono", "Renta", "Pensión", "Subsidio", "Sistema", "Système",
    "Fundación", "Fondation", "Asamblea", "Assemblée", "Departamento", "Département",
    "Plano", "Pensão", "Subsídio", "Bolsa", "Abono", "Benefício", "Rendimento", "Prestação",
    "Cadastro", "Câmara", "Caixa", "Agência", "Fundação", "Serviço", "Autoridade",
    "Administração", "Gabinete", "Auxílio", "Auxilio"})
# Words that join a name's parts in these languages.
# Longest first, so that "de l'" is one connector, not "de" then a word "l".
_CONNECTORS = r"(?:de[ \t]+la|de[ \t]+l[’']|del|des|dos|das|de|du|da|do|d[’']|les|la|le|" \
              r"l[’']|los|las|el|y|e|et|aux|au|à|en|pour|para|por|sur|sobre)"
_WORD = r"[^\W\d_][\w-]*"
_ARTICLES = frozenset({"le", "la", "les", "el", "los", "las", "un", "une", "una", "o", "a",
                       "os", "as"})
_PREPOSITIONS = frozenset({"de", "à", "pour", "para", "por", "en", "sur", "sobre", "a", "con",
                           "avec", "entre", "contre", "contra"})
# Connectors a comma may come before ("Ministère de l'Emploi, du Travail …").
_OF = re.compile(r"de[ \t]+la|de[ \t]+l[’']|del|des|dos|das|de|du|da|do|d[’']")
_NAME = re.compile(rf"(?<![\w-])({'|'.join(sorted(HEADS, key=len, reverse=True))})(?![\w-])")
_TOKEN = re.compile(rf"(,?)[ \t]+({_CONNECTORS}(?:[ \t]+|(?<=[’'])))?({_WORD})")
# The English name right before a bracket: capitalised words, connectors between them.
_ENGLISH_NAME = re.compile(r"(?<![\w’'-])(?!(?:The|A|An|In|On|Its|Their|This)\b)"
                           r"([A-Z][\w’'-]*(?:[ \t]+(?:(?:of|for|on|and|the)[ \t]+)*"
                           r"[A-Z][\w’'-]*)+)[ \t]*$")
# (French "a" before a participle is "has": "… de la sécurité sociale a rendu son avis")
_ARTICLE_NEXT = re.compile(r"[ \t]+(?:the|an|a(?![ \t]+[^\W\d_]+(?:é|ée|és|ées|u|ue|us|is|it|"
                           r"ert)(?![\w-])))[ \t]")
# English words end a name: "the Ministerio de Hacienda in drafting …".
_ENGLISH = frozenset({
    "in", "on", "with", "and", "the", "of", "for", "to", "at", "by", "from", "is", "are",
    "was", "were", "has", "have", "had", "which", "that", "who", "as", "its", "their", "will",
    "would", "can", "under", "into", "through", "since", "after", "before", "during", "also",
    "it", "this", "these", "those", "an", "a", "or", "but", "not", "all", "new",
    # English prepositions no Romance name has: "the Code du travail against Convention …"
    "against", "ahead", "among", "amongst", "towards", "toward", "within", "across", "upon",
    # common English verbs that do not end in -ed
    "met", "said", "says", "held", "made", "led", "took", "gave", "began", "set", "paid",
    "meets", "signs", "leads", "runs", "ran", "covers", "pays", "provides", "manages"})
# French, Spanish and Portuguese words that end a name in their own prose: auxiliaries and
# verbs ("… del Trabajo publicó", "… a été"), pronouns and clause words ("qui", "que",
# "dont", "lors"), prepositions that never join a name's parts ("par", "avec", "durante").
_ROMANCE_STOP = frozenset({
    "qui", "que", "dont", "où", "quien", "cual", "cuyo", "cuya", "cuyos", "cuyas", "est",
    "sont", "a", "ont", "été", "sera", "seront", "était", "étaient", "fut", "es", "son", "fue",
    "fueron", "ha", "han", "había", "será", "serán", "era", "está", "están", "foi", "são",
    "lors", "durant", "pendant", "depuis", "desde", "durante", "hasta", "jusqu", "avec", "con",
    "dans", "entre", "ainsi", "así", "mais", "pero", "selon", "según", "afin", "par", "il",
    "elle", "ils", "elles", "se", "s", "ne", "cette", "ce", "ces", "este", "esta", "estos",
    "estas", "ese", "esa", "sus", "ses", "leur", "leurs", "su", "también", "aussi", "ya",
    "déjà", "tras", "après", "avant", "antes", "después", "comme", "como", "chaque", "cada",
    "sin", "sans", "contre", "contra", "vers", "hacia", "dès", "puis", "luego", "lo", "nos",
    "é", "pelo", "pela", "foram", "tem", "têm"})
# Verbs reports use of bodies and texts, present tense (a Spanish preterite ends in "ó":
# "aprobó", "publicó"): "… de la Protection sociale agit", "… del Trabajo aprueba".
_ROMANCE_VERBS = frozenset({
    "agit", "lance", "lancent", "adopte", "adoptent", "approuve", "valide", "organise",
    "appuie", "soutient", "finance", "gère", "verse", "couvre", "paie", "prévoit", "publie",
    "présente", "signe", "annonce", "participe", "collabore", "met", "prend", "administre",
    "dirige", "préside", "réunit", "regroupe", "compte", "offre", "assure", "garantit",
    "aprueba", "lanza", "adopta", "organiza", "apoya", "financia", "administra", "gestiona",
    "paga", "cubre", "publica", "presenta", "firma", "anuncia", "participa", "impulsa",
    "promueve", "implementa", "ejecuta", "otorga", "brinda", "ofrece", "garantiza", "reúne",
    "agrupa", "preside", "cuenta", "asume", "aprova", "lança", "apoia"})
_MONTHS = frozenset({
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre", "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre"})
# A word right before an article is a verb ("… del Trabajo publicó un informe"): a noun
# phrase never puts an article after a noun without a preposition.
_ROMANCE_ARTICLE_NEXT = re.compile(r"[ \t]+(?:un|une|una|unos|unas|le|la|les|el|los|las|"
                                   r"l[’'])(?:[ \t]|(?<=[’']))")
# A participle before its agent or date ends the name: "… présidé par", "creado en 2009".
_AGENT_NEXT = re.compile(r"[ \t]+(?:par|por|pelo|pela|en[ \t]+\d|le[ \t]+\d|el[ \t]+\d)")
_PARTICIPLE = ("é", "ée", "és", "ées", "ado", "ada", "ados", "adas", "ido", "ida", "idos",
               "idas")


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
        end = _list_end(context, match, _name_end(text, match, region.end), region.end)
        if end is None:
            continue
        words = text[match.end(1):end].split()
        if not words or words[0].casefold() in ("n", "no", "nº", "n°"):
            continue  # "Loi n° 2016-093": a numbered text, read by documents.py
        if not _reads_as_a_name(head, words):
            continue
        cls, end = _kind_and_end(context, match, end, region)
        if cls == SPKG.Law and _NUMBERED_BEFORE.search(
                text, max(region.start, match.start() - 60), match.start()):
            continue  # "Ley No. 372, Ley de Pensiones Rurales": the numbered law's title
        subtitle = _SUBTITLE.match(text, end, region.end)
        if subtitle is not None and _initials_spell(subtitle.group(2),
                                                    text[match.start():subtitle.end(1)]):
            # "União Nacional dos Trabalhadores de Cabo Verde – Central Sindical (UNTC-CS)":
            # the part after the dash is the name's, its acronym spells both
            end = subtitle.end(1)
        known = context.gazetteer.lookup(text[match.start():end])
        if known is not None and known.cls not in PLACE_CLASSES:
            # "le Programme alimentaire mondial": the reference data's body (the World Food
            # Programme) in another language, not a programme of the country
            cls = known.cls
        yield Mention(Span(match.start(), end), text[match.start():end], cls, known,
                      source="romance-name")


# A name's second part after a dash, then the acronym of the whole.
_SUBTITLE = re.compile(r"[ \t]+[–—-][ \t]+([A-Z][\w’'-]*(?:[ \t]+(?:(?:de|do|da|del|du|des)"
                       r"[ \t]+)?[A-Z][\w’'-]*){0,3})[ \t]*\(([A-Z][A-Za-z-]{2,})\)")


# "à Dakar", "en La Paz", "em Maputo", "au Plateau": where a body sits. A body's name may
# name its country ("… de Bolivia"), but not the town it sits in after a locative.
_LOCATIVE = re.compile(r"[ \t]+(?:à|en|em|au|aux|in|na|no)[ \t]+(?=[A-Z])")
_PLACE_WORDS = re.compile(r"[A-Z][\w’'-]*(?:[ \t]+(?:(?:de|del|de[ \t]+los|de[ \t]+la|do|da)"
                          r"[ \t]+)?[A-Z][\w’'-]*){0,3}")


def _kind_and_end(context: Context, match: re.Match[str], end: int,
                  region: Span) -> tuple[URIRef, int]:
    """The class a head-first name is, and where it ends once what may follow its words is
    read: a period, a legal text's number; not the town a body sits in."""
    text, head = context.text, match.group(1)
    cls = HEADS[head]
    if cls in (ORG.Organization, SPKG.Ministry):
        # "la Caisse de sécurité sociale à Dakar": where the body is, not its name
        end = _before_a_place(context, match.end(1), end)
    if head == "Plan" and _STRATEGIC_PLAN.match(text, match.end(1)):
        cls = SPKG.Strategy
    if cls in _DATED and (period := _PERIOD.match(text, end, region.end)):
        end = period.end()  # "Politique nationale de protection sociale 2024-2028"
    if cls == SPKG.Law and (number := _LAW_NUMBER.match(text, end, region.end)):
        end = number.end()  # "Ley Orgánica 4/2000", "Decreto Legislativo N° 1499"
    return cls, end


def _before_a_place(context: Context, start: int, end: int) -> int:
    """Where a body's name ends if a locative and a known place follow its head."""
    text = context.text
    for locative in _LOCATIVE.finditer(text, start, end):
        words = _PLACE_WORDS.match(text, locative.end(), end)
        if words is not None and _is_a_place(context, words.group(0)):
            return locative.start()
    return end


def _is_a_place(context: Context, words: str) -> bool:
    """Whether the words, or their first words, name a country, a subdivision or a town of
    some size (the gazetteer and the world places); a village's name could be any word."""
    parts = words.split()
    for size in range(len(parts), 0, -1):
        name = " ".join(parts[:size])
        if context.gazetteer.lookup(name, PLACE_CLASSES) is not None:
            return True
        if any(e.cls != SPKG.Place or e.capital or e.population >= _TOWN_SIZE
               for e in load_world_places().named(name)):
            return True
    return False


_TOWN_SIZE = 15_000  # inhabitants: a town a body would name as its seat


def _list_end(context: Context, match: re.Match[str], end: int, limit: int) -> int | None:
    """Where a name followed by a comma and a capitalised word ends: a list of capitalised
    words in its complement is its own ("Programa … de Salud, Educación y Nutrición"),
    unless an item is a place, an acronym or another head; another list is unclear (None,
    "Sindicato de Trabajadoras, Similares y …"), but for an acronym whose letters the
    whole list spells ("… Propia (SITRADOMSA)")."""
    text = context.text
    if re.match(r",[ \t]+[a-zà-ÿ]", text[end:end + 3]):
        # "Office d'assurance accidents du travail, maladie et maternité (OFATMA)": items in
        # lowercase are the name's only where its acronym, right after them, spells them
        vouched = _VOUCHED_LIST.match(text, end, limit)
        if vouched is not None and not _ITEM_ARTICLE.search(text, end, vouched.start(1)) and (
                _spells(vouched.group(1), text[match.start():vouched.start(1) - 1])
                and not _spells(vouched.group(1), text[match.start():end])):
            return len(text[:vouched.start(1) - 1].rstrip(" \t("))
        return end
    if not re.match(r",[ \t]+[A-Z]", text[end:end + 3]) or text[end + 2:].startswith(
            tuple(HEADS)):
        return end
    listed = _INNER_LIST.match(text, end, limit)
    if listed is not None:
        items = [i.strip() for i in re.split(r",|[ \t](?:y|e|et)[ \t]", listed.group(0))]
        if not any(item.isupper() or item.split()[0] in HEADS
                   or context.gazetteer.lookup(item, PLACE_CLASSES) is not None
                   for item in items if item):
            # "… de l'Agriculture, Élevage et Pêche maritime": the last item's own words
            return _name_end(text, match, limit, start=listed.end())
    vouched = _VOUCHED_LIST.match(text, end, limit)
    if vouched is None or not _spells(vouched.group(1),
                                      text[match.start():vouched.start(1) - 1]):
        return None
    return len(text[:vouched.start(1) - 1].rstrip(" \t("))


# Capitalised items of a list inside a name's complement: ", Educación y Nutrición".
# An item may join its words with "de" ("…, Fomento de Empleo y …", "…, Promotion de l'Emploi").
_ITEM = (r"[A-Z][\w’'-]*(?:[ \t]+(?:(?:de[ \t]+la|de[ \t]+l[’']|del|de|des|du|da|do|dos|das)"
         r"[ \t]*)?[A-Z][\w’'-]*){0,2}")
_INNER_LIST = re.compile(rf"(?:,[ \t]+{_ITEM})+,?[ \t]+(?:y|e|et)[ \t]+{_ITEM}(?![\w-])")
# A list inside a name up to its bracketed acronym: ", Similares y a Cuenta Propia (SIT…)".
# An article after a comma opens another name or a clause: ", le Ministère …", ", la …".
_ITEM_ARTICLE = re.compile(r",[ \t]+(?:le|la|les|l[’']|el|los|las|o|a|os|as|un|une|una)\b")
_VOUCHED_LIST = re.compile(r"(?:,?[ \t]+[^\W\d_][\w’'-]*){1,8}[ \t]*\(([A-Z][A-Za-z-]{2,})\)")


def _initials_spell(acronym: str, name: str) -> bool:
    """Whether the acronym's letters are, in order, initials of the name's capitalised words,
    the first and the last among them ("UNTC-CS": União Nacional … Central Sindical)."""
    letters = acronym.upper().replace("-", "")
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    if not letters or not initials or (letters[0], letters[-1]) != (initials[0], initials[-1]):
        return False
    position = 0
    for letter in letters:
        position = initials.find(letter, position) + 1
        if position == 0:
            return False
    return True


def _spells(acronym: str, name: str) -> bool:
    """Whether the acronym's letters are, in order, letters of the name, the first its
    initial and every capitalised word's initial among them ("SITRAPESCA")."""
    letters, upper = acronym.upper().replace("-", ""), name.upper()
    if not upper or letters[0] != upper[0]:
        return False
    position = 0
    for letter in letters:
        position = upper.find(letter, position)
        if position < 0:
            return False
        position += 1
    initials = [w[0] for w in name.split() if w[:1].isupper()]
    return len(initials) <= len(letters)


def _reads_as_a_name(head: str, words: list[str]) -> bool:
    """Whether the head and the words after it are a name of the head's language."""
    romance = any(re.fullmatch(_CONNECTORS, w) or w.startswith(("d’", "d'", "l’", "l'"))
                  for w in words) or not head.isascii() or not all(w.isascii() for w in words)
    # "Office Manager", "Direction Generale": an English reading needs a sign of the
    # language (a connector or an accent) for a head English also has
    if not romance and head in _ALSO_ENGLISH:
        return False
    # "La Entidad asumió la gestión …": Spanish prose, no name
    # an elided article is no word of its own: "de l'Union" has its capital
    return head not in _NEEDS_A_CAPITAL or any(
        re.sub(r"^[dl][’']", "", w)[:1].isupper() for w in words)


def _name_end(text: str, match: re.Match[str], limit: int, start: int | None = None) -> int:
    """Where the name ends: before its first English word, a comma not followed by a
    connector, any lowercase English-looking participle ("… Maternidad created in"), and
    the first word of its own language's prose: a verb, a clause word, a month, a
    participle before its agent ("… présidé par"). ``start``: where to read on from (the
    end of a list inside the name), by default the head's end."""
    end = match.end(1) if start is None else start
    previous = ""  # the word before: "… et de la Coopération" ("de" then "la")
    title: bool | None = None  # whether the name's first word after the head is capitalised
    while token := _TOKEN.match(text, end, limit):
        connector, word = (token.group(2) or "").strip() or None, token.group(3)
        if _joins_another(connector, word, bool(token.group(1)), previous):
            break
        if _ends_before(text, token, connector):
            break
        previous = word.casefold()
        if word in _ENGLISH or (connector is None and word.islower() and word.isascii() and (
                word.endswith(("ed", "ing", "ly")) or _english_only(word)
                or _ARTICLE_NEXT.match(text, token.end()))):
            break  # "… du Sénégal chose the …": a verb before an article is English
        folded = word.casefold()
        if connector is None and re.fullmatch(_CONNECTORS, word):
            break  # "… rurale en 2019": a connector that joins nothing
        if folded in _MONTHS or (connector is None and word.islower()
                                 and _is_prose(text, word, token.end())):
            break
        if not (folded in _ARTICLES or folded in _JOINS_CAPITALS
                or re.fullmatch(_CONNECTORS, folded)):
            if title is None:
                title = word[:1].isupper()
            elif title and word.islower() and match.group(1) in _TITLE_CASE_HEADS:
                break  # "the Programa de Apoyo Rural grew": a Spanish name is Title Case
        end = token.end()
    return end


def _ends_before(text: str, token: re.Match[str], connector: str | None) -> bool:
    """Whether a name ends before this token: a participle after "et/y/e" opens a clause
    ("… pour les ODD et mis en œuvre par le BIT"); a number sign opens the text's number
    ("… de Urgencia N° 38-2020", read after the name); a partner cue opens who helps ("le
    Ministère de la Famille en collaboration avec le BIT": two bodies)."""
    if partner_cue_at(text, token.start()):
        return True
    if connector in ("et", "y", "e"):
        word = token.group(3)
        # "… sociale et sera appliqué", "… Trabajo y fue creado": a verb opens a clause
        return _is_participle(text, word, token.end()) or word.casefold() in _AUXILIARIES or (
            connector == "et" and word == "a")
    return connector is None and bool(_NUMBER_SIGN.match(text, token.start(3)))


# Auxiliaries and copulas of the three languages: after "et/y/e" a clause, never a name's
# part ("… du travail et sera …", "… Social y fue …"). French "a" is one only after "et"
# (Spanish and Portuguese "y a", "e a" are "and to", "and the").
_AUXILIARIES = frozenset({
    "est", "sont", "ont", "sera", "seront", "était", "étaient", "fut", "es", "son",
    "fue", "fueron", "ha", "han", "había", "será", "serán", "era", "está", "están", "foi",
    "são", "foram", "serão", "tem", "têm", "vai", "va", "vont", "van"})


def _english_only(word: str) -> bool:
    """Whether a lowercase word is common English and rare in French, Spanish and
    Portuguese (a reference list from word frequencies): "… du Genre extends …", where a
    name's own lowercase words ("sociales", "rural", "nationale") are common in one of them."""
    return word in lexicon.english_only_words()


# Participles that do not end as regular ones do ("mis en œuvre", "puesto en marcha").
_IRREGULAR_PARTICIPLES = frozenset({
    "mis", "mise", "mises", "pris", "prise", "fait", "faite", "conduit", "conduite", "soumis",
    "transmis", "remis", "promis", "inscrit", "produit", "ouvert", "offert", "couvert",
    "soutenu", "soutenue", "reconnu", "reconnue", "puesto", "puesta", "hecho", "hecha",
    "cubierto", "cubierta", "abierto", "abierta", "previsto", "prevista", "dicho", "visto",
    "posto", "posta", "feito", "feita", "coberto", "aberto"})


def _is_participle(text: str, word: str, after: int) -> bool:
    """Whether a word after "et"/"y" is a participle opening a clause: an irregular one,
    or a regular one before its agent ("et financé par …")."""
    return word in _IRREGULAR_PARTICIPLES or (
        word.endswith(_PARTICIPLE) and bool(_AGENT_NEXT.match(text, after)))


def _joins_another(connector: str | None, word: str, comma: bool, previous: str) -> bool:
    """Whether the connector before ``word`` starts something other than the name."""
    if comma and not (connector and _OF.fullmatch(connector)):
        return True  # ", y el Decreto …", ", et la …": a clause or list goes on, not the name
    if connector in ("y", "e", "et") and word.casefold() in _ARTICLES | {"l"}:
        return True  # "le Code du travail et le Code de …", "l'Union … et l'OCDE": two names
    # "el Fondo Rural la administra": an article right after a noun is prose
    return (connector is not None and connector.casefold() in _ARTICLES | {"l'", "l’"}
            and previous not in _PREPOSITIONS)


# Spanish and Portuguese heads: their names capitalise every word but connectors ("Programa
# Nacional de Apoyo Directo a los Más Pobres"), so a lowercase word after capitalised ones
# is the sentence's; French names capitalise only the first noun of a part ("Pêche rurale").
_TITLE_CASE_HEADS = frozenset(
    h for h in HEADS if h.endswith(("o", "a", "ón", "ión", "ad", "ía")) or h in (
        "Régimen", "Regimen", "Ley", "Plan", "Análisis", "Bono", "Pensión", "Instituição"))

# Prepositions that join a name's capitalised parts but end it before prose.
_JOINS_CAPITALS = frozenset({"avec", "con", "entre", "sans", "sin", "contre", "contra"})
_CAPITAL_NEXT = re.compile(r"[ \t]+(?:(?:les|la|le|l[’']|los|las|el)[ \t]*)?[A-Z]")
# …but another body after them is a partner ("le Ministère de la Santé avec le Ministère du
# Travail", "el Instituto … con la OIT"): a head word or an acronym.
_BODY_NEXT = re.compile(rf"[ \t]+(?:(?:les|la|le|l[’']|los|las|el|o|a)[ \t]*)?"
                        rf"(?:(?:{'|'.join(sorted(HEADS, key=len, reverse=True))})|"
                        rf"[A-Z][A-Z&-]+)(?![\w-])")


# A word before "que" is a verb: "… montre que", "… indica que".
_THAT = re.compile(r"[ \t]+(?:que|qu[’'])")


def _is_prose(text: str, word: str, after: int) -> bool:
    """Whether a lowercase word of French, Spanish or Portuguese is prose, not a name's."""
    folded = word.casefold()
    if folded in _JOINS_CAPITALS and _CAPITAL_NEXT.match(text, after) and not _BODY_NEXT.match(
            text, after):
        return False  # "… et des Relations avec les Institutions", "… con Discapacidad"
    # a preterite ends the name: Spanish "lanzó", Portuguese "lançou", "criou"
    return (folded in _ROMANCE_STOP or folded in _ROMANCE_VERBS or word.endswith(("ó", "ou"))
            or bool(_ROMANCE_ARTICLE_NEXT.match(text, after)) or bool(_THAT.match(text, after))
            or (word.endswith(_PARTICIPLE) and bool(_AGENT_NEXT.match(text, after))))


# Studies in French and Spanish prose, in lowercase: "une étude de faisabilité d'un régime
# simplifié pour les petits commerçants", "un estudio actuarial del Sistema Integral de
# Pensiones". A determiner, the kind, then what it is of, to the first word of prose.
_LOWER_STUDY = re.compile(
    r"(?<![\w-])(?:[Uu]ne?|[Uu]na|[Ll]a|[Ll]e|[Ee]l|[Ll][’'])[ \t]*(?<=[ \t’'])"
    r"(étude|estudio|estudo|évaluation|evaluación|avaliação|diagnostic|diagnóstico|analyse|"
    r"análisis|análise|enquête|encuesta)(?![\w-])")
# What makes the kind one study: a complement ("de faisabilité", "del Sistema …") or a
# word that says which kind ("actuarielle", "actuarial").
_AUTHOR = re.compile(r"[ \t]+(?:de[ \t]+la|de[ \t]+l[’']|del|du|de)[ \t]*[A-Z]{2,}(?![\w-])")
_STUDY_WORDS = frozenset({"actuarielle", "actuarial", "actuariel", "atuarial"})
# A study named by its kind alone ("étude de faisabilité", "estudio actuarial"): every
# country has one, so its IRI names the country; more words say what it is of.
_KIND_ONLY = re.compile(r"[^\s]+(?:[ \t]+(?:actuari\w*|atuari\w*|(?:de[ \t]+|d[’'])[^\s]+))?")


@recogniser("romance", "lowercase-study")
def lowercase_studies(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    for match in _LOWER_STUDY.finditer(text, region.start, region.end):
        end = _name_end(text, match, region.end)
        words = text[match.end(1):end].split()
        while words and re.fullmatch(_CONNECTORS, words[-1]):
            end = text.rindex(words.pop(), match.end(1), end)  # "… des" before a comma
            end = len(text[:end].rstrip())
        if not words or (len(words) < 2 and words[0].casefold() not in _STUDY_WORDS):
            continue  # "une étude": a kind alone names none in particular
        if all(re.fullmatch(_CONNECTORS, w) or w.isupper() for w in words):
            continue  # "un estudio de la OIT": who made it, not what it is of
        # "une étude de l'OIT sur les retraites": who made it is no word of its name
        name = _AUTHOR.sub("", text[match.start(1):end])
        country = context.country
        # every country has its "étude actuarielle": the IRI names the country, as the
        # English lowercase studies' do (documents.py), unless it names what it studies
        # ("… del Sistema Integral de Pensiones", "… sur la retraite des artisans")
        iri = (mint("study", f"{name} {country_name_in(context, country, name)}")
               if country is not None and _KIND_ONLY.fullmatch(name) else None)
        yield Mention(Span(match.start(1), end), text[match.start(1):end], SPKG.Study,
                      source="document", iri=iri, name=name)



# French typography writes a ministry in lowercase, its domain capitalised: "le ministère
# de la Santé et du Développement social", "el ministerio de Trabajo".
_LOWER_MINISTRY = re.compile(
    r"(?<![\w-])(ministère|ministerio|ministério)(?=[ \t]+(?:de[ \t]+la|de[ \t]+l[’']|du|des|"
    r"del|de|da|do|d[’'])[ \t]*[A-Z])")


@recogniser("romance", "lowercase-ministry")
def lowercase_ministries(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    for match in _LOWER_MINISTRY.finditer(text, region.start, region.end):
        end = _list_end(context, match, _name_end(text, match, region.end), region.end)
        if end is not None:
            end = _before_a_place(context, match.end(1), end)  # "… du Travail à Lomé"
        if end is None or end == match.end(1):
            continue
        yield Mention(Span(match.start(1), end), text[match.start(1):end], SPKG.Ministry,
                      source="romance-name")


# A French or Spanish scheme in lowercase, named by whom or what it covers: "le régime
# d'assurance vieillesse de la Caisse …", "a régime des travailleurs agricoles for …"; the
# accented head is no English word, and a connector must follow it.
_LOWER_SCHEME = re.compile(
    r"(?<![\w-])(régime|régimen)(?=[ \t]+(?:de[ \t]+la|de[ \t]+l[’']|d[’']|des|du|del|de)"
    r"[ \t]*[^\W\d_])")
# A body's name inside the scheme's: it ends the scheme's.
_OF_A_BODY = re.compile(r"[ \t]+(?:de[ \t]+la|de[ \t]+l[’']|d[’']|des|du|del|de)[ \t]*(?=(?:"
                        + "|".join(h for h, c in HEADS.items() if c == ORG.Organization)
                        + r")(?![\w-]))")
# What every scheme is: "le régime de sécurité sociale" names none in particular.
_GENERIC_SCHEME_WORDS = frozenset({
    "de", "d'", "d’", "du", "des", "del", "la", "l'", "l’", "sécurité", "seguridad", "sociale",
    "social", "protection", "protección", "base", "général", "general", "obligatoire",
    "obligatorio", "ce", "ese", "este", "cet", "cette"})


# A list of one-word nouns closing a lowercase scheme's name: "régimen de pensiones de
# vejez, invalidez y sobrevivientes", "programa de invalidez, vejez y muerte (IVM)" (what it
# insures against, one name). It closes with "y/e/et/and" and its last word, then
# punctuation, a bracket or the end; an article in it ("…, y la Caja …") opens prose.
LIST_TAIL = re.compile(
    r"(?:,[ \t]+(?!(?:la|el|le|les|los|las|o|a|os|as|un|una|une|the|and|y|e|et)\b)"
    r"[a-zà-ÿ][a-zà-ÿ-]+){0,4},?[ \t]+(?:y|e|et|and)[ \t]+"
    r"(?!(?:la|el|le|les|los|las|o|a|os|as|un|una|une|the)\b)[a-zà-ÿ][a-zà-ÿ-]+"
    r"(?=[ \t]*(?:[.;:,)(]|$))")


def list_tail_end(text: str, end: int, limit: int) -> int:
    """Where a name that a closing list of nouns goes on ends ("… de vejez, invalidez y
    sobrevivientes"), else ``end``."""
    tail = LIST_TAIL.match(text, end, limit)
    return tail.end() if tail is not None and text[end] == "," else end


@recogniser("romance", "lowercase-scheme")
def lowercase_schemes(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    for match in _LOWER_SCHEME.finditer(text, region.start, region.end):
        end = _list_end(context, match, _name_end(text, match, region.end), region.end)
        if end is None:
            continue
        end = list_tail_end(text, end, region.end)
        if body := _OF_A_BODY.search(text, match.end(1), end):
            end = body.start()  # "… de la Caisse …": whose scheme it is, a name of its own
        words = text[match.end(1):end].split()
        parts = {p for w in words for p in re.split(r"(?<=[’'])", w.casefold()) if p}
        if not words or parts <= _GENERIC_SCHEME_WORDS:
            continue
        yield Mention(Span(match.start(1), end), text[match.start(1):end], SPKG.Programme,
                      source="romance-name")


# A programme in lowercase that a French, Spanish or Portuguese sentence launches: "le
# Gouvernement a lancé l'allocation familiale universelle", "el Gobierno puso en marcha el
# seguro de desempleo", "o Governo lançou o programa de transferências". The verb makes it
# one thing, as the English lowercase programmes' cues do (documents.py).
_LAUNCHED_LOWER = re.compile(
    r"(?<![\w-])(?:a[ \t]+(?:lancé|instauré|institué|créé|mis[ \t]+en[ \t]+place)|lance|"
    r"lanzó|lanza|(?:puso|pone)[ \t]+en[ \t]+marcha|implementó|creó|instauró|"
    r"lançou|lança|criou|instituiu|implementou)[ \t]+"
    r"(?:l[’'][ \t]*|(?:le|la|les|el|los|las|o|a|os|as|un|une|una|um|uma)[ \t]+)"
    r"(?:nouve(?:au|l|lle)[ \t]+|nuev[oa][ \t]+|nov[oa][ \t]+)?"
    r"(assurance|couverture|allocation|programme|pension|seguro|programa|bono|pensión|"
    r"subsidio|transferencia|asignación|cobertura|bolsa|auxílio|benefício)(?![\w-])")


_FOR_WHOM = re.compile(r"[ \t]+(?:pour|para|por|aux|au)[ \t]")


# A lowercase benefit that a French, Spanish or Portuguese sentence says covers or pays
# someone now: "el subsidio por desempleo cubre también a …", "l'allocation de rentrée
# scolaire couvre aussi …", "o subsídio de desemprego protege …". Its head and what it is
# for (one to three lowercase words after "de/por/pour") are its name; the verb right after
# makes it one thing, as "a … scheme covers …" does in English (documents.py).
_COVERING_LOWER = re.compile(
    r"(?<![\w-])(?:[Ee]l|[Ll]a|[Ll][’']|[Oo]|[Aa]|[Ll]e)[ \t]*"
    r"((?:subsidio|subsídio|seguro|pensión|pensão|prestación|prestação|asignación|allocation|"
    r"assurance|auxílio|bono|abono)[ \t]+(?:por|pour|de[ \t]+la|de|del|d[’']|da|do)[ \t]*"
    r"[a-zà-ÿ][a-zà-ÿ-]+(?:[ \t]+[a-zà-ÿ][a-zà-ÿ-]+){0,2}?)"
    r"[ \t]+(?:(?:también|aussi|désormais|ahora|ainda|agora|ya|déjà|já)[ \t]+)?"
    r"(?:cubre|couvre|cobre|protege|protège|paga|verse|garantiza|garantit|garante)\b")


@recogniser("romance", "covering-lowercase-benefit")
def covering_lowercase_benefits(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    for match in _COVERING_LOWER.finditer(text, region.start, region.end):
        yield Mention(Span(match.start(1), match.end(1)), match.group(1), SPKG.Programme,
                      source="romance-name")


@recogniser("romance", "launched-lowercase-programme")
def launched_lowercase_programmes(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    for match in _LAUNCHED_LOWER.finditer(text, region.start, region.end):
        end = _before_a_place(context, match.end(1), _name_end(text, match, region.end))
        whom = _FOR_WHOM.search(text, match.end(1), end)
        if whom is not None:
            end = whom.start()  # "… de desempleo para trabajadores …": whom it covers
        words = text[match.end(1):end].split()
        if not words or all(re.fullmatch(_CONNECTORS, w) for w in words):
            continue  # "a lancé le programme": a head alone names none
        yield Mention(Span(match.start(1), end), text[match.start(1):end], SPKG.Programme,
                      source="romance-name")


# A lowercase kind, what it is in lowercase, then its own capitalised name: "le programme
# national de transferts sociaux Tekavoul", "el programa de pensiones no contributivas
# Renta Solidaria". The whole phrase names it (as "the Ejo Heza long-term savings scheme"
# does in English); a place, an acronym or a body at the end is whose or where, no name.
_KIND_THEN_BRAND = re.compile(
    r"(?<![\w-])(programme|programa|projet|proyecto|projeto|régime|régimen|bono|plan)"
    r"((?:[ \t]+(?:de[ \t]+la|de[ \t]+l[’']|d[’']|de|du|des|del|da|do|das|dos|"
    r"[a-zà-ÿ][a-zà-ÿ-]*)){1,6}?)[ \t]+([A-Z][a-zà-ÿ][\w-]*(?:[ \t]+[A-Z][a-zà-ÿ][\w-]*){0,2})"
    r"(?![\w’'-]|[ \t]+(?:de|del|du|des|da|do|[A-Z])\b)")
_KIND_CLASSES = {"projet": SPKG.Project, "proyecto": SPKG.Project, "projeto": SPKG.Project}


@recogniser("romance", "lowercase-kind-then-brand")
def lowercase_kind_then_brand(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    for match in _KIND_THEN_BRAND.finditer(text, region.start, region.end):
        words = [w.casefold() for w in match.group(2).split()]
        if any(w in _ROMANCE_STOP or w in _ROMANCE_VERBS or w in _MONTHS or w in _ENGLISH
               or w.endswith("ó") for w in words):
            continue  # "le programme lancé par Taazour": prose, not the programme's words
        brand = match.group(3)
        if (context.gazetteer.lookup(brand) is not None or _is_a_place(context, brand)
                or brand.split()[0] in HEADS):
            continue  # "… au Sénégal", "… de la Caisse": where or whose
        yield Mention(Span(match.start(), match.end()), match.group(0),
                      _KIND_CLASSES.get(match.group(1), SPKG.Programme), source="romance-name")


# A French, Spanish or Portuguese scheme kept in lowercase in an English sentence: "the
# régimen voluntario will cover them", "the INSS runs the seguro facultativo, a …", "The
# pensão social for older persons …", "three tiers: proteção social de cidadania, proteção
# social obrigatória and proteção social complementar". The head is no English word, so an
# English word before it (an article, "and", a list's colon or comma after English prose)
# says the writer kept the country's own name for one scheme. English modifiers before the
# head ("the new contributory régimen especial") are no words of that name.
_KEPT_SCHEME = re.compile(
    r"(?:(?<![\w-])(?:[Tt]he|an?|its|their|and|or)[ \t]+"
    r"(?:(?!(?:of|for|to|in|on|by|and|the|a|an)\b)[a-z][a-z-]*[ \t]+){0,2}|[:,][ \t]+|"
    # a translation in brackets: "social assistance benefits (prestaciones de asistencia …)"
    r"\([ \t]*)"
    r"(régimen|régime|seguro|pensão|pensión|prestação|prestación|prestaciones|prestações|"
    r"programa|"
    r"asignación|bono|subsidio|subsídio|auxílio|rendimento|abono|proteção|protecção|"
    r"protección)(?=[ \t]+[a-zà-ÿ])")
# An English sentence before a list's colon or comma: its own function words.
_ENGLISH_BEFORE = re.compile(r"\b(?:the|and|is|are|was|were|has|have|its|which|with)\b")
# Heads whose lowercase word after them may be what every scheme is ("the régimen general",
# "el seguro social"); a pension's "social" is its kind ("the pensão social").
_GENERIC_AFTER = frozenset({"régimen", "régime", "seguro", "programa", "proteção", "protecção",
                            "protección", "prestaciones", "prestações"})


@recogniser("romance", "kept-lowercase-scheme")
def kept_lowercase_schemes(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    for match in _KEPT_SCHEME.finditer(text, region.start, region.end):
        if match.group(0)[0] in ":,(" and not _ENGLISH_BEFORE.search(
                text, max(region.start, match.start() - 120), match.start()):
            continue  # "…, régime de base": a list in a French sentence
        end = _name_end(text, match, region.end)
        words = text[match.end(1):end].split()
        while words and re.fullmatch(_CONNECTORS, words[-1]):
            words.pop()
        if not words:
            continue  # "the seguro": a head alone names none
        end = list_tail_end(text, _end_of_words(text, match.end(1), words), region.end)
        parts = {p for w in words for p in re.split(r"(?<=[’'])", w.casefold()) if p}
        if match.group(1) in _GENERIC_AFTER and parts <= _GENERIC_SCHEME_WORDS:
            continue  # "the régimen general de seguridad social": what every scheme is
        # read from lowercase words, as documents.py's programmes are (a study's object
        # keeps it: "a valuation of the programa de invalidez, vejez y muerte")
        yield Mention(Span(match.start(1), end), text[match.start(1):end], SPKG.Programme,
                      source="document")


def _end_of_words(text: str, start: int, words: list[str]) -> int:
    """Where the last of ``words`` ends, read in order from ``start``."""
    position = start
    for word in words:
        position = text.index(word, position) + len(word)
    return position
