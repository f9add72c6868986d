#!/usr/bin/env python3
"""Keeps po/id.po complete: every message id the code asks to translate has an Indonesian
translation, and every translation keeps the placeholders of its id.

The message ids are found where the code uses them:
  - in C++ under cli/ and web/: the first argument of tr, trf, and the first two of trn, trnf
    (cli/render/translate.hpp), extracted with xgettext;
  - in C++ anywhere (engine/ too): the first argument of `say` (engine/model/message.hpp), what
    the engine says for a renderer to word;
  - in the web templates: the text of each {{#t}}...{{/t}} section.
Then po/id.po is read and must translate each of them, not fuzzy, with the same set of
placeholders ({}, {name}, {:02}); `msgfmt --check` must accept the file. A message id in the
catalog that the code no longer uses is reported too (a stale word misleads the translator).

    check_catalog.py SOURCE_DIR
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
TEMPLATE_SECTION = re.compile(r"\{\{#t\}\}(.*?)\{\{/t\}\}", re.S)


def unquote(text):
    return bytes(text, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def read_po(path):
    """Entries as dicts: msgid, msgid_plural, msgstr (list), fuzzy, line."""
    entries = []
    current = None
    field = None
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if not line:
                if current:
                    entries.append(current)
                current, field = None, None
                continue
            if current is None:
                current = {"msgid": "", "msgid_plural": None, "msgstr": {}, "fuzzy": False,
                           "line": number}
            if line.startswith("#,") and "fuzzy" in line:
                current["fuzzy"] = True
                continue
            if line.startswith("#"):
                continue
            match = re.match(r'^(msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"$', line)
            if match:
                key, index, text = match.group(1), match.group(2), unquote(match.group(3))
                if key == "msgid":
                    field = ("msgid", None)
                    current["msgid"] = text
                elif key == "msgid_plural":
                    field = ("msgid_plural", None)
                    current["msgid_plural"] = text
                else:
                    field = ("msgstr", int(index or 0))
                    current["msgstr"][field[1]] = text
                continue
            match = re.match(r'^"(.*)"$', line)
            if match and field:
                text = unquote(match.group(1))
                if field[0] == "msgstr":
                    current["msgstr"][field[1]] += text
                else:
                    current[field[0]] += text
                continue
            sys.exit(f"{path}:{number}: cannot read this line")
    if current:
        entries.append(current)
    return [e for e in entries if e["msgid"] != ""]


def code_message_ids(src):
    sources = sorted(glob.glob(os.path.join(src, "cli", "**", "*.cpp"), recursive=True) +
                     glob.glob(os.path.join(src, "cli", "**", "*.hpp"), recursive=True) +
                     glob.glob(os.path.join(src, "web", "**", "*.cpp"), recursive=True) +
                     glob.glob(os.path.join(src, "engine", "**", "*.cpp"), recursive=True) +
                     glob.glob(os.path.join(src, "engine", "**", "*.hpp"), recursive=True))
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "regflow.pot")
        subprocess.run(["xgettext", "--language=C++", "--from-code=UTF-8", "--no-wrap",
                        "--keyword=tr", "--keyword=trf", "--keyword=trn:1,2",
                        "--keyword=trnf:1,2", "--keyword=say", "-o", pot] + sources, check=True)
        ids = {}
        if os.path.exists(pot):
            for e in read_po(pot):
                ids[e["msgid"]] = e["msgid_plural"]
    for template in sorted(glob.glob(os.path.join(src, "web", "templates", "*.mustache"))):
        with open(template, encoding="utf-8") as f:
            for match in TEMPLATE_SECTION.finditer(f.read()):
                ids.setdefault(match.group(1), None)
    return ids


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check_catalog.py SOURCE_DIR")
    src = sys.argv[1]
    po = os.path.join(src, "po", "id.po")
    problems = []
    check = subprocess.run(["msgfmt", "--check", "-o", os.devnull, po],
                           stderr=subprocess.PIPE, text=True)
    if check.returncode != 0:
        problems.append(f"msgfmt --check refuses {po}:\n{check.stderr}")
    catalog = {e["msgid"]: e for e in read_po(po)}
    used = code_message_ids(src)
    if len(used) < 50:
        problems.append(f"only {len(used)} message ids found in the code; is the extraction broken?")
    for msgid, plural in sorted(used.items()):
        entry = catalog.get(msgid)
        if entry is None:
            problems.append(f"no Indonesian translation of {msgid!r}")
            continue
        if entry["fuzzy"]:
            problems.append(f"po/id.po:{entry['line']}: the translation of {msgid!r} is fuzzy")
        if not entry["msgstr"] or any(not t for t in entry["msgstr"].values()):
            problems.append(f"po/id.po:{entry['line']}: {msgid!r} has an empty translation")
            continue
        sources = [msgid] + ([plural] if plural else [])
        for index, text in entry["msgstr"].items():
            wanted = sorted(PLACEHOLDER.findall(sources[-1] if index else sources[0]))
            found = sorted(PLACEHOLDER.findall(text))
            if wanted != found:
                problems.append(f"po/id.po:{entry['line']}: the translation of {msgid!r} has "
                                f"placeholders {found}, the id has {wanted}")
    for msgid, entry in sorted(catalog.items()):
        if msgid not in used:
            problems.append(f"po/id.po:{entry['line']}: {msgid!r} is not used by the code any more")
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in po/id.po")
        return 1
    print(f"po/id.po translates all {len(used)} message ids of the code")
    return 0


if __name__ == "__main__":
    sys.exit(main())
