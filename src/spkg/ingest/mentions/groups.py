"""Population groups named in lowercase: a head noun for a category of people with the words
that say which ("self-employed women", "boda-boda riders", "poor households", "persons with
disabilities", "residents aged 65 or older").

The heads are reference data (data/reference/lexicon/population-heads.csv): some name a
group alone ("farmers", "pupils"), others only with a word that qualifies them ("workers",
"households"). Qualifiers are read leftwards from the head while they can be one: no function
word, quantifier, common verb, adverb, plural or past form ("reached poor households" is
"poor households"). The IRI is the reference concept's where there is one ("rural workers"),
else ``id:population-group/<slug of the lowercase phrase>``, as the coverage rules mint it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache

from spkg.ingest import lexicon
from spkg.ingest.mentions.base import Context, Mention, recogniser
from spkg.ingest.records import Span
from spkg.namespace import SPKG, mint


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")
# Words that never qualify a group: function words, quantifiers, and the verbs whose object
# a group is ("to cover farmers", "will support poor households").
_NOT_QUALIFIERS = _word_set("""
    a an the of and or to in on for with by from at as is was were are be been being has have
    had that which who whom whose its their this these those it they them our his her all
    many more most some other others such both each every several various few million
    millions thousand thousands hundred hundreds billion including include includes
    especially particularly mainly namely notably like than about around over nearly almost
    new additional existing current potential among between into not no only also even still
    own per percent cent eligible targeted covered concerned same further up out
    cover reach support protect benefit enrol enroll register insure target serve help assist
    train allow enable extend pay provide give grant offer join affiliate employ hire exclude
    leave face encourage mobilise mobilize consult represent organise organize empower
    reaching covering supporting protecting benefiting targeting serving helping assisting
    training allowing enabling extending paying providing giving granting offering joining
    employing excluding leaving facing encouraging consulting representing organising
    organizing empowering registering including insuring enrolling
    whether while when where how what why if can could will would shall should may might must
    but yet so nor then there here we you he she now however
    one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty
    forty fifty dozen dozens first second third last next
    paid made gave given brought left met held set put told found kept got sent
    workshop seminar training meeting conference course session forum consultation dialogue
    aux au à la le les des du de del los las el et ou pour sur avec dans sans para por con
    policy decision law rule peace
""")  # the last line: French, Spanish, Portuguese words before a head ("aux artisans")
# Past and present participles that do describe a group ("affected households"); any other
# word in -ed or -ing is read as a verb ("enrolled farmers" → "farmers").
_PARTICIPLES = _word_set("""
    affected displaced disabled retired insured uninsured unemployed underemployed employed
    skilled unskilled salaried marginalised marginalized disadvantaged dependent working
    fishing farming ageing aging aged widowed orphaned handicapped lactating breastfeeding
""")
# Adverbs of degree before a qualifier: "extremely poor", "severely food-insecure".
_DEGREE = _word_set("extremely severely chronically critically acutely moderately highly")
# Words in -s that do qualify a group ("overseas Nepali workers").
_ALWAYS_QUALIFIERS = _word_set("overseas elderly")
# After the head: what picks the group out ("persons with disabilities").
# A head with no qualifier before it takes one after it ("persons with disabilities",
# "workers in small family businesses"); the economy and "abroad" qualify any group.
_ECONOMY = re.compile(r"[ \t]+(?:in|of)[ \t]+(?:the[ \t]+(?:in)?formal[ \t]+(?:economy|sector)|"
                      r"(?:in)?formal[ \t]+employment)(?![\w-])")
_ABROAD = re.compile(r"[ \t]+abroad(?![\w-])")
# What a group lacks picks it out too: "older persons without a pension", "youth without
# work", "households without any income".
_WITHOUT = re.compile(r"[ \t]+without[ \t]+(?:a[ \t]+|an[ \t]+|any[ \t]+)?(?:pension|income|work|"
                      r"employment|jobs?|rights|coverage|"
                      r"(?:social|health)[ \t]+(?:insurance|protection|security))"
                      r"(?![\w-])")
_AFTER = re.compile(
    # "persons with severe disabilities": how severe says which persons
    r"[ \t]+(?:with[ \t]+(?:(?:severe|profound|moderate|multiple)[ \t]+)?disabilities|"
    r"in[ \t]+(?:[a-z-]+[ \t]+){1,3}enterprises|"
    r"aged[ \t]+\d{1,3}[ \t]+(?:years[ \t]+)?(?:or|and)[ \t]+(?:older|over|above)|"
    r"living[ \t]+with[ \t]+(?:HIV(?:/AIDS)?|AIDS|disabilities|a[ \t]+disability)|"
    # "families in extreme poverty", "households living in poverty"
    r"(?:living[ \t]+)?in[ \t]+(?:extreme[ \t]+)?poverty|"
    r"headed[ \t]+by[ \t]+(?:women|a[ \t]+woman|older[ \t]+persons|single[ \t]+parents)|"
    # "people of retirement age", "persons of working age"
    r"of[ \t]+(?:retirement|working|pensionable|school|reproductive)[ \t]+age|"
    # "employees of firms with 20 or more workers"
    r"(?:of|in)[ \t]+(?:firms|enterprises|companies|establishments|employers)[ \t]+with[ \t]+"
    r"(?:\d{1,4}|[a-z]+)[ \t]+(?:or[ \t]+more[ \t]+)?(?:workers|employees)|"
    r"of[ \t]+(?:[a-z][a-z-]*[ \t]+){0,2}cooperatives|"
    # "workers of the tea industry", "employees in the banking sector": which trade
    r"(?:of|in)[ \t]+the[ \t]+(?:[a-z][a-z-]*[ \t]+){1,2}(?:sector|industry|trade)|"
    # "families with children under three": the young children say which families
    r"with[ \t]+(?:young[ \t]+)?children[ \t]+under[ \t]+(?:one|two|three|four|five|six|"
    r"seven|[1-7])(?:[ \t]+years?)?|"
    # "households on the outer islands", "families in remote areas": where they live
    # (not administrative units: "workers in the affected provinces" points back)
    r"(?:in|on)[ \t]+(?:the[ \t]+)?(?:[a-z][a-z-]*[ \t]+){1,2}(?:islands|areas|villages|"
    r"communities)|"
    # "employees of private companies", "workers of suspended enterprises": which employer
    r"of[ \t]+(?!(?:the|these|those|their|its|all|some|many|such)\b)(?:[a-z][a-z-]*[ \t]+){1,2}"
    r"(?:companies|enterprises|firms|employers|establishments|organi[sz]ations)"
    r"(?:[ \t]+with[ \t]+(?:\d{1,4}|[a-z]+)[ \t]+(?:or[ \t]+more[ \t]+)?(?:workers|employees))?)"
    r"(?![\w-])")
# A bare head picked out by what its clause says of it: "to workers who lost their jobs",
# "to families whose homes were damaged", "to workers whose employers failed to pay them".
# Only as an object ("pays ... to workers who …"), so that the clause is no main clause's
# subject ("Workers who want to join can register"); not after "for", which says whom a
# planned benefit is for ("a study on a benefit for workers who lose their jobs"). It ends
# before a preposition (not "to": "failed to pay them"), a conjunction, an auxiliary or
# punctuation, within seven words.
_CLAUSE_END = (r"(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?:in|on|at|for|from|during|since|under|with|by|"
               r"through|after|before|because|and|or|as|across|within|while|can|will|would|"
               r"must|may|should|could|are|is|was|were)\b)")
_RELATIVE = re.compile(r"[ \t]+(?:who|whose)(?:[ \t]+[a-z][a-z-]*){2,7}?" + _CLAUSE_END)
_OBJECT_BEFORE = re.compile(r"(?<![\w-])(?:to|of|among|reaches|reach|covers|cover|"
                            r"supports|support|helps|help|pays|pay)[ \t]+$")
# An age range picks out a group of any head, even one that is a group alone:
# "jobseekers aged over 50", "women aged 18 to 35", "residents aged between 60 and 64".
_AGED = re.compile(
    r"[ \t]+aged[ \t]+(?:(?:over|above|under|below)[ \t]+\d{1,3}|"
    r"(?:between[ \t]+)?\d{1,3}[ \t]*(?:-|–|to|and)[ \t]*\d{1,3})(?:[ \t]+years)?(?![\w-])")
_LIST_BEFORE = re.compile(r"(?:,|(?<![\w-])and|(?<![\w-])or)[ \t]+$")
# Young children are a group of their own ("children under two"); "under 18" is any child.
_UNDER_AGE = re.compile(r"[ \t]+under[ \t]+(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                        r"eleven|twelve|[1-9]|1[0-5])"
                        r"(?:[ \t]+(?:years|year)(?:[ \t]+(?:old|of[ \t]+age))?)?(?![\w-])")
# Children picked out by the household they live in: "children under six in rural households".
_IN_HOUSEHOLDS = re.compile(r"[ \t]+(?:in|from)[ \t]+(?!(?:the|these|those|their|all)\b)"
                            r"(?:[a-z][a-z-]*[ \t]+){1,3}(?:households|families)(?![\w-])")
# Dependants named by their parents' group: "children of unemployed, informal and domestic
# workers", "orphans of migrant workers".
_DEPENDANTS = frozenset({"children", "orphans", "dependants", "dependents", "spouses"})
_OF_GROUP = re.compile(r"[ \t]+of[ \t]+((?:[^\W\d_][\w-]*(?:,[ \t]+(?:and[ \t]+|or[ \t]+)?|"
                       r"[ \t]+(?:and|or)[ \t]+|[ \t]+)){1,6}?)(?i:workers|employees|parents|"
                       r"migrants|farmers|fishers|families|households)(?![\w-])")
# The staff of a named organisation are not a group it covers ("social workers of the FNAS").
_STAFF_OF = re.compile(r"[ \t]+(?:of|at)[ \t]+(?:the[ \t]+)?(?:[A-Z]{2,}\b|(?i:ministry|agency|"
                       r"office|fund|institute|department|secretariat|board|commission|"
                       r"council)\b)")
_STAFF_HEADS = frozenset({"workers", "employees", "agents"})
# "CNSS agents", "ZNSF agents": agents named by their body's acronym are its staff.
_ACRONYM_BEFORE = re.compile(r"(?<![\w-])[A-Z]{2,}[ \t]+$")
# Adjectives used as nouns: "for the self-employed", "the elderly".
_NOMINAL = re.compile(r"(?<![\w-])[Tt]he[ \t]+(self-employed|unemployed|elderly|military)"
                      r"(?=[ \t]*[,.;:)]|[ \t]+(?:and|or|is|are|was|were|who|in|through|to|"
                      r"from|with|under|will|can|have|has)\b)")
# The head qualifies the next word, not a group: "workers’ organisations", "household survey".
_HEAD_AS_MODIFIER = re.compile(
    r"[’']|[ \t]+(?:organi[sz]ations?|unions?|associations?|federations?|confederations?|"
    r"representatives?|register|registry|survey|law|act|cooperatives?|groups?|"
    r"committees?|councils?|centres?|centers?|"
    # "the vulnerable persons programme": the group names the programme, it is no group
    r"programmes?|programs?|schemes?|projects?|allowances?|pensions?|initiatives?|funds?)\b")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;•]\s+|\n\s*)$")
MAX_QUALIFIERS = 4


def _heads() -> tuple[dict[str, str], frozenset[str]]:
    """Each head with whether it names a group alone; the heads that do in a list of groups."""
    rows = lexicon.read_rows(lexicon.lexicon_dir() / "population-heads.csv",
                             ("head", "alone", "in_list"))
    return ({row["head"]: row["alone"] for row in rows},
            frozenset(row["head"] for row in rows if row["in_list"] == "yes"))


_HEADS, _IN_LIST = _heads()
_HEAD = re.compile(r"(?<![\w’'-])((?i:" + "|".join(
    sorted((re.escape(h[0]) + re.escape(h[1:]) for h in _HEADS), key=len, reverse=True))
    + r"))(?![\w-])")


# "families with children": the second head qualifies the first.
_WITH_BEFORE = re.compile(r"(?<![\w-])(?i:" + "|".join(map(re.escape, _HEADS))
                          + r")[ \t]+with[ \t]+$")


# Where a word in -ed is an adjective, not a verb: after an article or preposition ("for
# registered farmers") or after a group and a conjunction ("seasonal workers and registered
# farmers"); "the fund registered farmers" keeps its verb out.
_ADJECTIVE_SLOT = re.compile(r"(?:(?<![\w-])(?i:the|of|for|to|among)|(?<![\w-])(?i:" + "|".join(
    map(re.escape, _HEADS)) + r")(?:,|[ \t]+(?:and|or)))[ \t]+$")


def _can_qualify(word: str) -> bool:
    lowered = word.casefold()
    if lowered in _ALWAYS_QUALIFIERS:
        return True
    if lowered in _NOT_QUALIFIERS or (lowered in _HEADS and lowered not in ("women", "men")):
        return False
    if "-" in lowered:  # "self-employed", "home-based", "boda-boda"
        return True
    if lowered.startswith("un") and lowered.endswith("ed"):
        return True  # "unorganised", "uninsured", "unregistered": adjectives, never verbs
    if lowered.endswith(("ed", "ing")) and lowered not in _PARTICIPLES:
        return False
    return not lowered.endswith(("ly", "s")) or lowered.endswith(("ss", "us"))


def _qualifiers_start(context: Context, head_start: int, floor: int) -> int:
    """Where the words qualifying the head at ``head_start`` begin (``head_start`` if none)."""
    text = context.text
    start = head_start
    for _ in range(MAX_QUALIFIERS):
        before = text[max(floor, start - 40):start]
        found = re.search(r"([^\W\d_][\w’'-]*)[ \t]+$", before)
        if found is None:
            break
        word = found.group(1)
        word_start = start - len(before) + found.start(1)
        if (word[0].isupper() and not _opens_sentence(text, floor, word_start)
                and word.casefold() not in lexicon.demonyms()):
            break  # "Fund members": a name's word, not a qualifier ("Omani nationals" is one)
        adverb = (word.endswith("ly") and start < head_start  # "internally displaced persons"
                  and (text[start:head_start].split()[0].endswith("ed")
                       # "extremely poor households": how poor, a degree of the qualifier
                       or word.casefold() in _DEGREE))
        participle = (start == head_start and word.endswith("ed") and word.islower()
                      and _ADJECTIVE_SLOT.search(text, max(floor, word_start - 30), word_start))
        if not adverb and not participle and (not _WORD.fullmatch(word.casefold())
                                              or not _can_qualify(word)):
            break
        start = word_start
    return start


def _opens_sentence(text: str, floor: int, position: int) -> bool:
    """What _SENTENCE_OPENING.search(text, floor, position) says, read backwards from
    position over blanks: the search tried every start from floor, quadratic in a long
    region (a 1 MB press release's body)."""
    if position == floor:
        return True
    start = position
    while start > floor and text[start - 1].isspace():
        start -= 1
    return "\n" in text[start:position] or (
        floor < start < position and text[start - 1] in ".!?:;•")


_QUOTED = re.compile(r"[“\"]([^”\"\n]{1,600})[”\"]")


def _quoted(context: Context) -> list[tuple[int, int]]:
    """Where the text quotes someone, found once per document."""
    found = context.memo.get("quoted")
    if not isinstance(found, list):
        found = [m.span(1) for m in _QUOTED.finditer(context.text)]
        context.memo["quoted"] = found
    return found


def _in_a_quote(context: Context, offset: int) -> bool:
    spans = _quoted(context)
    index = bisect.bisect_right(spans, (offset, len(context.text))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


@recogniser("groups", "population-group")
def population_groups(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    found: list[Mention] = []
    listed: list[Span] = []  # bare heads that are a group only as an item of a list of groups
    for match in _HEAD.finditer(text, region.start, region.end):
        span = _group_span(context, match, region)
        if span is None:
            continue
        if isinstance(span, tuple):
            listed.append(span[0])
            continue
        found.append(_group(context, span,
                            _trade_first(context, _lower(text[span.start:span.end]))))
        found += _conjuncts(context, span, match.start(), region.start)
        found += _second_employer(context, span, match, region)
    for match in _DEMONYM_PLURAL.finditer(text, region.start, region.end):
        # "older Jamaicans": a nationality in the plural, with a word that picks them out
        if match.group(1).casefold() not in lexicon.demonyms():
            continue
        start = _qualifiers_start(context, match.start(), region.start)
        if start < match.start() and not _in_a_quote(context, match.start()):
            found.append(_group(context, Span(start, match.end()),
                                _lower(text[start:match.end()])))
    for match in _NOMINAL.finditer(text, region.start, region.end):
        if _in_a_quote(context, match.start()):
            continue  # '"… room for the self-employed," said …': a quoted group gives nothing
        found.append(_group(context, Span(match.start(1), match.end(1)), match.group(1)))
    found += _romance_groups(context, region, listed)
    # "children under two in low-income families" holds a group of its own: the whole is one
    found = _outermost(found)
    yield from found
    # "households headed by women": that "women" is no item of a list (found is disjoint)
    starts = [g.span.start for g in found]
    listed = [b for b in listed
              if not ((i := bisect.bisect_right(starts, b.start) - 1) >= 0
                      and b.end <= found[i].span.end)]
    yield from _list_items(context, listed, found)


# "employees of private companies and of non-governmental organisations": the head is
# repeated for a second employer after "and of"
_EMPLOYER = re.compile(r"[ \t]+of[ \t]+(?:[a-z][a-z-]*[ \t]+){0,2}(?:companies|enterprises|"
                       r"firms|employers|establishments|organi[sz]ations)$")
_AND_OF_EMPLOYER = re.compile(r"[ \t]+and[ \t]+of[ \t]+((?:[a-z][a-z-]*[ \t]+){0,2}"
                              r"(?:companies|enterprises|firms|employers|establishments|"
                              r"organi[sz]ations))(?![\w-])")


def _second_employer(context: Context, span: Span, match: re.Match[str],
                     region: Span) -> list[Mention]:
    """The group of the same head at a second employer, its mention that employer's words."""
    text = context.text
    if not _EMPLOYER.fullmatch(text, match.end(), span.end):
        return []
    second = _AND_OF_EMPLOYER.match(text, span.end, region.end)
    if second is None:
        return []
    words = " ".join(second.group(1).split())
    return [_group(context, Span(second.start(1), second.end(1)),
                   f"{match.group(1).casefold()} of {words}")]


def _may_head_a_group(context: Context, match: re.Match[str], region: Span) -> bool:
    """Not a name's word, nor inside a quotation, nor qualifying another word or head."""
    text = context.text
    head = match.group(1).casefold()
    if ((match.group(1)[0].isupper()
         and not _opens_sentence(text, region.start, match.start()))
            # '"Health insurance for informal workers is a first step," said …'
            or _in_a_quote(context, match.start())):
        return False
    if _WITH_BEFORE.search(text, max(region.start, match.start() - 30), match.start()):
        return False
    if head == "agents" and _ACRONYM_BEFORE.search(text, max(region.start, match.start() - 12),
                                                   match.start()):
        return False
    return not (_HEAD_AS_MODIFIER.match(text, match.end()) or (
        head in _STAFF_HEADS and _STAFF_OF.match(text, match.end())))


def _group_span(context: Context, match: re.Match[str],
                region: Span) -> Span | tuple[Span] | None:
    """The words of the group whose head ``match`` found; a 1-tuple for a bare head that is
    a group only as an item of a list of groups ("traders"); None for no group."""
    head = match.group(1).casefold()
    if not _may_head_a_group(context, match, region):
        return None
    start = _qualifiers_start(context, match.start(), region.start)
    after = _words_after(context.text, match, start, region)
    end = after.end() if after is not None else match.end()
    lacking = _WITHOUT.match(context.text, end, region.end)
    if lacking is not None:
        after, end = lacking, lacking.end()
    alone = _HEADS[head]
    bare = after is None and start == match.start()
    if (bare or (after is None and alone == "after")) and alone != "yes" and head in _IN_LIST:
        # "household employees" too: an employment status, but a group in a list of groups
        return (Span(start, end),)
    if after is None and (alone == "after" or (alone == "no" and bare)):
        return None
    return Span(start, end)


def _words_after(text: str, match: re.Match[str], start: int,
                 region: Span) -> re.Match[str] | None:
    """The words after the head that pick its group out ("with disabilities", "aged 15 to
    24", "under five", "in the informal economy", "abroad"), if any; ``start`` is where the
    qualifiers before the head begin."""
    head = match.group(1).casefold()
    end = match.end()
    after = (_AFTER.match(text, end, region.end)
             if start == match.start() and _HEADS[head] != "yes" else None)
    if after is None and start == match.start():
        after = _AGED.match(text, end, region.end)
    if head == "children":
        after = _UNDER_AGE.match(text, end, region.end)
        if after is not None:
            after = _IN_HOUSEHOLDS.match(text, after.end(), region.end) or after
    if head in _DEPENDANTS and after is None:
        after = _of_group(text, end, region.end)
    if not _LIST_BEFORE.search(text, max(region.start, start - 6), start):
        # "artisans, vendors and farmers in the informal economy": the whole list's
        after = after or _ECONOMY.match(text, end, region.end)
    if (after is None and start == match.start() and _HEADS[head] != "yes"
            and _OBJECT_BEFORE.search(text, max(region.start, start - 12), start)):
        after = _RELATIVE.match(text, end, region.end)
    return after or _ABROAD.match(text, end, region.end)


# A noun that makes one qualifier with the word before it ("informal economy workers").
_BOUND_NOUN = re.compile(r"(?:economy|sector|industry|industries|sectors)[ \t]+")
_CONJUNCT = re.compile(r"(?<![\w’'-])([^\W\d_][\w’'-]*)(,?[ \t]+(?:and|or)[ \t]+|,[ \t]+)$")


def _conjuncts(context: Context, span: Span, head_start: int, floor: int) -> list[Mention]:
    """"taxi and delivery workers", "seasonal, casual and home-based workers": each word
    coordinated with the group's first qualifier names a group of its own with the rest of
    the phrase ("taxi workers"); its mention is that word."""
    text = context.text
    if span.start == head_start:
        return []  # no qualifier to stand beside
    tail = _lower(text[span.start:span.end]).split(" ", 1)[1]
    bound = _BOUND_NOUN.match(tail)
    if bound is not None and bound.end() < len(tail):
        # "seasonal and informal economy workers": "informal economy" is one
        # qualifier, so the conjunct takes what follows it ("self-employed workers")
        tail = tail[bound.end():]
    found: list[Mention] = []
    position = span.start
    while len(found) < 4:
        conjunct = _CONJUNCT.search(text, max(floor, position - 40), position)
        if conjunct is None or (not found and "," in conjunct.group(2)):
            # the nearest is a bare "and"/"or": "A, B and C workers", not "A, B workers" nor
            # "for the first time, and C workers" (a clause's end)
            break
        word = conjunct.group(1)
        opening = _opens_sentence(text, floor, conjunct.start(1))  # "Rural and urban …"
        if (not (word.islower() or (opening and word[1:].islower()))
                or not _WORD.fullmatch(word.casefold()) or not _can_qualify(word)):
            break
        found.append(_group(context, Span(conjunct.start(1), conjunct.end(1)),
                            f"{word.casefold()} {tail}"))
        position = conjunct.start(1)
    return found


_TRADE_AFTER = re.compile(r"([^\W\d_][\w-]*) (?:of|in) the ((?:[\w-]+ ){1,2}"
                          r"(?:sector|industry|trade))")


def _trade_first(context: Context, phrase: str) -> str:
    """"workers in the private sector" where the text also writes "private sector workers":
    one group, named as that shorter form; else as written."""
    found = _TRADE_AFTER.fullmatch(phrase)
    if found is None:
        return phrase
    short = f"{found.group(2)} {found.group(1)}"
    written = re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])", context.text, re.IGNORECASE)
    return short if written else phrase


def _outermost(groups: list[Mention]) -> list[Mention]:
    """The groups not inside another one, in one sweep by start (a long text has many)."""
    kept: list[Mention] = []
    reach = -1
    for group in sorted(groups, key=lambda g: (g.span.start, -g.span.end)):
        if group.span.end <= reach:
            continue
        kept.append(group)
        reach = group.span.end
    return kept


def _lower(words: str) -> str:
    """The phrase in lowercase, but for acronyms ("MSME workers")."""
    return " ".join(w if w.isupper() and len(w) > 1 else w.casefold() for w in words.split())


def _of_group(text: str, position: int, end: int) -> re.Match[str] | None:
    """"of seasonal, casual and home-based workers" after a dependants' head, when every
    word before the last is one that qualifies a group."""
    match = _OF_GROUP.match(text, position, end)
    if match is None:
        return None
    words = [w for w in re.split(r"[\s,]+", match.group(1)) if w and w not in ("and", "or")]
    if not words or not all(_can_qualify(w) and w.islower() for w in words):
        return None
    return match


# Between two items of a list of groups: "A, B and C", "A, the self-employed and B".
_LIST_GAP = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:and|or|et|ou|y|e|o)[ \t]+)?|"
                       r"[ \t]+(?:and|or|et|ou|y|e|o)[ \t]+)"
                       # "les artisans, les commerçants et …", "los comerciantes y las …"
                       r"(?:(?:the|les|los|las|os|as)[ \t]+)?")
# Demonyms in the plural end so: "Jamaicans", "Omanis", "Filipinos" (a narrow scan).
_DEMONYM_PLURAL = re.compile(r"(?<![\w-])([A-Z][a-z]+(?:an|i|o))s(?![\w-])")


def _list_items(context: Context, bare: list[Span], groups: list[Mention]) -> Iterator[Mention]:
    """The bare heads ("traders", "employees") that stand in a list with a group: "artisans,
    traders and street vendors", "employees, the self-employed and fishers"."""
    text = context.text
    # a list's items stand within a few characters of each other: index groups by both ends
    starts = {g.span.start for g in groups}
    ends = {g.span.end for g in groups}
    pending = list(bare)
    while pending:
        joined = [b for b in pending
                  if any(_LIST_GAP.fullmatch(text, b.end, b.end + gap) and b.end + gap in starts
                         for gap in range(1, 12))
                  or any(_LIST_GAP.fullmatch(text, b.start - gap, b.start)
                         and b.start - gap in ends for gap in range(1, 12))]
        if not joined:
            return
        for span in joined:
            pending.remove(span)
            starts.add(span.start)
            ends.add(span.end)
            yield _group(context, span, _lower(text[span.start:span.end]))


def _group(context: Context, span: Span, phrase: str) -> Mention:
    """The mention of a group: the reference concept of that name, or a new one."""
    text = context.text
    start, end = span.start, span.end
    known = context.gazetteer.lookup(phrase, {SPKG.PopulationGroup})
    if known is None and " of the " in phrase:
        # "workers of the informal economy" is the concept labelled "… in the …"
        known = context.gazetteer.lookup(phrase.replace(" of the ", " in the "),
                                         {SPKG.PopulationGroup})
    return Mention(Span(start, end), text[start:end], SPKG.PopulationGroup, known,
                   source="group", name=known.label if known else phrase,
                   iri=None if known else mint("population-group", phrase))


# French and Spanish groups: the head first, the words that say which after it
# ("travailleurs de l'économie informelle", "trabajadoras domésticas"); reference list
# data/reference/lexicon/population-heads-romance.csv.
def _romance_words() -> dict[str, frozenset[str]]:
    rows = lexicon.read_rows(lexicon.lexicon_dir() / "population-heads-romance.csv",
                             ("word", "language", "role"))
    roles: dict[str, set[str]] = {}
    for row in rows:
        roles.setdefault(row["role"], set()).add(row["word"].casefold())
    return {role: frozenset(words) for role, words in roles.items()}


_ROMANCE = _romance_words()
_ROMANCE_HEADS = _ROMANCE["alone"] | _ROMANCE["head"]


@cache
def _romance_head_pattern(heads: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w’'-])((?i:" + "|".join(
        sorted(map(re.escape, heads), key=len, reverse=True)) + r"))(?![\w’'-])")
_ROMANCE_WORD = re.compile(r"[ \t]+([^\W\d_]+)(?![\w’'-])")
# "de los"/"de las" before "de la" (else "de las zonas" reads the sector "s"); a sector may
# be hyphenated ("de la sous-traitance")
_ROMANCE_OF = re.compile(r"[ \t]+(?:de[ \t]+los|de[ \t]+las|de[ \t]+la|del|des|du|de|d[’'])"
                         r"[ \t]*(?:l[’'][ \t]*)?([^\W\d_]+(?:-[^\W\d_]+)*)(?![\w’'-])")
_ROMANCE_PHRASE = re.compile(r"[ \t]+(" + "|".join(
    sorted(map(re.escape, _ROMANCE["phrase"]), key=len, reverse=True)) + r")(?![\w-])",
    re.IGNORECASE)
# "Régime spécial des travailleurs agricoles": a name written in sentence case, of which
# the group is the complement.
# ("Fonds national de retraite des fonctionnaires"); an article or a verb's words between
# ("à Kayes la campagne d'affiliation des pêcheurs") end the name.
_IN_A_NAME = re.compile(r"(?<![\w-])[A-ZÀ-Ý][\w’'-]+(?:[ \t]+(?!(?:la|le|les|l['’]|un|une|au|aux|"
                        r"à|a|et|y|pour|sur|el|los|las|para|con|en)\b)[a-zà-ÿ][\w’'-]*){0,4}"
                        r"[ \t]+(?:des|du|de|del|de[ \t]+la|de[ \t]+los|de[ \t]+las)[ \t]+$")


def _romance_groups(context: Context, region: Span,
                    listed: list[Span]) -> list[Mention]:
    """The French, Spanish and Portuguese groups of the region; a head that needs a
    qualifier and has none goes to ``listed``, a group only as an item of a list."""
    text = context.text
    found: list[Mention] = []
    # only the heads the region holds are scanned for: an English text holds few or none,
    # and one alternation of every head tried at each character doubled the groups' time
    lowered = text[region.start:region.end].casefold()
    present = frozenset(h for h in _ROMANCE_HEADS if h in lowered)
    if not present:
        return found
    for match in _romance_head_pattern(present).finditer(text, region.start, region.end):
        head = match.group(1)
        if head[0].isupper() and not _opens_sentence(text, region.start, match.start()):
            continue  # "Confédération des Travailleurs": a name's word
        before = _IN_A_NAME.search(text, max(region.start, match.start() - 60), match.start())
        if before is not None and not _opens_sentence(text, region.start, before.start()):
            continue
        if _ROMANCE_STAFF_OF.match(text, match.end(), region.end):
            continue  # "funcionarios del IVSS": the staff of a body, not a group it covers
        end = _romance_qualifiers_end(text, match.end(), region.end)
        lacking = _ROMANCE_WITHOUT.match(text, end, region.end)
        end = lacking.end() if lacking is not None else end
        if end == match.end() and head.casefold() not in _ROMANCE["alone"]:
            listed.append(Span(match.start(), end))  # "les commerçants" only in a list
            continue
        phrase = _lower(text[match.start():end])
        # one group in two languages: named as the English words the text also writes
        found.append(_group(context, Span(match.start(), end),
                            _same_group_in_english(context, phrase) or phrase))
    return found


# What a group lacks, as in English ("older persons without a pension"): "hogares sin
# ingresos suficientes", "ménages sans revenu", "famílias sem rendimento", "personas sin
# empleo"; not "sin demora", "sans délai" (how something is done).
_ROMANCE_WITHOUT = re.compile(
    r"[ \t]+(?:sin|sans|sem)[ \t]+(?:(?:un|une|una|um|uma|aucun|aucune|ningún|ninguna|"
    r"nenhum|nenhuma)[ \t]+)?(?:ingresos?|revenus?|rendimentos?|rendas?|rentas?|"
    r"pensi[oó]n|pension|pensão|empleo|emploi|emprego|trabajo|travail|trabalho|"
    r"protecci[oó]n[ \t]+social|protection[ \t]+sociale|proteção[ \t]+social|"
    r"seguro[ \t]+social|couverture[ \t]+sociale|cobertura)"
    r"(?:[ \t]+(?:suficientes?|suffisants?|fixes?|stables?|propios|propres|próprios))?"
    r"(?![\w’'-])", re.IGNORECASE)
# "agents de la CNSS", "funcionarios del Ministerio": people who work for a body
_ROMANCE_STAFF_OF = re.compile(
    r"[ \t]+(?:de[ \t]+la|de[ \t]+los|de[ \t]+las|del|des|du|da|do|de)[ \t]*(?:l[’'][ \t]*)?"
    r"(?:[A-ZÀ-Ý]{2,}(?![\w-])|(?i:ministère|ministerio|ministério|caisse|caja|instituto|"
    r"institut|agence|agencia|oficina|office|fondo|fonds|direction|dirección|secretaría|"
    r"administration|administración)(?![\w-]))")
# A qualifier denied: "trabajadores no dependientes", "travailleurs non salariés",
# "trabalhadores não assalariados"; an adjective or participle by its ending.
_ROMANCE_NEGATED = re.compile(r"[ \t]+(?:no|non|não)[ \t]+([^\W\d_]+(?:ientes|entes|antes|"
                              r"ants|antes|ados|adas|idos|idas|és|ées|aux|ales|els|elles))"
                              r"(?![\w’'-])")


# The heads a denied status follows are workers' ("trabajadores", "travailleuses",
# "trabalhadores"): an employment status, read by the head's last letters.
_WORKER_ENDINGS = frozenset({"ores", "oras", "eurs", "uses"})


def _romance_qualifiers_end(text: str, position: int, limit: int) -> int:
    """Where the words qualifying a French or Spanish head that ends at ``position`` end:
    adjectives ("indépendants"), a sector ("du secteur informel", "del hogar") or a fixed
    phrase ("por cuenta propia")."""
    end = position
    for _ in range(3):
        word = _ROMANCE_WORD.match(text, end, limit)
        if word is not None and word.group(1).casefold() in _ROMANCE["qualifier"]:
            end = word.end()
            continue
        negated = (_ROMANCE_NEGATED.match(text, end, limit)
                   if text[position - 4:position].casefold() in _WORKER_ENDINGS else None)
        if negated is not None:
            end = negated.end()
            continue
        phrase = _ROMANCE_PHRASE.match(text, end, limit)
        if phrase is not None:
            end = phrase.end()
            continue
        sector = _ROMANCE_OF.match(text, end, limit)
        if sector is None or sector.group(1).casefold() not in _ROMANCE["sector"] or (
                sector.group(1)[0].isupper() and sector.group(1).casefold() not in (
                    "état", "estado")):
            break
        end = sector.end()
        adjective = _ROMANCE_WORD.match(text, end, limit)
        if adjective is not None and adjective.group(1).casefold() in _ROMANCE["qualifier"]:
            end = adjective.end()
    return end


# One group in two languages: "trabajadoras domésticas" in a quote and "domestic workers" in
# the prose are one entity (data/reference/lexicon/population-glosses.csv).
_GLOSS_CONNECTORS = frozenset({"de", "du", "des", "del", "de la", "de los", "de las", "da",
                               "do", "dos", "das", "la", "las", "los", "le", "les", "l'",
                               "l’", "d'", "d’"})


@cache
def _glosses() -> dict[str, tuple[str, str]]:
    rows = lexicon.read_rows(lexicon.lexicon_dir() / "population-glosses.csv",
                             ("word", "english", "place"))
    return {row["word"].casefold(): (row["english"], row["place"]) for row in rows}


def english_gloss(phrase: str) -> list[str]:
    """The English names a French, Spanish or Portuguese group phrase may be written as
    ("travailleurs de l'économie informelle" → "informal economy workers", "workers in the
    informal economy"); none where a word has no gloss."""
    glosses = _glosses()
    words = re.sub(r"([’'])", r"\1 ", phrase.casefold()).split()
    if not words or glosses.get(words[0], ("", ""))[1] != "head":
        return []
    head = glosses[words[0]][0]
    before: list[str] = []
    sector: list[str] = []
    after: list[str] = []
    rest = words[1:]
    while rest:
        for size in (4, 3, 2, 1):  # the longest phrase first ("con discapacidad")
            key = " ".join(rest[:size])
            if size <= len(rest) and (key in glosses or key in _GLOSS_CONNECTORS):
                break
        else:
            return []
        rest = rest[size:]
        if key in _GLOSS_CONNECTORS:
            continue
        english, place = glosses[key]
        if place == "head":
            return []  # "personas trabajadoras", "pêcheurs artisans": which is the head?
        {"before": before, "sector": sector, "after": after}.get(place, before).append(english)
    if not sector:
        return [" ".join([*before, head, *after])]
    area = " ".join([*before, *sector])  # "informal economy"
    return [f"{area} {head}", f"{head} in the {area}", f"{head} of the {area}"]


def _same_group_in_english(context: Context, phrase: str) -> str | None:
    """The English name of the group ``phrase`` names, where the text writes it."""
    folded = context.text.casefold()
    for english in english_gloss(phrase):
        if re.search(rf"(?<![\w-]){re.escape(english)}(?![\w-])", folded):
            return english
    return None
