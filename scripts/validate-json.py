#!/usr/bin/env python3
"""Validates tlsprobe JSON documents against docs/tlsprobe.schema.json with the `jsonschema`
package (pip install jsonschema). Usage: validate-json.py SCHEMA FILE... ; each FILE holds one
JSON document or NDJSON (one per line). Prints one line per invalid document and exits 1 if any
is invalid, 2 if the schema itself is not a valid draft 2020-12 schema."""
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
            yield f"{path}:{number}", json.loads(line)


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as error:
        print(f"schema: {error.message}")
        return 2
    validator = jsonschema.Draft202012Validator(schema)
    checked = invalid = 0
    for path in sys.argv[2:]:
        for name, document in documents(path):
            checked += 1
            for error in validator.iter_errors(document):
                invalid += 1
                where = "/".join(str(part) for part in error.absolute_path)
                print(f"{name}: /{where}: {error.message}")
    print(f"{checked} documents checked, {invalid} errors")
    return 1 if invalid or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
