"""Synthetic source documents in the three templates of data/sources/, for ingestion at scale.

Result records (header line, indicator and step lines, numbered outcomes, partners line,
SDG bullets, "In partnership", principles, coverage figures, trailing keyword line),
country pages ("Social security in <Country>", strategy bullets, key resources) and press
releases ("Press release | City, Country | 02 August 2021" dateline). Countries are the
ISO 3166-1 names of data/reference/places.ttl; organisations, programmes, dates and numbers
vary. Seeded and deterministic: the same (count, seed) writes the same bytes.

    python -m bench.generate_documents --count 100 -o bench/out/docs-100
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spkg import paths

# Document-graph triples per generated document (`python -m bench.generate_documents
# --calibrate`: 1168 over 40 documents, seed 0), to size a corpus for a triple target.
TRIPLES_PER_DOCUMENT = 1170

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
GOALS = {
    "1": "End poverty in all its forms everywhere",
    "3": "Ensure healthy lives and promote well-being for all at all ages",
    "5": "Achieve gender equality and empower all women and girls",
    "8": "Promote sustained, inclusive and sustainable economic growth, full and productive "
         "employment and decent work for all",
    "10": "Reduce inequality within and among countries",
}
TARGETS = {
    "1.3": "Implement nationally appropriate social protection systems and measures for all, "
           "including floors, and by 2030 achieve substantial coverage of the poor and the "
           "vulnerable",
    "3.8": "Achieve universal health coverage, including financial risk protection, access to "
           "quality essential health-care services and access to safe, effective and affordable "
           "essential medicines and vaccines for all",
    "5.4": "Recognize and value unpaid care and domestic work through the provision of public "
           "services, infrastructure and social protection policies",
    "8.5": "By 2030, achieve full and productive employment and decent work for all women and "
           "men, including for young people and persons with disabilities",
    "8.7": "Take immediate and effective measures to eradicate forced labour, end modern slavery "
           "and human trafficking",
    "8.8": "Protect labour rights and promote safe and secure working environments for all "
           "workers, including migrant workers",
    "10.4": "Adopt policies, especially fiscal, wage and social protection policies, and "
            "progressively achieve greater equality",
}
KEYWORDS_EN = ("Health care", "Social assistance", "Children", "Informal economy workers",
               "Rural workers", "Self-employed", "Disability", "Maternity", "Employment injury",
               "Old-age", "Sickness", "Survivors", "Unemployment", "Administration",
               "Capacity building", "Crisis", "Monitoring/evaluation", "Digital transformation")
KEYWORDS_ES = ("atención de salud", "asistencia social", "niños",
               "trabajadores de la economía informal", "trabajadores rurales",
               "trabajadores por cuenta propia", "invalidez", "maternidad", "vejez",
               "enfermedad", "sobrevivientes", "desempleo")
PRINCIPLES = ("(a) universality of protection, based on social solidarity",
              "(c) adequacy and predictability of benefits",
              "(e) social inclusion, including of persons in the informal economy",
              "(f) respect for the rights and dignity of people covered by the social security "
              "guarantees",
              "(h) progressive realization, including by setting targets and time frames")
CATEGORIES = ("employers organizations", "with UN Agencies, excluding IFIs",
              "workers organizations", "with IFIs", "with the private sector")
SCHEME_WORDS = ("Universal", "National", "Contributory", "Social", "Integrated", "Basic")
SCHEME_NOUNS = ("Health Insurance", "Child Benefit", "Old-Age Pension", "Unemployment Insurance",
                "Maternity Protection", "Employment Injury", "Cash Transfer", "Disability Benefit")
SCHEME_KINDS = ("Programme", "Scheme", "Fund", "Initiative")
DONORS = ("Germany", "Italy", "Norway", "Sweden", "the Netherlands", "Japan", "the European Union")
GROUPS = ("construction workers", "domestic workers", "informal economy workers",
          "rural workers", "migrant workers", "self-employed workers", "brick kiln workers")


@dataclass(frozen=True)
class Country:
    name: str
    code: str  # ISO 3166-1 alpha-3


@cache
def countries() -> tuple[Country, ...]:
    """ISO countries of the reference data whose names read well in running text."""
    text = (paths.reference_dir() / "places.ttl").read_text(encoding="utf-8")
    found = re.findall(
        r'a spkg:Country ;.*?skos:notation "([A-Z]{3})" ;.*?rdfs:label "([^"]+)"@en',
        text, flags=re.DOTALL)
    plain = [Country(name, code) for code, name in found
             if re.fullmatch(r"[A-Z][a-z]+( [A-Z][a-z]+)?", name)]
    return tuple(sorted(plain, key=lambda c: c.code))


class _Writer:
    """One document's random choices, all from one seeded Random."""

    def __init__(self, rng: random.Random, country: Country) -> None:
        self.rng = rng
        self.country = country

    def date(self, first_year: int = 2016, last_year: int = 2023) -> tuple[int, int, int]:
        return (self.rng.randint(1, 28), self.rng.randint(1, 12),
                self.rng.randint(first_year, last_year))

    def long_date(self) -> str:
        day, month, year = self.date()
        return f"{day} {MONTHS[month - 1]} {year}"

    def scheme(self) -> str:
        rng = self.rng
        return f"{rng.choice(SCHEME_WORDS)} {rng.choice(SCHEME_NOUNS)} {rng.choice(SCHEME_KINDS)}"

    def organisations(self) -> list[str]:
        c = self.country.name
        pool = [f"Ministry of Labour and Social Security of {c}", f"Government of {c}",
                f"National Social Security Institution of {c}", f"Employers Federation of {c}",
                f"{c} Workers Federation", f"Planning Commission of {c}",
                f"Ministry of Finance of {c}", f"National Statistics Office of {c}",
                f"Old-Age Benefits Institution of {c}"]
        return self.rng.sample(pool, self.rng.randint(3, 6))

    def number(self) -> str:
        return f"{self.rng.randint(10_000, 60_000_000):,}"


def result_record(w: _Writer, number: int) -> str:
    rng, country = w.rng, w.country
    cpo = f"{country.code}{rng.randint(100, 999)}"
    indicator = f"8.{rng.randint(1, 3)}.{rng.randint(1, 2)}"
    day, month, year = w.date()
    scheme, step = w.scheme(), rng.randint(1, 3)
    orgs = w.organisations()
    group = rng.choice(GROUPS)
    outcomes = [f"({i}) the {w.scheme()} was adopted for {rng.choice(GROUPS)}"
                for i in range(1, rng.randint(2, 4) + 1)]
    goals = rng.sample(sorted(GOALS), rng.randint(1, 3))
    targets = rng.sample(sorted(TARGETS), rng.randint(1, 3))
    keywords = rng.sample(KEYWORDS_ES if rng.random() < 0.2 else KEYWORDS_EN, rng.randint(3, 8))
    lines = [
        f"{day:02d}.{month:02d}.{year} {cpo} Public {year - 1}-{str(year)[2:]} | {indicator}",
        "Result achieved", "",
        "A social protection scheme to extend coverage, enhance comprehensiveness and/or increase "
        f"adequacy of benefits has been adopted or reformed (Step {step})", "",
        "Number of countries that have adopted or reformed social protection schemes to extend "
        f"coverage (Step {step})", "",
        "Linked projects", "",
        "Outcome summary", "",
        f"In {country.name}, " + "; ".join(outcomes), "",
        "Outcome achieved", "",
        f"On {w.long_date()}, the {orgs[0]} adopted the {scheme}, which extends coverage of "
        f"social security to {group} and to workers earning {rng.randint(10, 90)}% more than the "
        f"minimum wage. The {scheme} will support {w.number()} workers in {country.name}. "
        f"It was launched in {MONTHS[rng.randint(0, 11)]} {year} and notified to the "
        f"{orgs[1]} in {MONTHS[rng.randint(0, 11)]} {year}.", "",
        "ILO's contribution to the outcome", "",
        f"In {year - 1}-{str(year)[2:]}, ILO advocated for expanded coverage through the "
        f"{orgs[-1]}. ILO undertook a study on the feasibility of extending social security to "
        f"{group} (under the project funded by {rng.choice(DONORS)}). ILO facilitated "
        f"{rng.randint(2, 12)} meetings with the {orgs[0]} and the {orgs[1]} on {w.long_date()}.",
        "", "",
        "; ".join(orgs) + ";", "", "",
        *[f"  • {GOALS[g]}" for g in goals],
        *[f"  • {t} {TARGETS[t]}" for t in targets], "",
        "In partnership", "",
        " , ".join(rng.sample(CATEGORIES, rng.randint(1, 3))), "",
        "Social protection principles", "",
        *rng.sample(PRINCIPLES, rng.randint(1, 2)), "", "",
        "  • Number of persons potentially covered by the strategy",
        f"    Total: {w.number()}",
        f"{year} {cpo} {indicator} " + " , ".join(keywords),
    ]
    return "\n".join(lines)


def country_page(w: _Writer, number: int) -> str:
    rng, c = w.rng, w.country.name
    first, last = rng.randint(2010, 2018), rng.randint(2019, 2026)
    scheme = w.scheme()
    orgs = w.organisations()
    strategies = [f"  • Support the {w.scheme()} for {rng.choice(GROUPS)}," for _ in range(3)]
    return "\n".join([
        f"Social security in {c}", "",
        "Workers receive social security cards © ILO", "",
        "See more photos on social security in Flickr photo library.",
        f"The Government of {c} adopted the {scheme} in {first}. ILO actively supported the "
        f"{orgs[0]} and the {orgs[1]} in developing the {scheme} with particular focus on "
        f"{rng.choice(GROUPS)}. The {scheme} covers {w.number()} persons.", "",
        f"The DWCP ({first}-{str(last)[2:]}) seeks to address the challenge of expanding the "
        f"social protection systems of {c} and making those systems more sustainable.", "",
        f"The DWCP ({first}-{str(last)[2:]}) has devised the following key strategies:",
        *strategies,
        f"  • Enhance capacity of the {orgs[2]} for effective implementation.", "",
        "Key resources", "",
        f"  1. World Social Protection Report {first}-{str(first + 1)[2:]}", "",
        "    Building economic recovery, inclusive development and social justice",
    ])


def press_release(w: _Writer, number: int) -> str:
    rng, c = w.rng, w.country.name
    orgs = w.organisations()
    scheme = w.scheme()
    day, month, year = w.date()
    city = f"{c} City" if rng.random() < 0.5 else "Geneva"
    return "\n".join([
        f"{orgs[0]} calls for social security extension to {rng.choice(GROUPS)}", "",
        f"The {orgs[1]} agrees on strategies to enhance social security schemes.", "",
        f"Press release | {city}, {c} | {day:02d} {MONTHS[month - 1]} {year}",
        f"{city.upper()} (ILO News): The {orgs[0]} chaired the meeting of the Social Security "
        f"Coordination Forum of {c} on {w.long_date()}.", "",
        f"The meeting featured presentations by the {orgs[1]} and the {orgs[2]} on initiatives "
        "to promote social security compliance and coverage. Updates included the following:",
        f"  • The {orgs[-1]} announced the {scheme} allowing enterprises to renew their "
        "contributions without paying arrears.",
        f"  • The {w.scheme()} will be distributed on {w.long_date()} to {w.number()} workers.",
        "",
        f"The meeting also featured a study on extending coverage to {rng.choice(GROUPS)}, "
        f"funded by {rng.choice(DONORS)}.",
    ])


TEMPLATES = ((result_record, 0.6), (press_release, 0.25), (country_page, 0.15))


def document_text(number: int, seed: int = 0) -> str:
    """The text of document ``number``: the same for the same (number, seed)."""
    rng = random.Random(f"{seed}:{number}")
    template = rng.choices([t for t, _ in TEMPLATES], weights=[w for _, w in TEMPLATES])[0]
    return template(_Writer(rng, rng.choice(countries())), number) + "\n"


def generate_documents(out_dir: Path, count: int, seed: int = 0) -> list[Path]:
    """Write ``count`` documents (``synthetic_{seed}_{n}.txt``) into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for number in range(count):
        path = out_dir / f"synthetic_{seed}_{number:06d}.txt"
        text = document_text(number, seed)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def documents_for_triples(triples: int) -> int:
    """How many generated documents make about ``triples`` document-graph triples."""
    return max(1, round(triples / TRIPLES_PER_DOCUMENT))


def calibrate(count: int = 60, seed: int = 0) -> float:
    """Ingest ``count`` generated documents; the mean document-graph triples per document."""
    import tempfile

    from spkg.ingest import ingest_paths

    with tempfile.TemporaryDirectory() as folder:
        files = generate_documents(Path(folder), count, seed)
        result = ingest_paths(files, progress=False)
        return sum(len(t) for t in result.triples.values()) / max(1, len(result.documents))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, help="folder to write the documents to")
    parser.add_argument("--calibrate", action="store_true",
                        help="ingest 60 documents and print triples per document")
    args = parser.parse_args(argv)
    if args.calibrate:
        print(f"{calibrate(seed=args.seed):.0f} triples per document")
        return 0
    if args.output is None:
        parser.error("give -o/--output")
    written = generate_documents(args.output, args.count, args.seed)
    print(f"wrote {len(written)} documents to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
