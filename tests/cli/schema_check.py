"""Reads corpusflow's output as the next tool in the chain would (Python's json and zstandard modules) and checks
that every input field came through. Used by tests/cli/schema_cli_test.cpp.

  schema_check.py fields SCHEMA INPUT.jsonl[.gz] OUTPUT_FOLDER   every input field kept (or kept as input_<name>)
  schema_check.py same FOLDER_A FOLDER_B                        the same lines, keys in the same order
"""
import gzip
import io
import json
import pathlib
import sys

import zstandard

# Fields corpusflow computes itself: the input's value is kept under input_<name> when it differs.
COMPUTED = {"url", "host", "date", "title", "language", "language_score", "script", "words", "chars"}
FINEWEB_COLUMNS = ["text", "id", "dump", "url", "date", "file_path", "language", "language_score"]


def read_lines(path):
    path = pathlib.Path(path)
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    if path.suffix == ".zst":
        with open(path, "rb") as f:
            reader = zstandard.ZstdDecompressor().stream_reader(f, read_across_frames=True)
            text = io.TextIOWrapper(reader, encoding="utf-8")
            return [json.loads(line) for line in text if line.strip()]
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def output_lines(folder):
    lines = []
    for part in sorted(pathlib.Path(folder).glob("part-*.jsonl.zst")):
        lines += read_lines(part)
    return lines


def fail(message):
    print(message)
    sys.exit(1)


def kept_as_given(name, value, out, where):
    if name in out and out[name] == value:
        return
    if name in COMPUTED and out.get("input_" + name) == value:
        return
    fail(f"{where}: input field {name}={value!r} is not in the output (got {out.get(name)!r})")


def check_fields(schema, input_path, output_folder):
    inputs = {json.dumps(doc["id"]): doc for doc in read_lines(input_path)}
    folder = pathlib.Path(output_folder) / ("documents" if schema == "dolma" else "data")
    outputs = output_lines(folder)
    if not outputs:
        fail(f"no documents in {folder}")
    for out in outputs:
        where = f"document {out.get('id')!r}"
        given = inputs.get(json.dumps(out["id"]))
        if given is None:
            fail(f"{where}: no input has this id")
        if schema == "fineweb" and list(out)[: len(FINEWEB_COLUMNS)] != FINEWEB_COLUMNS:
            fail(f"{where}: columns {list(out)[:8]} are not FineWeb's")
        for name, value in given.items():
            if name == "text":
                continue  # cleaned: that is the job
            if schema == "dolma" and name == "metadata":
                for inner, inner_value in value.items():
                    kept_as_given(inner, inner_value, out["metadata"], where + " metadata")
                continue
            kept_as_given(name, value, out, where)
        if schema == "dolma" and not {"id", "text", "source", "added", "created", "metadata"} <= set(out):
            fail(f"{where}: not Dolma's layout: {list(out)}")
    print(f"{len(outputs)} documents: every input field kept")


def check_same(folder_a, folder_b):
    a = [line for sub in ("data", "documents") for line in output_lines(pathlib.Path(folder_a) / sub)]
    b = [line for sub in ("data", "documents") for line in output_lines(pathlib.Path(folder_b) / sub)]
    if len(a) != len(b):
        fail(f"{len(a)} documents, then {len(b)}")
    for x, y in zip(a, b):
        if list(x) != list(y):
            fail(f"document {x.get('id')!r}: keys {list(x)} became {list(y)}")
        if x != y:
            changed = [k for k in x if x[k] != y.get(k)]
            fail(f"document {x.get('id')!r}: {changed} changed")
    print(f"{len(a)} documents: the same fields, values and order")


if __name__ == "__main__":
    if sys.argv[1] == "fields":
        check_fields(sys.argv[2], sys.argv[3], sys.argv[4])
    elif sys.argv[1] == "same":
        check_same(sys.argv[2], sys.argv[3])
    else:
        fail("usage: schema_check.py fields|same ...")
