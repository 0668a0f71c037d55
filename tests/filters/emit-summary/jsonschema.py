#!/usr/bin/env python3
"""Validate a JSON document against a JSON Schema (the subset that
docs/summary.schema.json uses), standard library only.

    python3 jsonschema.py SCHEMA DOCUMENT

Prints each violation as "path: message" and exits 1 if there is any,
0 if none, 2 if the schema uses a keyword this validator does not know
(so a schema change can never pass unchecked).
"""
import json
import re
import sys

KNOWN = {"$schema", "$id", "title", "description", "type", "required",
         "additionalProperties", "properties", "items", "enum", "const",
         "pattern", "$ref", "oneOf", "minItems", "minimum",
         "dependentRequired", "$defs"}

TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


class Unknown(Exception):
    pass


def resolve(root, ref):
    if not ref.startswith("#/"):
        raise Unknown("only local $ref: " + ref)
    node = root
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def check(root, schema, value, path, errors):
    unknown = set(schema) - KNOWN
    if unknown:
        raise Unknown("unknown keywords %s at %s" % (sorted(unknown), path))
    if "$ref" in schema:
        check(root, resolve(root, schema["$ref"]), value, path, errors)
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(TYPES[t](value) for t in types):
            errors.append("%s: %r is not of type %s" % (path, value, "/".join(types)))
            return
    if "enum" in schema and value not in schema["enum"]:
        errors.append("%s: %r is not one of %r" % (path, value, schema["enum"]))
    if "const" in schema and value != schema["const"]:
        errors.append("%s: %r is not %r" % (path, value, schema["const"]))
    if "pattern" in schema and isinstance(value, str) and not re.search(schema["pattern"], value):
        errors.append("%s: %r does not match %s" % (path, value, schema["pattern"]))
    if "minimum" in schema and TYPES["number"](value) and value < schema["minimum"]:
        errors.append("%s: %r is below %r" % (path, value, schema["minimum"]))
    if "oneOf" in schema:
        matched, tried = [], []
        for i, sub in enumerate(schema["oneOf"]):
            e = []
            check(root, sub, value, path, e)
            if not e:
                matched.append(i)
            tried.append(e)
        if len(matched) != 1:
            errors.append("%s: matches %d of oneOf, not exactly 1" % (path, len(matched)))
        if not matched:     # the closest branch says what is wrong
            errors.extend(min(tried, key=lambda e: (
                sum(x.startswith(path + ":") for x in e), len(e))))
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for k in schema.get("required", []):
            if k not in value:
                errors.append("%s: required %r missing" % (path, k))
        for k, deps in schema.get("dependentRequired", {}).items():
            if k in value:
                for d in deps:
                    if d not in value:
                        errors.append("%s: %r needs %r" % (path, k, d))
        for k, v in value.items():
            if k in props:
                check(root, props[k], v, path + "/" + k, errors)
            elif schema.get("additionalProperties") is False:
                errors.append("%s: %r is not allowed" % (path, k))
            elif isinstance(schema.get("additionalProperties"), dict):
                check(root, schema["additionalProperties"], v, path + "/" + k, errors)
    if isinstance(value, list):
        if "minItems" in schema and len(value) < schema["minItems"]:
            errors.append("%s: fewer than %d items" % (path, schema["minItems"]))
        if "items" in schema:
            for i, v in enumerate(value):
                check(root, schema["items"], v, "%s/%d" % (path, i), errors)


def main():
    schema = json.load(open(sys.argv[1]))
    doc = json.load(open(sys.argv[2]))
    errors = []
    try:
        check(schema, schema, doc, "", errors)
    except Unknown as e:
        print("jsonschema.py: %s" % e)
        return 2
    for e in errors[:50]:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
