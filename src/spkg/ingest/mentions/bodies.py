"""Organisations that have no capitalised name of their own.

- lowercase bodies with an organisational head: "a poverty graduation taskforce",
  "a tripartite governance board", "the national steering committee" →
  ``id:organisation/<slug of the noun phrase without article>``; a head alone ("the
  committee") points back at a body named before and gives nothing;
- "the Zambian Government", "the Nepal Government": the Government of that country;
- "Parliament" alone: the parliament of the document's country; "the Cabinet" alone;
- "l'Assemblée nationale", "el Senado", "le Parlement": the chambers of French, Spanish
  and Portuguese prose.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from rdflib import URIRef

from spkg.ingest import lexicon
from spkg.ingest.gazetteer import PLACE_CLASSES
from spkg.ingest.mentions.base import (
    MODIFIER,
    TOPIC,
    Context,
    Mention,
    country_of_adjective,
    recogniser,
)
from spkg.ingest.naming import ORGANISATION_CLASSES, class_from_head
from spkg.ingest.records import Span
from spkg.namespace import SPKG, mint

BODY_HEADS: dict[str, URIRef] = {
    "taskforce": SPKG.ExpertGroup, "task force": SPKG.ExpertGroup,
    "working group": SPKG.ExpertGroup, "technical working group": SPKG.ExpertGroup,
    "expert group": SPKG.ExpertGroup, "committee": SPKG.Body, "subcommittee": SPKG.Body,
    "sub-committee": SPKG.Body, "board": SPKG.Body, "council": SPKG.Body,
    "commission": SPKG.GovernmentBody, "secretariat": SPKG.Body, "coalition": SPKG.Body,
    "forum": SPKG.Forum, "advisory group": SPKG.ExpertGroup, "reference group": SPKG.ExpertGroup,
    "unit": SPKG.GovernmentBody, "cell": SPKG.GovernmentBody, "agency": SPKG.GovernmentBody,
}
_HEAD = "|".join(sorted((re.escape(h) for h in BODY_HEADS), key=len, reverse=True))
_BODY = re.compile(
    # "the EIS governance board": the acronym of what it governs is a word of its name
    rf"(?<![\w-])(?:[Aa]n?|[Tt]he)[ \t]+((?:[A-Z]{{2,6}}[ \t]+(?=[a-z]))?"
    rf"(?:{MODIFIER}[ \t]+){{1,4}}(?:{_HEAD}))\b"
    # "a technical committee meeting": the body word qualifies something else
    r"(?![ \t-]+(?:meeting|meetings|members?|member|decision|resolution|report|session|"
    r"chair|secretary|approval|mandate|structure)\b)(?![\w-])")
DESCRIPTIVE = frozenset({"new", "newly", "recently", "re-established", "proposed", "established",
                         "created", "formed", "constituted", "appointed"})
# Modifiers that say something about the sentence, not about which body it is.
_NOT_NAMING = frozenset({
    "same", "other", "such", "first", "second", "next", "last", "previous", "following",
    "above", "said", "this", "that", "these", "those", "its", "their", "our", "his", "her",
    "many", "several", "various", "each", "every", "all", "some", "any", "more", "further",
    "relevant", "respective", "existing", "former", "current", "concerned", "whole",
    "entire", "own", "overall", "executive",
    "was", "were", "is", "are", "has", "had", "have", "been", "be", "to", "and", "or", "by",
    "of", "in", "on", "for", "with", "as", "at", "from", "also", "not"})
# A body is named by what it does ("steering", "governance", "graduation"), whom it joins
# ("tripartite", "multi-stakeholder", "inter-ministerial") or where it works ("national",
# "provincial"): one such word at least.
_GOVERNMENT_OF = re.compile(r"(?<![\w-])([A-Z][\w’'-]*(?:[ \t][A-Z][\w’'-]*)?)[ \t]+"
                            r"(Government|Cabinet|Parliament|Senate)\b")
# "Parliament", "the Senate", "the Cabinet" alone: the document's country's ("the Cabinet
# Secretary for Labour" is a person, "the Senate of X" names its country itself)
_PARLIAMENT = re.compile(r"(?<![\w-])(?:[Tt]he[ \t]+)?(Parliament|Congress|(?:Senate|Cabinet)"
                         r"(?![ \t]+[A-Z]))(?![\w-]|[ \t]+of\b)")


# … or on an action, to the clause's end: "the steering committee on the extension of
# maternity cover to domestic workers, chaired by …" (a bounded run of lowercase words).
_ACTION_TOPIC = re.compile(r"[ \t]+on[ \t]+the[ \t]+[a-z]+(?:ion|ment)[ \t]+of[ \t]+"
                           r"(?:[a-z][a-z-]*[ \t]+){0,8}[a-z][a-z-]*(?=[ \t]*[,.;])")


@recogniser("bodies", "lowercase-body")
def lowercase_bodies(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    for match in _BODY.finditer(text, region.start, region.end):
        phrase = match.group(1)
        words = phrase.split()
        head_words = next(h for h in sorted(BODY_HEADS, key=len, reverse=True)
                          if phrase.endswith(h)).split()
        modifiers = words[: len(words) - len(head_words)]
        start = match.start(1)
        while modifiers and modifiers[0] in DESCRIPTIVE:  # "a new tripartite board"
            start = text.index(modifiers[1] if len(modifiers) > 1 else head_words[0],
                               start + len(modifiers[0]))
            modifiers = modifiers[1:]
        if not modifiers or any(w in _NOT_NAMING or w.endswith(("’s", "'s")) for w in modifiers):
            continue  # "the programme's steering committee" is the body of something named
        if modifiers[0].isupper() and context.gazetteer.lookup(modifiers[0]) is not None:
            continue  # "the ILO technical working group": a known body's own group
        head = " ".join(head_words)
        end = match.end(1)
        topic = TOPIC.match(text, end, region.end) or _ACTION_TOPIC.match(text, end, region.end)
        if topic is not None:  # "an inter-agency task force on maternity protection"
            end = topic.end()
        words_ = " ".join(text[start:end].split())
        # "a tripartite governance board" keeps every word: the IRI is the noun phrase's
        yield Mention(Span(start, end), text[start:end], BODY_HEADS[head], source="body",
                      iri=mint("organisation", words_))


@recogniser("bodies", "country-government")
def country_governments(context: Context, region: Span) -> Iterator[Mention]:
    """"the Zambian Government", "the Nepal Government" → Government of Zambia / Nepal."""
    text = context.text
    for match in _GOVERNMENT_OF.finditer(text, region.start, region.end):
        words, head = re.sub(r"[’']s$", "", match.group(1)), match.group(2)
        for candidate in (words, words.split()[-1]):
            place = (country_of_adjective(candidate, context.gazetteer)
                     or context.gazetteer.lookup(candidate, PLACE_CLASSES))
            if place is not None and place.cls == SPKG.Country:
                start = match.start(1) + len(words) - len(candidate)
                yield Mention(Span(start, match.end()), text[start:match.end()],
                              SPKG.Government if head == "Government" else SPKG.GovernmentBody,
                              source="government", name=f"{head} of {place.label}",
                              place=place)
                break


_NAMED_BEFORE = re.compile(r"[A-Z][\w’'-]*[ \t]+$")


def _names_its(context: Context, head: str) -> bool:
    """Whether the text names the cabinet or parliament of its country with the country
    ("the Malawian Cabinet", "Nepal's Cabinet", "the Parliament of Lesotho")."""
    if context.country is None:
        return False
    memo = context.memo.get("names-its-chambers")
    if not isinstance(memo, frozenset):
        label = context.country.label
        memo = frozenset(
            {m.name for m in country_governments(context, Span(0, len(context.text)))
             if m.name is not None}
            | {f"{chamber} of {label}" for chamber in ("Parliament", "Senate", "Congress",
                                                       "Cabinet")
               if re.search(rf"\b{chamber}[ \t]+of[ \t]+(?:the[ \t]+)?{re.escape(label)}\b",
                            context.text)})
        context.memo["names-its-chambers"] = memo
    return f"{head} of {context.country.label}" in memo


# British usage writes it in lowercase: "the bill goes to parliament", "the national
# parliament adopted it"; an article or a preposition before it, no "of" after it.
_LOWER_PARLIAMENT = re.compile(
    r"(?<![\w-])(?:the|to|by|before|through|in)[ \t]+(?:national[ \t]+)?(parliament)"
    r"(?![\w-]|[ \t]+of\b|[ \t]+(?:members?|sessions?|committees?|elections?)\b)")


@recogniser("bodies", "parliament")
def parliament(context: Context, region: Span) -> Iterator[Mention]:
    """"Parliament" standing alone: the document's country's (named as _chamber says)."""
    country = context.country
    if country is None:
        return
    for match in _LOWER_PARLIAMENT.finditer(context.text, region.start, region.end):
        yield _chamber(context, Span(match.start(1), match.end(1)), "Parliament",
                       match.group(1))
    for match in _PARLIAMENT.finditer(context.text, region.start, region.end):
        head = match.group(1)
        if _GLOSSES_A_LEGISLATURE.search(context.text, max(0, match.start() - 40),
                                         match.start()) and (
                context.text.startswith(")", match.end())):
            continue  # "the Jogorku Kenesh (Parliament)": the name's gloss, one body
        if head == "Congress" and _NAMED_BEFORE.search(
                context.text, max(0, match.start(1) - 40), match.start(1)):
            continue  # "the Gambia Labour Congress", "National Congress": a name
        yield _chamber(context, Span(match.start(1), match.end(1)), head, head)


def _chamber(context: Context, span: Span, head: str, words: str) -> Mention:
    """"Parliament", "the Cabinet" alone: named as the text writes it (the annotation
    guide's convention, id:organisation/parliament) unless the text also names it with its
    country ("Thailand's Cabinet … the Cabinet", "the Parliament of Uganda … Parliament"):
    then it is that one."""
    country = context.country
    if country is None or not _names_its(context, head):
        return Mention(span, words, SPKG.GovernmentBody, source="parliament",
                       iri=mint("organisation", head))
    return Mention(span, words, SPKG.GovernmentBody, source="parliament",
                   name=f"{head} of {country.label}")


def _legislature_before() -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, lexicon.legislature_words()), key=len, reverse=True))
    return re.compile(rf"(?i:{words})[ \t]*\($")


_GLOSSES_A_LEGISLATURE = _legislature_before()


@recogniser("bodies", "own-language-legislature")
def own_language_legislatures(context: Context, region: Span) -> Iterator[Mention]:
    """"the Mejlis", "the Storting" alone: a legislature's own-language name is a name by
    itself, as annotated (its IRI the word's), where no capitalised word comes before it."""
    for match in _THE_ONE_WORD.finditer(context.text, region.start, region.end):
        word = match.group(1)
        if word.casefold() in lexicon.legislature_words():
            yield Mention(Span(match.start(1), match.end(1)), word, SPKG.GovernmentBody,
                          source="parliament", iri=mint("organisation", word))


# "the Mejlis": an article, one capitalised word, then no other capitalised word
_THE_ONE_WORD = re.compile(r"(?<![\w-])[Tt]he[ \t]+([A-Z][^\W\d_]+)(?![\w’'-]|[ \t]+[A-Z])")


# French, Spanish and Portuguese chambers. "l'Assemblée nationale", "la Asamblea Nacional",
# "a Assembleia da República" keep their own name (as "the National Assembly" does);
# "le Parlement", "el Senado", "o Congresso" alone are the document's country's, named in
# English like "Parliament" ("Parliament of <Country>"). An article or a preposition
# with one must come first: a capitalised head alone opens a sentence or another name.
_ROMANCE_ARTICLE = (r"(?:[Ll][’']|[Ll]a|[Ll]e|[Ee]l|[Aa]|[Oo]|du|au|al|del|da|do|na|no|"
                    r"pela|pelo|à[ \t]+la|de[ \t]+la)")
_ROMANCE_ASSEMBLY = re.compile(
    # "the Assemblée nationale": an English text keeps the name, with its own article
    rf"(?<![\w-])(?:{_ROMANCE_ARTICLE}|[Tt]he)[ \t]*(?<=[ \t’'])"
    rf"((?:Assemblée|Asamblea|Assembleia)[ \t]+"
    rf"(?:[Nn]ationale|[Nn]acional|[Ll]égislative|[Ll]egislativa|[Pp]lurinacional|"
    rf"[Ll]egislativa[ \t]+[Pp]lurinacional|[Pp]opular|da[ \t]+República|de[ \t]+la[ \t]+"
    rf"República))(?![\w-])")
_ROMANCE_CHAMBERS = {"Parlement": "Parliament", "Parlamento": "Parliament",
                     "Sénat": "Senate", "Senado": "Senate", "Congrès": "Congress",
                     "Congreso": "Congress", "Congresso": "Congress"}
_ROMANCE_CHAMBER = re.compile(
    rf"(?<![\w-]){_ROMANCE_ARTICLE}[ \t]*(?<=[ \t’'])({'|'.join(_ROMANCE_CHAMBERS)})"
    # "el Congreso Nacional", "le Parlement européen", "el Senado de la República": a name
    # of its own or another chamber (the romance family reads capitalised ones)
    r"(?![\w-]|[ \t]+[A-Z]|[ \t]+(?:de|del|da|do|des|du|d[’'])[ \t]|[ \t]+[a-zà-ÿ]+"
    r"(?:éen|eo|ano|ain|aine|ino|ina|al|ais|aise|ien|ienne)(?![\w-]))")


@recogniser("bodies", "romance-legislature")
def romance_legislatures(context: Context, region: Span) -> Iterator[Mention]:
    """"l'Assemblée nationale a adopté …", "el Senado aprobó …": the national chambers."""
    text = context.text
    for match in _ROMANCE_ASSEMBLY.finditer(text, region.start, region.end):
        name = " ".join(match.group(1).split())
        yield Mention(Span(match.start(1), match.end(1)), match.group(1),
                      SPKG.GovernmentBody, source="parliament",
                      name=name[0].upper() + name[1:])
    country = context.country
    if country is None:
        return
    for match in _ROMANCE_CHAMBER.finditer(text, region.start, region.end):
        chamber = _ROMANCE_CHAMBERS[match.group(1)]
        yield Mention(Span(match.start(1), match.end(1)), match.group(1),
                      SPKG.GovernmentBody, source="parliament",
                      name=f"{chamber} of {country.label}")


_CAPITAL = r"[A-Z][\w’'-]*"
# "the Minister of Labour, Employment, Public Service and Social Laws": what the minister's
# title says is the ministry's name (a list in it and all).
_MINISTER = re.compile(
    rf"(?<![\w-])(?<!Prime )(?<!Prime Minister and )(?:Deputy |Vice )?Minister[ \t]+(of|for)"
    rf"[ \t]+({_CAPITAL}(?:(?:,[ \t]+|[ \t]+(?:and|&|of|for|the)[ \t]+|[ \t]+){_CAPITAL})*)")


_MINISTRY_NAME = re.compile(
    rf"(?<![\w-])Ministry[ \t]+(?:of|for)[ \t]+{_CAPITAL}(?:(?:,[ \t]+|[ \t]+(?:and|&|of|for|"
    rf"the)[ \t]+|[ \t]+){_CAPITAL})*")
_PORTFOLIO_SPLIT = re.compile(r",[ \t]+(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+")


def _ministry_names(context: Context) -> list[str]:
    """The ministries the document names in full, found once per document."""
    found = context.memo.get("ministry-names")
    if not isinstance(found, list):
        found = [m.group(0) for m in _MINISTRY_NAME.finditer(context.text)]
        context.memo["ministry-names"] = found
    return found


@recogniser("bodies", "minister-of")
def ministers_ministry(context: Context, region: Span) -> Iterator[Mention]:
    """"the Minister of Labour said …": the Ministry of Labour, or the longer name of the
    ministry the text gives elsewhere ("the Ministry of Labour and Human Resources")."""
    text = context.text
    for match in _MINISTER.finditer(text, region.start, region.end):
        complement = match.group(2)
        place = context.gazetteer.lookup(complement, PLACE_CLASSES)
        if place is not None:
            continue  # "the Minister of Fiji": a country's minister, not a ministry's name
        name = f"Ministry {match.group(1)} {complement}"
        longer = re.search(rf"(?<![\w-]){re.escape(name)}(?:(?:,[ \t]+|[ \t]+(?:and|&|of|for|"
                           rf"the)[ \t]+){_CAPITAL}(?:[ \t]+{_CAPITAL})*)*", text)
        if longer is not None:
            name = longer.group(0)
        else:
            # "the Minister of Labour" of "the Ministry of Rural Affairs, Labour and Local
            # Government": the ministry whose list of portfolios holds the minister's
            name = next((m for m in _ministry_names(context)
                         if complement in _PORTFOLIO_SPLIT.split(m.split(" ", 2)[2])), name)
        yield Mention(Span(match.start(), match.end()), match.group(0), SPKG.Ministry,
                      source="name", name=name)


# "the local government of Dumaguete", "the municipal council of Lima": a town's own body,
# written in lowercase, named with its place.
_LOCAL_BODY = re.compile(
    rf"(?<![\w-])(?:[Tt]he|[Aa])[ \t]+((?:local|municipal|city|town|district|county|provincial)"
    rf"[ \t]+(?:government|council|administration|authority)|municipality)[ \t]+of[ \t]+"
    rf"({_CAPITAL}(?:[ \t]+{_CAPITAL})*)")


@recogniser("bodies", "local-body")
def local_bodies(context: Context, region: Span) -> Iterator[Mention]:
    """"with the local government of Dumaguete": the town's government, a body of its own."""
    text = context.text
    for match in _LOCAL_BODY.finditer(text, region.start, region.end):
        start, end = match.start(1), match.end(2)
        yield Mention(Span(start, end), text[start:end], SPKG.GovernmentBody, source="name",
                      name=f"{match.group(1)} of {match.group(2)}")


# "le Gouvernement gabonais", "el Gobierno hondureño", "o Governo de Moçambique".
_ROMANCE_GOVERNMENT = re.compile(
    r"(?<![\w-])(Gouvernement|Gobierno|Governo)[ \t]+(?:(?:du|de[ \t]+la|de|del|do|da)[ \t]+|"
    r"d['’])?([^\W\d_][\w'’-]+)")


def _stem(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().casefold()
    return plain[:4]


@recogniser("bodies", "romance-government")
def romance_governments(context: Context, region: Span) -> Iterator[Mention]:
    """"le Gouvernement camerounais lance …": the Government of the document's country,
    when the adjective or name after the word is that country's (first four letters)."""
    country = context.country
    if country is None:
        return
    # "tchadien" is Tchad's: the French and Spanish names count too
    stems = {_stem(name) for name in (country.label, *country.names, *country.translations)}
    for match in _ROMANCE_GOVERNMENT.finditer(context.text, region.start, region.end):
        if _stem(match.group(2)) in stems:
            yield Mention(Span(match.start(), match.end()), match.group(0), SPKG.Government,
                          source="government", name=f"Government of {country.label}",
                          place=country)


# Capitalised names whose head the capitalised-name rules do not type: "the State Social
# Service", "the National Employment Services", "the Decent Work Technical Support Team for
# South Asia", "the Labour Inspectorate". Two capitalised words before the head at least
# ("the Civil Service", "the Employment Service" name what every country has), or a
# complement after it; never when another capitalised word follows ("Public Service
# Commission" is the commission's name).
_SERVICE_HEADS: dict[str, URIRef] = {
    "Service": SPKG.GovernmentBody, "Services": SPKG.GovernmentBody,
    "Inspectorate": SPKG.GovernmentBody, "Team": SPKG.Body}
_SERVICE = re.compile(
    rf"(?<![\w’'-])((?:{_CAPITAL}[ \t]+){{1,6}})({'|'.join(_SERVICE_HEADS)})"
    rf"((?:[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?{_CAPITAL}(?:[ \t]+(?:and[ \t]+)?{_CAPITAL})*)?)"
    r"(?![\w’'-]|[ \t]+[A-Z])")
_OPENING = frozenset({"The", "A", "An", "In", "On", "At", "By", "For", "From", "With",
                      "Through", "Under", "Its", "Their", "This", "That", "And", "Both"})


@recogniser("bodies", "service-or-team")
def services_and_teams(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    for match in _SERVICE.finditer(text, region.start, region.end):
        words = match.group(1).split()
        start = match.start(1)
        while words and words[0] in _OPENING:
            start = text.index(words[1] if len(words) > 1 else match.group(2),
                               start + len(words[0]))
            words = words[1:]
        if len(words) < 2 and not match.group(3):
            continue
        end = match.end()
        yield Mention(Span(start, end), text[start:end], _SERVICE_HEADS[match.group(2)],
                      source="name")


# An ILO office's name joins a team and an office, each "for" a region or a list of
# countries: "ILO Decent Work Team for Eastern and Southern Africa and Country Office for
# South Africa, Botswana, Lesotho, Namibia and Eswatini". Its "and"s and commas split it into
# bodies and places otherwise. An "and" before "(Country) Office" joins the name's parts.
_AREA = (rf"(?:the[ \t]+)?{_CAPITAL}(?:[ \t]+(?:and[ \t]+(?!(?:Country[ \t]+)?Office\b)|"
         rf"of[ \t]+(?:the[ \t]+)?)?{_CAPITAL})*")
_AREAS = rf"{_AREA}(?:,[ \t]+{_AREA})*(?:,?[ \t]+and[ \t]+{_AREA})?"
_ILO_OFFICE = re.compile(
    rf"(?<![\w’'-])(?:ILO[ \t]+)?(?:Decent[ \t]+Work[ \t]+(?:Technical[ \t]+Support[ \t]+)?"
    rf"Team|DWT)(?:[ \t]+for[ \t]+{_AREA})?[ \t]+and[ \t]+(?:Country[ \t]+)?Office[ \t]+for"
    rf"[ \t]+(?P<areas>{_AREAS})(?![\w’'-])")


@recogniser("bodies", "ilo-office")
def ilo_offices(context: Context, region: Span) -> Iterator[Mention]:
    for match in _ILO_OFFICE.finditer(context.text, region.start, region.end):
        # the longest span: it wins over the pieces the name rules read
        areas_end = _areas_end(context, match.start("areas"), match.end())
        yield Mention(Span(match.start(), areas_end), context.text[match.start():areas_end],
                      SPKG.GovernmentBody, source="name")
    for match in _ILO_REGIONAL_OFFICE.finditer(context.text, region.start, region.end):
        area = ILO_REGION.match(context.text, match.end(), region.end)
        if area is not None:
            yield Mention(Span(match.start(), area.end()),
                          context.text[match.start():area.end()], SPKG.GovernmentBody,
                          source="name")
    for match in _ILO_COUNTRY_OFFICE.finditer(context.text, region.start, region.end):
        end = _places_end(context, match.start(1), match.end())
        if end is not None:
            yield Mention(Span(match.start(), end), context.text[match.start():end],
                          SPKG.GovernmentBody, source="name")


# "the ILO Office for Ghana and Togo", "the ILO Country Office for Nepal and the
# Seychelles": an office for a list of places, which ends where the places do
_ILO_COUNTRY_OFFICE = re.compile(
    rf"(?<![\w’'-])ILO[ \t]+(?:Country[ \t]+)?Office[ \t]+for[ \t]+({_AREAS})(?![\w’'-])")
# "the ILO Regional Office for Asia and the Pacific": an office for one of the ILO's regions
_ILO_REGIONAL_OFFICE = re.compile(
    r"(?<![\w’'-])ILO[ \t]+(?:Regional[ \t]+)?Office[ \t]+for[ \t]+(?=[A-Zt])")
_LIST_JOIN = re.compile(r",?[ \t]+and[ \t]+(?:the[ \t]+)?|,[ \t]+(?:the[ \t]+)?")


def _areas_end(context: Context, start: int, end: int) -> int:
    """Where an office's list of areas ends: before the first item that is a body ("…
    Office for the Northern Isles, UNDP and the Fisheries Board" lists its partners next)."""
    text, position, last = context.text, start, end
    while position < end:
        join = _LIST_JOIN.search(text, position, end)
        stop = join.start() if join else end
        item = re.sub(r"^the[ \t]+", "", text[position:stop])
        if position > start and (re.fullmatch(r"[A-Z]{2,}", item)
                                 or class_from_head(item) in ORGANISATION_CLASSES
                                 or context.gazetteer.lookup(item, ORGANISATION_CLASSES)):
            return last
        last = stop
        if join is None:
            break
        position = join.end()
    return end


def _places_end(context: Context, start: int, end: int) -> int | None:
    """Where a list of two or more known places from ``start`` ends (None: fewer)."""
    text, position, count, last = context.text, start, 0, None
    while position < end:
        join = _LIST_JOIN.search(text, position, end)
        stop = join.start() if join else end
        place = re.sub(r"^the[ \t]+", "", text[position:stop])
        if context.gazetteer.lookup(place, PLACE_CLASSES) is None:
            break
        count, last = count + 1, stop
        if join is None:
            break
        position = join.end()
    return last if count >= 2 else None


# The same offices in French, Spanish and Portuguese: "Bureau de pays de l'OIT pour le
# Niger et le Tchad", "Oficina de la OIT para los Países Andinos", "Escritório da OIT no
# Brasil", "Bureau de l'OIT pour les pays du Sahel". The countries listed are the name's,
# not places the text names.
_ROMANCE_ILO_OFFICE = re.compile(
    # "l'Équipe d'appui technique au travail décent et bureau de pays de l'OIT pour …": a
    # team joined to the office, which then takes a lowercase head
    r"(?<![\w-])(?:(?:[ÉE]quipe|Equipo|Equipa)[ \t]+[^\n,;.()]{0,60}?[ \t]+(?:et|y|e)[ \t]+"
    r"(?:[Bb]ureau|[Oo]ficina|[Ee]scritório)|(?<![\w’'-])(?:Bureau|Oficina|Escritório))"
    r"(?:[ \t]+[Rr][ée]gional)?"
    r"(?:[ \t]+(?:de|do)[ \t]+(?:[Pp]ays|[Pp]aís))?"
    r"[ \t]+(?:de[ \t]+l[’']|de[ \t]+la[ \t]+|da[ \t]+|del[ \t]+)(?:OIT|BIT)[ \t]+"
    r"(?:pour|para|en|no|na|em)[ \t]+")
_UPPER = r"[A-ZÀ-ÖØ-Þ]"  # accented capitals too: "l'Éthiopie"
_PLACE_ARTICLE = re.compile(rf"(?:l[’']|(?:la|le|les|el|los|las|o|a|os|as)[ \t]+)(?={_UPPER})")
# "les pays du Sahel", "los países del Cono Sur": a region's countries, named by the region
_COUNTRIES_OF = re.compile(
    rf"(?:les[ \t]+|los[ \t]+|os[ \t]+)?(?:pays|pa[íi]ses)[ \t]+(?:du|de[ \t]+la|de[ \t]+l[’']|"
    rf"des|del|de|do|da|dos)[ \t]*{_CAPITAL}(?:[ \t]+{_CAPITAL})*")
_PLACE_HEAD = re.compile(rf"{_UPPER}[\w’'-]*")
_ROMANCE_JOIN = re.compile(r",?[ \t]+(?:et|y|e)[ \t]+|,[ \t]+")
# a place's own words after its first, the longest the gazetteer knows is taken: "le
# Soudan du Sud", "la République centrafricaine"
_PLACE_TAIL = re.compile(r"(?:[ \t]+[^\W\d_][\w’'-]*){0,3}")


@recogniser("bodies", "ilo-office-romance")
def romance_ilo_offices(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    for match in _ROMANCE_ILO_OFFICE.finditer(text, region.start, region.end):
        end = _romance_places_end(context, match.end(), region.end)
        if end is not None:
            yield Mention(Span(match.start(), end), text[match.start():end],
                          SPKG.GovernmentBody, source="name")


# The regions the ILO's regional offices and teams are for ("pour l'Afrique centrale",
# "para América Latina y el Caribe", "for Asia and the Pacific"): continents, with a side
# or a sea joined to them (ILO, "Regions and countries", ilo.org).
_SIDE = (r"(?:[ \t]+(?:centrale|central|occidentale|occidental|orientale|oriental|australe|"
         r"austral|du[ \t]+Nord|du[ \t]+Sud|de[ \t]+l[’']Ouest|de[ \t]+l[’']Est|del[ \t]+Norte|"
         r"del[ \t]+Sur|do[ \t]+Sul|do[ \t]+Norte))?")
_CONTINENT = (r"(?:Afrique|África|Africa|Asie|Asia|Ásia|Amérique[ \t]+latine|América[ \t]+Latina|"
              r"Latin[ \t]+America|Europe|Europa|Caraïbes|Caribe|Caribbean|Pacifique|Pacífico|"
              r"Pacific|[ÉE]tats[ \t]+arabes|Estados[ \t]+[ÁA]rabes|Arab[ \t]+States)")
_REGION_ARTICLE = r"(?:l[’']|(?:la|le|les|the|el|a|o)[ \t]+)?"
ILO_REGION = re.compile(
    rf"(?:{_REGION_ARTICLE}{_CONTINENT}{_SIDE}"
    rf"(?:[ \t]+(?:and|et|y|e)[ \t]+{_REGION_ARTICLE}"
    rf"(?:Central[ \t]+Asia|Asie[ \t]+centrale|Asia[ \t]+Central|{_CONTINENT}{_SIDE}))?)"
    r"(?![\w’'-])")


def _romance_places_end(context: Context, start: int, limit: int) -> int | None:
    """Where the places an office is for end: a region's countries, a region of the ILO's,
    or a list of known places each with or without its article (None: no place)."""
    text = context.text
    if (region := _COUNTRIES_OF.match(text, start, limit)) is not None:
        return region.end()
    if (region := ILO_REGION.match(text, start, limit)) is not None:
        return region.end()
    position, last = start, None
    while True:
        article = _PLACE_ARTICLE.match(text, position, limit)
        first = article.end() if article else position
        words = _PLACE_HEAD.match(text, first, limit)
        if words is None:
            break
        # the longest run of the place's words the gazetteer knows ("Soudan du Sud")
        tail = _PLACE_TAIL.match(text, words.end(), limit)
        stop = next((cut for cut in _cuts(text, words.end(), tail.end() if tail else words.end())
                     if context.gazetteer.lookup(text[first:cut], PLACE_CLASSES) is not None),
                    None)
        if stop is None:
            break
        last = stop
        join = _ROMANCE_JOIN.match(text, stop, limit)
        if join is None:
            break
        position = join.end()
    return last


def _cuts(text: str, shortest: int, longest: int) -> list[int]:
    """Word ends between ``shortest`` and ``longest``, longest first."""
    ends = [m.end() for m in re.finditer(r"[\w’'-]+", text[:longest]) if m.end() >= shortest]
    return sorted(set(ends) | {shortest}, reverse=True)
