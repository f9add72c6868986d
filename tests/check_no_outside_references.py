#!/usr/bin/env python3
"""Fails when a file of the repository refers to something outside it.

Whoever clones regflow gets only the repository: a comment, a test or a document that points at
a sibling folder, at a path on one machine, or at a design or domain brief that is not in the
repository leaves them without what it points at. The project's own explanations live in
docs/architecture.md and docs/legal-basis.md; point there instead (docs/legal-basis.md#anchor).

Usage: check_no_outside_references.py SOURCE_DIR
       check_no_outside_references.py --self-test   (the checker on files made to break it)
Checks the files git tracks (every file under SOURCE_DIR, but build folders, when it is not a git
checkout) and prints each finding as path:line:col: error: message. Exit 1 if any, else 0.
"""

import os
import re
import subprocess
import sys
import tempfile

# Files whose bytes are a record and must not change: stored workflow texts are named by their
# SHA-256 (tests/engine/load/stored_definition_test.cpp checks it), so their old comments stay.
EXEMPT_PREFIXES = ("tests/data/stored/",)
SELF = "tests/check_no_outside_references.py"

# (regex, what it is). Each names what would be accepted in the message.
PATTERNS = [
    (re.compile(r"\.\./shared\b"), "the sibling folder '../shared'"),
    (re.compile(r"(?<![\w.$-])/work/"), "an absolute path under '/work/'"),
    (re.compile(r"(?<![\w.$-])/(?:home|Users)/[A-Za-z0-9_.-]+"), "a home folder"),
    (re.compile(r"(?<![\w.$-])/root/"), "root's home folder"),
]
# Briefs that the repository does not contain: referring to them by name is a reference outside.
BRIEFS = ("design.md", "domain.md", "style.md")
BRIEF = re.compile(r"(?<![\w.-])(" + "|".join(re.escape(b) for b in BRIEFS) + r")\b")
MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")


def tracked_files(root):
    try:
        out = subprocess.run(["git", "-C", root, "ls-files", "-z"], check=True,
                             capture_output=True).stdout
        return [p for p in out.decode("utf-8").split("\0") if p]
    except (OSError, subprocess.CalledProcessError):
        files = []
        for folder, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if d not in (".git", "build")]
            for name in names:
                files.append(os.path.relpath(os.path.join(folder, name), root))
        return files


def is_text(data):
    return b"\0" not in data[:8192]


def check_line(root, path, number, line, existing, findings):
    def report(column, message):
        findings.append(f"{path}:{number}:{column}: error: {message}")

    for pattern, what in PATTERNS:
        for m in pattern.finditer(line):
            report(m.start() + 1,
                   f"'{m.group(0)}' refers to {what}, outside the repository; point into "
                   "docs/architecture.md or docs/legal-basis.md#anchor instead")
    for m in BRIEF.finditer(line):
        name = m.group(1)
        if name in existing:
            continue
        report(m.start() + 1,
               f"'{name}' is not in the repository; point into docs/architecture.md or "
               "docs/legal-basis.md#anchor instead")
    if path.endswith(".md"):
        for m in MARKDOWN_LINK.finditer(line):
            target = m.group(1).split("#", 1)[0]
            if not target or re.match(r"^[a-z][a-z0-9+.-]*:", target):
                continue  # an anchor on the same page, or a URL
            resolved = os.path.normpath(os.path.join(os.path.dirname(path), target))
            if resolved.startswith(".."):
                report(m.start(1) + 1,
                       f"the link '{m.group(1)}' leads outside the repository; link to a file "
                       "inside it")
            elif not os.path.exists(os.path.join(root, resolved)):
                report(m.start(1) + 1,
                       f"the link '{m.group(1)}' names '{resolved}', which is not in the "
                       "repository; link to a file that is")


def check_tree(root, files):
    existing = {os.path.basename(p) for p in files}
    findings = []
    for path in sorted(files):
        if path == SELF or path.startswith(EXEMPT_PREFIXES):
            continue
        try:
            with open(os.path.join(root, path), "rb") as f:
                data = f.read()
        except OSError:
            continue  # deleted in the working tree but still tracked
        if not is_text(data):
            continue
        text = data.decode("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            check_line(root, path, number, line, existing, findings)
    return findings


def self_test():
    """The checker finds each kind of outside reference at its line and column, and lets pass
    what is inside: a failure here means the repository check could pass while blind."""
    files = {
        "engine/a.cpp": "// fine: docs/legal-basis.md#perda\n// see ../shared/design.md\n",
        "README.md": "[ok](docs/x.md) [gone](docs/missing.md) [up](../other/README.md) "
                     "[web](https://example.org/a.md) [here](#top)\n",
        "docs/x.md": "built on /work/main by /home/someone, as domain.md says\n",
        "tests/data/stored/old.yaml": "# domain.md\n",
    }
    inside = "point into docs/architecture.md or docs/legal-basis.md#anchor instead"
    expected = [
        "README.md:1:24: error: the link 'docs/missing.md' names 'docs/missing.md', which is not "
        "in the repository; link to a file that is",
        "README.md:1:46: error: the link '../other/README.md' leads outside the repository; link "
        "to a file inside it",
        "docs/x.md:1:10: error: '/work/' refers to an absolute path under '/work/', outside the "
        "repository; " + inside,
        "docs/x.md:1:24: error: '/home/someone' refers to a home folder, outside the repository; "
        + inside,
        "docs/x.md:1:42: error: 'domain.md' is not in the repository; " + inside,
        "engine/a.cpp:2:8: error: '../shared' refers to the sibling folder '../shared', outside "
        "the repository; " + inside,
        "engine/a.cpp:2:18: error: 'design.md' is not in the repository; " + inside,
    ]
    with tempfile.TemporaryDirectory() as root:
        for path, text in files.items():
            os.makedirs(os.path.join(root, os.path.dirname(path)), exist_ok=True)
            with open(os.path.join(root, path), "w", encoding="utf-8") as f:
                f.write(text)
        findings = check_tree(root, sorted(files))
    if findings != expected:
        print("self-test failed; expected:", *expected, "found:", *findings, sep="\n")
        return 1
    print(f"self-test passed: {len(expected)} findings as expected")
    return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 2:
        print("usage: check_no_outside_references.py SOURCE_DIR | --self-test", file=sys.stderr)
        return 2
    findings = check_tree(argv[1], tracked_files(argv[1]))
    for finding in findings:
        print(finding)
    if findings:
        print(f"{len(findings)} reference(s) to things outside the repository", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
