#!/usr/bin/env python3
"""Parses Prometheus text exposition from stdin with the reference Python parser
(pip install prometheus-client) and prints the families as JSON:
{"name": {"type": ..., "help": ..., "samples": [{"name", "labels", "value"}]}}.
Exits 1 (with the parser's message) when the text does not parse."""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families


def main():
    text = sys.stdin.read()
    try:
        families = {}
        for family in text_string_to_metric_families(text):
            if family.name in families:
                raise ValueError(f"family {family.name} appears twice")
            families[family.name] = {
                "type": family.type,
                "help": family.documentation,
                "samples": [{"name": s.name, "labels": s.labels, "value": s.value} for s in family.samples],
            }
    except Exception as error:  # the parser raises ValueError and friends
        print(f"parse error: {error}", file=sys.stderr)
        return 1
    json.dump(families, sys.stdout, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
