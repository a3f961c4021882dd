"""Independent check of an mdmgen stream: decodes every record of every topic with Confluent's
AvroDeserializer against the schema registry, then checks what the stream promises."""
import argparse
import hashlib
import json
import math
import re
import sys
from collections import defaultdict

from confluent_kafka import Consumer, KafkaError, TopicPartition
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer
from confluent_kafka.serialization import MessageField, SerializationContext

TOPICS = ["customers", "crm.customers", "erp.customers", "ecommerce.customers", "match_truth"]


def read_topic(bootstrap, topic, committed=False):
    """All records of the topic as (partition, offset, timestamp_ms, key, value bytes); with
    committed, only those of committed transactions (as read_committed consumers see them)."""
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "mdmgen-verify",
                         "enable.auto.commit": False, "auto.offset.reset": "earliest",
                         "enable.partition.eof": True,
                         "isolation.level": "read_committed" if committed else "read_uncommitted"})
    try:
        meta = consumer.list_topics(topic, timeout=15).topics[topic]
        if meta.error is not None:
            raise SystemExit(f"topic {topic}: {meta.error}")
        ends, parts = {}, []
        for p in meta.partitions:
            low, high = consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=15)
            if high > low:
                ends[p] = high
                parts.append(TopicPartition(topic, p, low))
        records = []
        if not parts:
            return records
        consumer.assign(parts)
        done = set()
        while len(done) < len(ends):
            for m in consumer.consume(num_messages=10000, timeout=5):
                if m.error() and m.error().code() == KafkaError._PARTITION_EOF:
                    done.add(m.partition())  # transaction markers end a partition without a record
                    continue
                if m.error():
                    raise SystemExit(f"topic {topic}: {m.error()}")
                records.append((m.partition(), m.offset(), m.timestamp()[1], m.key(), m.value()))
                if m.offset() + 1 >= ends[m.partition()]:
                    done.add(m.partition())
        return records
    finally:
        consumer.close()


def parse_seconds(text):
    """Durations as mdmgen writes them: 90s, 10m, 1h30m, 500ms."""
    total, at = 0.0, 0
    units = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400}
    for m in re.finditer(r"(\d+(?:\.\d+)?)(ms|s|m|h|d)", text):
        if m.start() != at:
            raise ValueError(f"not a duration: {text}")
        total += float(m.group(1)) * units[m.group(2)]
        at = m.end()
    if at != len(text) or not text:
        raise ValueError(f"not a duration: {text}")
    return total


def schedule(profile, base_rate):
    """(events due in [0, t) as a function of t, stage starts) for a --rate-profile, computed
    here on its own from the profile's definition, not from mdmgen's code."""
    kind, _, arg = profile.partition(":")
    if kind == "steps":
        stages = [(float(r), parse_seconds(d)) for r, d in (s.split("@") for s in arg.split(","))]

        def due(t):
            n, start = 0.0, 0.0
            for i, (rate, length) in enumerate(stages):
                last = i == len(stages) - 1
                if last or t < start + length:
                    return n + rate * (t - start)
                n += rate * length
                start += length
        starts = [sum(d for _, d in stages[:i]) for i in range(len(stages))]
        return due, starts
    if kind == "spike":
        m = re.fullmatch(r"([0-9.]+)x@([^/]+)/(.+)", arg)
        factor, spike, period = float(m.group(1)), parse_seconds(m.group(2)), parse_seconds(m.group(3))
        calm = period - spike
        per = base_rate * calm + base_rate * factor * spike

        def due(t):
            k, u = divmod(t, period)
            return k * per + (base_rate * u if u < calm else base_rate * calm + base_rate * factor * (u - calm))
        return due, [k * period + off for k in range(1000) for off in (0, calm)]
    if kind == "diurnal":
        m = re.fullmatch(r"([^/]+)/([^@]+)@(.+)", arg)
        peak, trough, period = float(m.group(1)), float(m.group(2)), parse_seconds(m.group(3))
        w = 2 * math.pi / period

        def due(t):
            return trough * t + (peak - trough) / 2 * (t - math.sin(w * t) / w)
        return due, [0.0]
    if kind == "constant":
        return (lambda t: base_rate * t), [0.0]
    raise ValueError(f"no plan for profile {profile}")


def check_schedule(timestamps, profile, base_rate, tolerance, failures, summary):
    """Every whole 10-second window by arrival time (from the first record) that starts at least
    10 s into its stage and ends in it, against the plan."""
    due, starts = schedule(profile, base_rate)
    t0 = min(timestamps)
    last = (max(timestamps) - t0) // 1000
    per_second = defaultdict(int)
    for ts in timestamps:
        per_second[(ts - t0) // 1000] += 1
    windows = []
    for s in range(0, int(last) - 10 + 1):
        stage_start = max(st for st in starts if st <= s)
        nxt = [st for st in starts if st > stage_start]
        stage_end = min(nxt) if nxt else float("inf")
        if s < stage_start + 10 or s + 10 > stage_end:
            continue
        got = sum(per_second[i] for i in range(s, s + 10))
        planned = due(s + 10) - due(s)
        dev = got / planned - 1
        windows.append({"from_second": s, "events": got, "planned": round(planned), "deviation": dev})
        if abs(dev) > tolerance:
            failures.append(f"10-second window from second {s}: {got} events, {dev:+.2%} off the plan's {planned:.0f}")
    summary["schedule_windows"] = len(windows)
    if windows:
        summary["schedule_worst"] = max(windows, key=lambda w: abs(w["deviation"]))
    if not windows:
        failures.append("no 10-second window ran 10 s into its stage: run longer")


ORDER_FIELDS = {"total_orders", "total_spent"}


def key_shares(decoded):
    """How a topic's records spread over keys: the share the top 1 % of keys carry, and the share
    of records that are orders (updates that change only a shop record's order count and spend)."""
    by_key = defaultdict(int)
    orders = 0
    for key, raw, value in decoded:
        by_key[key] += 1
        if value and value.get("op") == "UPDATE" and value["changed_fields"] \
                and set(value["changed_fields"]) <= ORDER_FIELDS:
            orders += 1
    counts = sorted(by_key.values(), reverse=True)
    top = max(1, (len(counts) + 99) // 100)
    total = max(1, len(decoded))
    return {"keys": len(counts), "top_1_percent_share": sum(counts[:top]) / total,
            "order_share": orders / total}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bootstrap-servers", required=True)
    ap.add_argument("--schema-registry-url", required=True)
    ap.add_argument("--topic-prefix", default="mdm.")
    ap.add_argument("--expect-rate", type=float)
    ap.add_argument("--tolerance", type=float, default=0.01)
    ap.add_argument("--expect-profile", help="check 10-second windows against this --rate-profile")
    ap.add_argument("--base-rate", type=float, help="the --events-per-second of constant and spike: profiles")
    ap.add_argument("--window-tolerance", type=float, default=0.02)
    ap.add_argument("--expect-hot-share", type=float,
                    help="hot keys: the shop topic's top 1%% of keys carry this share of its records")
    ap.add_argument("--share-tolerance", type=float, default=0.02)
    ap.add_argument("--allow-duplicates", action="store_true",
                    help="accept records repeated byte for byte (a run resumed after a crash repeats"
                         " its last micro-batch); a repeat that differs still fails")
    ap.add_argument("--read-committed", action="store_true",
                    help="read as a read_committed consumer: what an --exactly-once stream promises")
    a = ap.parse_args()

    registry = SchemaRegistryClient({"url": a.schema_registry_url})
    failures = []
    summary = {"topics": {}}
    timestamps = []
    truth = set()
    creates = []
    index_seen = set()
    for name in TOPICS:
        topic = a.topic_prefix + name
        deserialize = AvroDeserializer(registry)
        records = read_topic(a.bootstrap_servers, topic, a.read_committed)
        ctx = SerializationContext(topic, MessageField.VALUE)
        digest = hashlib.sha256()
        by_partition = defaultdict(list)
        decoded = []
        for part, offset, ts, key, raw in records:
            timestamps.append(ts)
            value = None if raw is None else deserialize(raw, ctx)  # raises if it cannot decode
            decoded.append((key.decode(), raw, value))
            by_partition[part].append((offset, key.decode(), value, raw))
        repeats = 0
        if a.allow_duplicates:
            unique = {}
            for k, raw, value in decoded:
                unique.setdefault((k, raw), (k, raw, value))
            repeats = len(decoded) - len(unique)
            decoded = list(unique.values())
        for key, raw, value in sorted(decoded, key=lambda r: (r[0], r[2]["event_index"] if r[2] and "event_index" in r[2] else -1)):
            digest.update(key.encode() + b"\0" + (b"-" if raw is None else raw[5:]) + b"\0")
        kinds = defaultdict(int)
        for part, rows in by_partition.items():
            rows.sort()
            last_seq, pending_delete, seen = {}, {}, set()
            for offset, key, value, raw in rows:
                if a.allow_duplicates:
                    if (key, raw) in seen:
                        continue  # the same record again: counted in repeats
                    seen.add((key, raw))
                if value is None:
                    kinds["tombstones"] += 1
                    if pending_delete.pop(key, None) is None:
                        failures.append(f"{topic}: tombstone for {key} at {offset} without a delete before it")
                    continue
                if name == "match_truth":
                    kinds["truth_records"] += 1
                    truth.add((value["source_system"], key))
                    continue
                op = value["op"]
                kinds[op.lower() + "s"] += 1
                if value["event_index"] in index_seen:
                    failures.append(f"event index {value['event_index']} appears twice")
                index_seen.add(value["event_index"])
                seq = value["sequence"]
                expected = 1 if op == "CREATE" else last_seq.get(key, 0) + 1
                if seq != expected:
                    failures.append(f"{topic}: {key} has sequence {seq} where {expected} was due")
                last_seq[key] = seq
                if op == "DELETE":
                    pending_delete[key] = offset
                if op == "CREATE" and name != "customers":
                    creates.append((value["source_system"], key))
            for key in pending_delete:
                failures.append(f"{topic}: delete of {key} not followed by a tombstone")
        summary["topics"][topic] = {"records": len(records), "repeats": repeats, **kinds,
                                    "sha256": digest.hexdigest(),
                                    **key_shares(decoded)}
    missing = [c for c in creates if c not in truth]
    if missing:
        failures.append(f"{len(missing)} created source records have no match_truth record, e.g. {missing[:3]}")
    summary["records"] = len(timestamps)
    if len(timestamps) > 1:
        span = (max(timestamps) - min(timestamps)) / 1000
        summary["seconds"] = span
        summary["mean_rate"] = (len(timestamps) - 1) / span if span > 0 else None
        if a.expect_rate and summary["mean_rate"] is not None:
            dev = summary["mean_rate"] / a.expect_rate - 1
            summary["rate_deviation"] = dev
            if abs(dev) > a.tolerance:
                failures.append(f"mean rate {summary['mean_rate']:.1f}/s is {dev:+.2%} off {a.expect_rate}/s")
    if a.expect_profile and timestamps:
        check_schedule(timestamps, a.expect_profile, a.base_rate, a.window_tolerance, failures, summary)
    if a.expect_hot_share is not None:
        shop = summary["topics"][a.topic_prefix + "ecommerce.customers"]
        for measured in ("top_1_percent_share", "order_share"):
            if abs(shop[measured] - a.expect_hot_share) > a.share_tolerance:
                failures.append(f"ecommerce.customers: {measured} {shop[measured]:.4f} is not within"
                                f" {a.share_tolerance} of {a.expect_hot_share}")
    if index_seen:
        summary["event_index_min"] = min(index_seen)
        summary["event_index_max"] = max(index_seen)
    summary["failures"] = failures[:20]
    json.dump(summary, sys.stdout, indent=2)
    print()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
