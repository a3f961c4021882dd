#!/usr/bin/env python3
"""Trains a standard Splink model on an mdmgen batch run, clusters its records and writes the
clusters (source_system, source_record_id, cluster_id) as Parquet; prints pairwise precision,
recall and F1 against the run's match_truth, computed here independently of mdmgen.

The model is the one a practitioner would start from: first and last name with term-frequency
adjustments, email, phone digits, ZIP code, city and date of birth; predictions blocked on last
name and ZIP, email, phone, and first name and birth date. Run by scripts/splink-example.
"""
import argparse
import glob
import os
import sys
import time

import duckdb
import pyarrow as pa
import pyarrow.orc as orc
import pyarrow.parquet as pq
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

SOURCES = ("raw_crm_customers", "raw_erp_customers", "raw_ecommerce_customers")


def read_table(warehouse: str, database: str, table: str) -> pa.Table:
    files = sorted(glob.glob(os.path.join(warehouse, f"{database}.db", table, "*.orc")))
    if not files:
        sys.exit(f"splink-example: no ORC files for {database}.{table} under {warehouse}")
    return pa.concat_tables(orc.ORCFile(f).read() for f in files)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--warehouse", required=True)
    p.add_argument("--database", default="mdm_demo")
    p.add_argument("--table-suffix", default="")
    p.add_argument("--out", required=True, help="Parquet file for the clusters")
    p.add_argument("--threshold", type=float, default=0.95, help="match probability to cluster at")
    a = p.parse_args()

    started = time.time()
    con = duckdb.connect()
    con.execute("SET threads TO 2").fetchall()
    for t in SOURCES + ("match_truth",):
        arrow = read_table(a.warehouse, a.database, t + a.table_suffix)
        con.register(f"{t}_arrow", arrow)
        con.execute(f"CREATE TABLE {t} AS SELECT * FROM {t}_arrow").fetchall()
    union = " UNION ALL ".join(f"""
        SELECT source_system || ':' || source_record_id AS unique_id, source_system, source_record_id,
               lower(first_name) AS first_name, lower(last_name) AS surname, lower(email) AS email,
               right(regexp_replace(phone, '[^0-9]', '', 'g'), 10) AS phone, zip_code AS zip,
               lower(city) AS city, date_of_birth AS dob
        FROM {t}""" for t in SOURCES)
    con.execute(f"CREATE TABLE records AS {union}").fetchall()
    n = con.execute("SELECT count(*) FROM records").fetchall()[0][0]
    print(f"splink-example: {n:,} source records", flush=True)

    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=[
            cl.NameComparison("first_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.EmailComparison("email"),
            cl.LevenshteinAtThresholds("phone", [1, 2]),
            cl.LevenshteinAtThresholds("zip", [1]),
            cl.ExactMatch("city").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison("dob", input_is_string=False),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("surname", "zip"),
            block_on("email"),
            block_on("phone"),
            block_on("first_name", "dob"),
        ],
    )
    db = DuckDBAPI(connection=con)
    linker = Linker(db.register("records"), settings)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "surname", "dob"), block_on("email")], recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=42)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("first_name", "surname"))
    predictions = linker.inference.predict(threshold_match_probability=0.2)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=a.threshold)
    con.execute(f"""CREATE TABLE clusters AS
        SELECT r.source_system, r.source_record_id, c.cluster_id
        FROM {clusters.physical_name} c JOIN records r USING (unique_id)""").fetchall()
    pq.write_table(con.sql("SELECT * FROM clusters ORDER BY source_system, source_record_id")
                   .to_arrow_table(), a.out)

    # Pairwise figures: pairs in one predicted cluster, pairs of one customer, pairs of both.
    predicted, true, both = con.execute("""
        WITH j AS (SELECT c.cluster_id, t.customer_id FROM clusters c
                   JOIN match_truth t USING (source_system, source_record_id)),
             p AS (SELECT count(*) AS k FROM j GROUP BY cluster_id),
             t AS (SELECT count(*) AS k FROM j GROUP BY customer_id),
             b AS (SELECT count(*) AS k FROM j GROUP BY cluster_id, customer_id)
        SELECT (SELECT sum(k * (k - 1) / 2) FROM p), (SELECT sum(k * (k - 1) / 2) FROM t),
               (SELECT sum(k * (k - 1) / 2) FROM b)""").fetchall()[0]
    precision = both / predicted if predicted else 1.0
    recall = both / true if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"splink-example: pairwise precision {precision:.4f}, recall {recall:.4f}, F1 {f1:.4f}"
          f" ({both:,.0f} of {true:,.0f} true pairs, {predicted:,.0f} predicted) in "
          f"{time.time() - started:.0f} s; clusters: {a.out}")


if __name__ == "__main__":
    main()
