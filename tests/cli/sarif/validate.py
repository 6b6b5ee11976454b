#!/usr/bin/env python3
"""Validates SARIF logs against the official SARIF 2.1.0 JSON schema (draft-04).

    validate.py SCHEMA LOG [--require WHAT]...

Prints every schema error with its JSON path and exits 1 if there is any.
The schema's "uri" and "uri-reference" formats are checked too, against RFC
3986 (jsonschema checks them only with an extra library, so the grammar is
written out below): an unencoded space or Chinese character in a URI fails.

--require names what the log must contain, so that a test run cannot pass by
having nothing in it to get wrong: results, fixes, related (a related
location), related-elsewhere (a related location in another artifact than its
result's), relative (a relative URI with a uriBaseId), absolute (a file:// URI).
"""

import argparse
import json
import re
import sys

from jsonschema import Draft4Validator, FormatChecker

# RFC 3986, appendix A.
_unreserved = r"[A-Za-z0-9\-._~]"
_pct = r"%[0-9A-Fa-f]{2}"
_sub = r"[!$&'()*+,;=]"
_pchar = rf"(?:{_unreserved}|{_pct}|{_sub}|[:@])"
_scheme = r"[A-Za-z][A-Za-z0-9+\-.]*"
_userinfo = rf"(?:{_unreserved}|{_pct}|{_sub}|:)*"
_host = rf"(?:\[[0-9A-Fa-f:.vV]+\]|(?:{_unreserved}|{_pct}|{_sub})*)"
_authority = rf"(?:{_userinfo}@)?{_host}(?::[0-9]*)?"
_segment = rf"{_pchar}*"
_segment_nz = rf"{_pchar}+"
_segment_nz_nc = rf"(?:{_unreserved}|{_pct}|{_sub}|@)+"
_path_abempty = rf"(?:/{_segment})*"
_path_absolute = rf"/(?:{_segment_nz}(?:/{_segment})*)?"
_path_rootless = rf"{_segment_nz}(?:/{_segment})*"
_path_noscheme = rf"{_segment_nz_nc}(?:/{_segment})*"
_query = rf"(?:{_pchar}|[/?])*"
_tail = rf"(?:\?{_query})?(?:#{_query})?"
URI = re.compile(rf"{_scheme}:(?://{_authority}{_path_abempty}|{_path_absolute}|{_path_rootless}|){_tail}")
RELATIVE_REF = re.compile(rf"(?://{_authority}{_path_abempty}|{_path_absolute}|{_path_noscheme}|){_tail}")


def format_checker():
    checker = FormatChecker()

    @checker.checks("uri")
    def is_uri(value):
        return not isinstance(value, str) or URI.fullmatch(value) is not None

    @checker.checks("uri-reference")
    def is_uri_reference(value):
        return not isinstance(value, str) or URI.fullmatch(value) is not None or RELATIVE_REF.fullmatch(value) is not None

    return checker


def json_path(path):
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def artifact_locations(log):
    """(artifactLocation, the result's own artifactLocation, kind) for every location in every result."""
    for run in log.get("runs", []):
        for result in run.get("results", []) or []:
            own = None
            for location in result.get("locations", []) or []:
                own = location.get("physicalLocation", {}).get("artifactLocation")
                yield own, own, "location"
            for location in result.get("relatedLocations", []) or []:
                yield location.get("physicalLocation", {}).get("artifactLocation"), own, "related"
            for fix in result.get("fixes", []) or []:
                for change in fix.get("artifactChanges", []):
                    yield change.get("artifactLocation"), own, "fix"


def coverage_errors(log, required):
    found = set()
    for run in log.get("runs", []):
        if run.get("results"):
            found.add("results")
    for location, own, kind in artifact_locations(log):
        if location is None:
            continue
        uri = location.get("uri", "")
        if kind == "fix":
            found.add("fixes")
        if kind == "related":
            found.add("related")
            if own is not None and uri != own.get("uri"):
                found.add("related-elsewhere")
        if "uriBaseId" in location and not URI.fullmatch(uri):
            found.add("relative")
        if uri.startswith("file:///"):
            found.add("absolute")
    return [f"nothing of the kind '{what}' in the log (--require {what})" for what in required if what not in found]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("schema")
    parser.add_argument("log")
    parser.add_argument("--require", action="append", default=[],
                        choices=["results", "fixes", "related", "related-elsewhere", "relative", "absolute"])
    args = parser.parse_args()
    with open(args.schema, encoding="utf-8") as f:
        schema = json.load(f)
    Draft4Validator.check_schema(schema)
    try:
        with open(args.log, encoding="utf-8") as f:
            log = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{args.log}: not a JSON document: {e}")
        return 1
    validator = Draft4Validator(schema, format_checker=format_checker())
    errors = sorted(validator.iter_errors(log), key=lambda e: [str(p) for p in e.absolute_path])
    for e in errors:
        print(f"{args.log}: {json_path(e.absolute_path)}: {e.message}")
    problems = coverage_errors(log, args.require) if isinstance(log, dict) else []
    for p in problems:
        print(f"{args.log}: {p}")
    if errors or problems:
        return 1
    results = sum(len(run.get("results", []) or []) for run in log.get("runs", []))
    print(f"{args.log}: valid SARIF 2.1.0, {results} result(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
