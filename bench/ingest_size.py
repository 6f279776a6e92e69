"""Ingestion time against a document's size: generated ILO-style prose, stage by stage.

Writes one document per size in a temporary folder and times each stage of
``spkg.ingest.pipeline`` on it: reading + sections, sentences, fixed fields, entity
mentions, linking, relation rules, mapping. Three shapes: ``paragraphs`` (press-release
prose in paragraphs), ``line`` (the same prose on one line) and ``nopunct`` (words with no
sentence punctuation at all). Names, places, dates and numbers vary from sentence to
sentence (seeded), so no cache makes a larger text cheaper than its size.

    .venv/bin/python -m bench.ingest_size --sizes 100k 1M 10M --shape paragraphs
    .venv/bin/python -m bench.ingest_size --sizes 1M --profile bench/out/ingest-1M.prof

Times are CPU seconds of this process (wall time also counts other work on a shared
machine). Each size runs in this one process, one after the other; the growth exponent between two
sizes is log(t2 / t1) / log(s2 / s1) (1: linear; 2: quadratic). Timings on a shared
machine are noisy: compare sizes measured in the same run.
"""

from __future__ import annotations

import argparse
import cProfile
import math
import random
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

COUNTRIES = ("Pakistan", "Kenya", "Ghana", "Cambodia", "Jordan", "Bangladesh", "Nepal",
             "Viet Nam", "Peru", "Senegal", "Ethiopia", "Zambia", "Indonesia", "Morocco")
PROVINCES = ("Punjab", "Sindh", "Khyber Pakhtunkhwa", "Balochistan", "Nairobi", "Ashanti",
             "Siem Reap", "Irbid", "Dhaka", "Lima", "Dakar", "Oromia", "Lusaka", "Java")
MINISTRIES = ("Labour and Social Protection", "Human Resource Development",
              "Finance", "Health", "Social Welfare", "Planning and Development",
              "Overseas Pakistanis", "Women and Children")
BODIES = ("Social Security Coordination Forum", "National Social Protection Council",
          "Labour Expert Group", "Employees Old-Age Benefits Institution",
          "Workers Welfare Board", "Social Health Authority", "Tripartite Steering Committee")
PROGRAMMES = ("Cash Transfer Programme", "Health Insurance Scheme", "Amnesty Scheme",
              "Self-Assessment Scheme", "Maternity Benefit Scheme", "Pension Programme",
              "Employment Injury Scheme", "Unemployment Insurance Fund")
NAMES = ("Amina", "Joseph", "Farah", "Kwame", "Sokha", "Layla", "Rahim", "Grace", "Tariq",
         "Mercy", "Chanthy", "Omar", "Lucia", "Ibrahima")
SURNAMES = ("Khan", "Otieno", "Mensah", "Sok", "Haddad", "Rahman", "Wanjiru", "Qureshi",
            "Boateng", "Chea", "Saleh", "Quispe", "Diop", "Tadesse")
DONORS = ("the Government of Japan", "the European Union", "the Government of Germany",
          "the Italian Ministry of Foreign Affairs", "UNICEF", "the World Bank")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
SENTENCES = (
    "The Ministry of {ministry} of {country} chaired the {nth} meeting of the {body} on "
    "{date}.",
    "The {province} {programme} will be launched in {province2} on {date}.",
    "Mr. {name} {surname}, Director of the {body}, said that {number} workers in the "
    "informal economy were registered in {year}.",
    "The study on social security for domestic workers in {province} is being supported by "
    "the ILO Project on Social Protection for Informal Workers, funded by {donor}.",
    "The {body} was established in {month} {year} and is jointly implemented by {donor} "
    "and the ILO.",
    "Coverage of the {programme} rose to {percent} per cent of {number} households in "
    "{province} by {year}.",
    "Dr. {name} {surname} of the Ministry of {ministry} presented the draft {province} "
    "Social Protection Policy {year}-{year2}, which the {body} endorsed.",
    "Workers' and employers' organisations, e.g. the {country} Workers Federation, called "
    "for simpler registration of workers (about {number} in {year}).",
    "The ILO provided technical assistance to the {body} through the {province} Decent "
    "Work Country Programme ({year}-{year2}).",
    "According to {name} {surname}, \u201cthe {programme} reached {number} beneficiaries "
    "in {province}.\u201d",
)
UNPUNCTUATED = ("workers", "coverage", "the", "scheme", "of", "province", "social",
                "protection", "and", "ministry", "labour", "programme", "in", "benefits")


def _sentence(rng: random.Random) -> str:
    year = rng.randint(1990, 2030)
    return rng.choice(SENTENCES).format(
        ministry=rng.choice(MINISTRIES), country=rng.choice(COUNTRIES),
        body=rng.choice(BODIES), programme=rng.choice(PROGRAMMES),
        province=rng.choice(PROVINCES), province2=rng.choice(PROVINCES),
        name=rng.choice(NAMES), surname=rng.choice(SURNAMES), donor=rng.choice(DONORS),
        nth=rng.choice(("first", "second", "third", "fourth", "fifth")),
        date=f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year}", month=rng.choice(MONTHS),
        year=year, year2=year + rng.randint(1, 8), number=f"{rng.randint(1, 999):,}"
        f",{rng.randint(0, 999):03d}", percent=f"{rng.randint(1, 99)}.{rng.randint(0, 9)}")


def generate(size: int, shape: str = "paragraphs", seed: int = 0) -> str:
    """A press release of about ``size`` characters (ASCII but for quotes: about bytes)."""
    rng = random.Random(seed)
    head = ("Social protection forum calls for coverage of informal workers\n\n"
            "Press release | Islamabad, Pakistan | 02 August 2021\n"
            "ISLAMABAD (ILO News): The forum met on 22 April 2021.\n\n")
    parts: list[str] = []
    length = len(head)
    while length < size:
        if shape == "nopunct":
            part = " ".join(rng.choice(UNPUNCTUATED) for _ in range(rng.randint(20, 60)))
            part += f" {rng.choice(PROVINCES)} {rng.randint(1, 9999)}"
        else:
            part = " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))
        parts.append(part)
        length += len(part) + 2
    separator = "\n\n" if shape == "paragraphs" else " "
    return head + separator.join(parts) + "\n"


def stages(path: Path, *, progress: bool = False) -> dict[str, float]:
    """CPU seconds per stage of ingesting ``path`` (the pipeline's own functions, in order,
    with the garbage collector set as ``ingest_document`` sets it); ``progress``: each stage
    on stderr as it ends (a run cut short still says something)."""
    from spkg.ingest.pipeline import fewer_collections

    with fewer_collections():
        return _stages(path, progress=progress)


def _stages(path: Path, *, progress: bool) -> dict[str, float]:
    from spkg.ingest.detect import detect_kind
    from spkg.ingest.entities import MentionFinder
    from spkg.ingest.entity_facts import entity_facts
    from spkg.ingest.fields import extract_fields
    from spkg.ingest.gazetteer import load_gazetteer
    from spkg.ingest.linking import link_mentions
    from spkg.ingest.mapping import document_triples
    from spkg.ingest.prose import (
        _name_offices,
        _outcome_interventions,
        _unique,
        prose_regions,
    )
    from spkg.ingest.reader import decode_text, read_bytes
    from spkg.ingest.records import Document
    from spkg.ingest.relations import document_country, read_relations
    from spkg.ingest.sections import split_sections
    from spkg.ingest.sentences import split_sentences
    from spkg.ingest.vocab import load_vocabulary
    from spkg.namespace import document_iri

    vocab, gazetteer = load_vocabulary(), load_gazetteer()
    wall = time.perf_counter()
    times: dict[str, float] = {}
    held: dict[str, Any] = {}

    def step(name: str, call: Callable[[], Any]) -> Any:
        # CPU seconds of this process: on a shared machine wall time also counts the others
        started = time.process_time()
        value = call()
        times[name] = time.process_time() - started
        if progress:
            print(f"  {path.name}: {name} {times[name]:.2f} s CPU", file=sys.stderr, flush=True)
        return value

    def read() -> Document:
        data = read_bytes(path, max_bytes=10**9)
        text = decode_text(data, path)
        kind = detect_kind(text, path)
        return Document(path=path, text=text, kind=kind, iri=document_iri(path.stem),
                        sha256="", sections=split_sections(text, kind))

    document = step("read+sections", read)
    document.sentences = step("sentences", lambda: split_sentences(document.text,
                                                                   document.sections))
    held["fields"] = step("fields", lambda: extract_fields(document, vocab))
    regions = prose_regions(document)
    mentions = step("mentions", lambda: MentionFinder(document.text, gazetteer).find(regions))

    def link() -> Any:
        entities = link_mentions(mentions, gazetteer)
        _name_offices(entities, document_country(entities, gazetteer))
        return entities

    entities = step("linking", link)
    facts = step("entity-facts", lambda: [f for e in entities
                                          for f in entity_facts(document, e, gazetteer)])
    facts += step("relations", lambda: read_relations(document, entities, gazetteer, regions))
    facts += _outcome_interventions(document, entities)
    facts = _unique([*held["fields"], *facts])
    triples = step("mapping", lambda: document_triples(document, facts))
    times["total"] = sum(times.values())
    times["_wall"] = time.perf_counter() - wall
    times["_sentences"] = len(document.sentences)
    times["_triples"] = len(triples)
    return times


def parse_size(text: str) -> int:
    units = {"k": 10**3, "K": 10**3, "M": 10**6, "G": 10**9}
    return int(float(text[:-1]) * units[text[-1]]) if text[-1] in units else int(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["100k", "1M"])
    parser.add_argument("--shape", choices=("paragraphs", "line", "nopunct"),
                        default="paragraphs")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the last size here")
    parser.add_argument("--progress", action="store_true", help="each stage on stderr")
    args = parser.parse_args(argv)
    from spkg.ingest.gazetteer import load_gazetteer
    from spkg.ingest.vocab import load_vocabulary

    load_vocabulary(), load_gazetteer()  # the reference tables once, outside the timings
    rows: list[tuple[int, dict[str, float]]] = []
    with tempfile.TemporaryDirectory() as folder:
        warm = Path(folder) / "warm-up.txt"  # compiles the scanners' patterns, untimed
        warm.write_text(generate(20_000, args.shape, seed=1), encoding="utf-8")
        stages(warm)
        for size in map(parse_size, args.sizes):
            path = Path(folder) / f"prose-{size}.txt"
            path.write_text(generate(size, args.shape), encoding="utf-8")
            if args.profile and size == parse_size(args.sizes[-1]):
                profiler = cProfile.Profile()
                times = profiler.runcall(stages, path)
                profiler.dump_stats(args.profile)
            else:
                times = stages(path, progress=args.progress)
            rows.append((path.stat().st_size, times))
            columns = "  ".join(f"{k} {v:.2f}" for k, v in times.items() if k[0] != "_")
            print(f"{args.shape} {path.stat().st_size:>11,} B  {columns}  "
                  f"(wall {times['_wall']:.1f}; {times['_sentences']:.0f} sentences, "
                  f"{times['_triples']:.0f} triples)", flush=True)
    for (s1, t1), (s2, t2) in pairwise(rows):
        if t1["total"] > 0:
            exponent = math.log(t2["total"] / t1["total"]) / math.log(s2 / s1)
            print(f"growth exponent {s1:,} → {s2:,} B: {exponent:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
