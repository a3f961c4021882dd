"""Reads every record of a long stream run back from Kafka, independently of mdmgen's code, and
checks that none is missing or repeated: each event with an envelope carries its stream position
(event_index), truth records and tombstones carry none, so together they must number exactly the
positions 0..N-1 with no position twice. Also counts records per minute of their Kafka timestamp
(the send time), for the soak's minute windows. Prints a JSON summary; exits 1 on a gap or repeat.

Usage: soak_check.py BOOTSTRAP PREFIX NEXT_EVENT_INDEX
"""
import json
import sys
from collections import defaultdict

from confluent_kafka import Consumer, TopicPartition

TOPICS = ["customers", "crm.customers", "erp.customers", "ecommerce.customers", "match_truth"]


def varint(b, i):
    """Avro's zig-zag varint at b[i]: (value, next index)."""
    shift = result = 0
    while True:
        byte = b[i]
        i += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return (result >> 1) ^ -(result & 1), i
        shift += 7


def read(bootstrap, topic, visit):
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": "mdmgen-soak-check",
                  "enable.auto.commit": False})
    parts = c.list_topics(topic, timeout=30).topics[topic].partitions
    ends = {}
    assign = []
    for p in parts:
        low, high = c.get_watermark_offsets(TopicPartition(topic, p), timeout=30)
        if high > low:
            ends[p] = high
            assign.append(TopicPartition(topic, p, low))
    c.assign(assign)
    while ends:
        for m in c.consume(10_000, timeout=5):
            if m.error():
                raise RuntimeError(m.error())
            visit(m)
            if m.offset() + 1 >= ends.get(m.partition(), 0):
                ends.pop(m.partition(), None)
    c.close()


def main():
    bootstrap, prefix, next_index = sys.argv[1], sys.argv[2], int(sys.argv[3])
    seen = bytearray((next_index + 7) // 8)
    counts = defaultdict(int)
    per_minute = defaultdict(int)
    repeats, outside = [], []
    low_n, high_n = next_index, -1
    first_ms = None

    for name in TOPICS:
        topic = prefix + name

        def visit(m):
            nonlocal low_n, high_n, first_ms
            ts = m.timestamp()[1]
            first_ms = ts if first_ms is None else min(first_ms, ts)
            per_minute[ts // 60_000] += 1
            v = m.value()
            if v is None:
                counts["tombstones"] += 1
            elif name == "match_truth":
                counts["truth_records"] += 1
            else:
                length, i = varint(v, 5)  # after the Confluent header: event_id, then event_index
                n, _ = varint(v, i + length)
                counts["enveloped"] += 1
                if not 0 <= n < next_index:
                    outside.append(n)
                    return
                low_n, high_n = min(low_n, n), max(high_n, n)
                if seen[n >> 3] & (1 << (n & 7)):
                    repeats.append(n)
                seen[n >> 3] |= 1 << (n & 7)

        read(bootstrap, topic, visit)
    records = counts["enveloped"] + counts["truth_records"] + counts["tombstones"]
    minutes = sorted(per_minute)
    summary = {
        "records": records, **counts,
        "expected_records": next_index,
        "missing": next_index - records + len(repeats) + len(outside),
        "repeated_event_indexes": repeats[:10], "repeats": len(repeats),
        "outside": outside[:10],
        "event_index_min": low_n, "event_index_max": high_n,
        # Whole minutes of send time only: the first and last are partial.
        "records_per_minute": [per_minute[m] for m in minutes],
    }
    json.dump(summary, sys.stdout, indent=1)
    print()
    return 0 if summary["missing"] == 0 and not repeats and not outside else 1


if __name__ == "__main__":
    sys.exit(main())
