#!/usr/bin/python3
# Parses a Prometheus text-format scrape (standard input) with the official Python client's
# parser and prints its samples as JSON, so the C++ test asserts on what a real scraper sees.
# A scrape the parser rejects makes this exit non-zero with the parser's message.
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

families = []
for family in text_string_to_metric_families(sys.stdin.read()):
    families.append({
        "name": family.name,
        "type": family.type,
        "samples": [{"name": s.name, "labels": s.labels, "value": s.value} for s in family.samples],
    })
json.dump(families, sys.stdout)
