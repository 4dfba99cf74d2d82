#!/usr/bin/env python3
"""Validates tlsprobe JSON documents against docs/tlsprobe.schema.json with the `jsonschema`
package (pip install jsonschema). Usage: validate-json.py SCHEMA FILE... ; each FILE holds one
JSON document or NDJSON (one per line). Prints one line per invalid document and exits 1 if any
is invalid (a line that is not JSON counts as invalid), 2 for a wrong command line, a file that
cannot be read, or a schema that is not a valid draft 2020-12 schema."""
import json
import sys

import jsonschema


def documents(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    try:
        yield path, json.loads(text)
        return
    except json.JSONDecodeError:
        pass
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                yield f"{path}:{number}", json.loads(line)
            except json.JSONDecodeError as error:
                yield f"{path}:{number}", NotJSON(str(error))


class NotJSON:
    """A line that is neither a JSON document nor part of one: reported as an invalid document."""

    def __init__(self, reason):
        self.reason = reason


def main():
    if len(sys.argv) < 3:
        print("usage: validate-json.py SCHEMA FILE...", file=sys.stderr)
        return 2
    try:
        with open(sys.argv[1], encoding="utf-8") as handle:
            schema = json.load(handle)
    except (OSError, json.JSONDecodeError) as error:
        print(f"schema {sys.argv[1]}: {error}", file=sys.stderr)
        return 2
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as error:
        print(f"schema: {error.message}")
        return 2
    validator = jsonschema.Draft202012Validator(schema)
    checked = invalid = 0
    for path in sys.argv[2:]:
        try:
            found = list(documents(path))
        except OSError as error:
            print(f"{path}: {error.strerror}", file=sys.stderr)
            return 2
        for name, document in found:
            checked += 1
            if isinstance(document, NotJSON):
                invalid += 1
                print(f"{name}: not JSON: {document.reason}")
                continue
            for error in validator.iter_errors(document):
                invalid += 1
                where = "/".join(str(part) for part in error.absolute_path)
                print(f"{name}: /{where}: {error.message}")
    print(f"{checked} documents checked, {invalid} errors")
    return 1 if invalid or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
