#!/usr/bin/env python3
"""Rebuilds the reference tables the world model ships (run once; output is committed).

  python3 -m venv /tmp/refdata && /tmp/refdata/bin/pip install zipcodes==3.0.0 phonenumbers==9.0.43 nicknames==1.0.1
  /tmp/refdata/bin/python scripts/build-reference-data.py

places.csv     zip,city,state,area codes: real standard ZIP codes (PyPI `zipcodes`, MIT) whose
               area codes libphonenumber (PyPI `phonenumbers`, Apache-2.0) accepts as US numbers,
               so an address's city/state/zip and its phone's area code always agree.
exchanges.csv  area_code,exchanges: per area code, a 200-hex-digit bitmap of the exchanges (NXX 200-999)
               that libphonenumber accepts, so every generated number is valid, not merely well-formed.
nicknames.csv  name,nickname: the hand-curated `has_nickname` relation (PyPI `nicknames`, Apache-2.0).
"""
import csv
import pathlib

import nicknames
import phonenumbers
import zipcodes

OUT = pathlib.Path(__file__).resolve().parent.parent / "generator/src/main/resources/io/mdmgen/world"
STATES = set("AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
              "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY".split())


def us_area_code(npa: str) -> bool:
    number = phonenumbers.parse("+1" + npa + "2345678")
    return phonenumbers.is_valid_number(number) and phonenumbers.region_code_for_number(number) == "US"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    valid = {}
    rows = []
    for z in zipcodes.list_all():
        if z["zip_code_type"] != "STANDARD" or not z["active"] or z["state"] not in STATES:
            continue
        codes = []
        for npa in z["area_codes"] or []:
            if npa not in valid:
                valid[npa] = us_area_code(npa)
            if valid[npa]:
                codes.append(npa)
        city = z["city"].strip()
        if codes and city.isascii():
            rows.append((z["zip_code"], city, z["state"], " ".join(sorted(set(codes)))))
    rows.sort()
    with open(OUT / "places.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(("zip", "city", "state", "area_codes"))
        w.writerows(rows)

    with open(OUT / "exchanges.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(("area_code", "exchanges"))
        for npa in sorted(code for code, ok in valid.items() if ok):
            bits = 0
            for nxx in range(200, 1000):
                if nxx % 100 != 11 and nxx != 555 and phonenumbers.is_valid_number(
                        phonenumbers.parse(f"+1{npa}{nxx}4567")):
                    bits |= 1 << (nxx - 200)
            w.writerow((npa, f"{bits:0200x}"))

    pairs = sorted({(t.name1, t.name2) for t in nicknames.name_triplets() if t.relationship == "has_nickname"})
    with open(OUT / "nicknames.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(("name", "nickname"))
        w.writerows(pairs)
    print(f"places: {len(rows)} zips in {len({r[2] for r in rows})} states; nicknames: {len(pairs)} pairs")


if __name__ == "__main__":
    main()
