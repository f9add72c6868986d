#!/usr/bin/env python3
"""Keeps the README's examples true: runs every ```console block of README.md, in order, in one
temporary folder, and compares what regflow prints with what the README shows.

In a console block, a line starting with "$ " is a command and the lines after it, up to the next
command, are its output (stdout, then stderr). A command is
either `regflow ARGS...` (run with the binary under test) or `export NAME=VALUE...` (sets the
environment of the commands that follow, across blocks). Blocks of other languages (```sh) are
not run.

    check_readme.py --regflow build/cli/regflow README.md            check (exit 1 on a difference)
    check_readme.py --regflow build/cli/regflow README.md --update   rewrite the outputs in place

The commands run in English (REGFLOW_LANG=en), as the README shows them, unless --lang says
otherwise. With --golden FILE the same walkthrough is compared with FILE instead of the README
(every command and its output, one after the other): that is how its Indonesian words are pinned
(tests/readme/walkthrough-id.golden, --lang id); --update rewrites FILE.
"""
import argparse
import difflib
import os
import shlex
import subprocess
import sys
import tempfile


def parse_blocks(lines):
    """Yields (start, end) line indexes of the body of each ```console block."""
    i = 0
    while i < len(lines):
        if lines[i].rstrip() == "```console":
            start = i + 1
            end = start
            while end < len(lines) and lines[end].rstrip() != "```":
                end += 1
            if end == len(lines):
                sys.exit(f"README: the console block opened on line {i + 1} is never closed")
            yield start, end
            i = end + 1
        else:
            i += 1


def run(command, regflow, env, cwd, where):
    words = shlex.split(command)
    if not words:
        sys.exit(f"{where}: empty command")
    if words[0] == "export":
        for assignment in words[1:]:
            name, sep, value = assignment.partition("=")
            if not sep:
                sys.exit(f"{where}: 'export {assignment}' has no '='")
            env[name] = value
        return []
    if words[0] != "regflow":
        sys.exit(f"{where}: only 'regflow ...' and 'export NAME=VALUE' can be run, not '{words[0]}'")
    result = subprocess.run([regflow] + words[1:], cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, timeout=120)
    # stdout, then stderr: a terminal interleaves them, but buffering makes that order unstable.
    text = result.stdout.rstrip("\n") + ("\n" if result.stdout and result.stderr else "") + result.stderr.rstrip("\n")
    return [line.rstrip() for line in text.split("\n")] if text else []


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--regflow", required=True)
    parser.add_argument("--update", action="store_true")
    parser.add_argument("--lang", default="en", help="REGFLOW_LANG of the commands (en or id)")
    parser.add_argument("--golden", help="compare the whole walkthrough with this file instead")
    parser.add_argument("readme")
    args = parser.parse_args()
    regflow = os.path.abspath(args.regflow)
    with open(args.readme, encoding="utf-8") as f:
        lines = f.read().split("\n")

    # A pipe has no terminal width; COLUMNS from the caller's shell would narrow the board.
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGFLOW_") and k != "COLUMNS"}
    env["TZ"] = "Asia/Jakarta"
    env["REGFLOW_LANG"] = args.lang
    out = []
    walkthrough = []
    copied = 0
    failures = 0
    examples = 0
    with tempfile.TemporaryDirectory(prefix="regflow-readme-") as cwd:
        for start, end in parse_blocks(lines):
            out.extend(lines[copied:start])
            body = lines[start:end]
            i = 0
            while i < len(body):
                if not body[i].startswith("$ "):
                    sys.exit(f"{args.readme}:{start + i + 1}: expected a '$ ' command line")
                command = body[i][2:]
                j = i + 1
                while j < len(body) and not body[j].startswith("$ "):
                    j += 1
                shown = [line.rstrip() for line in body[i + 1:j]]
                examples += 1
                actual = run(command, regflow, env, cwd, f"{args.readme}:{start + i + 1}")
                out.append(body[i])
                out.extend(actual)
                walkthrough.append(body[i])
                walkthrough.extend(actual)
                if actual != shown:
                    failures += 1
                    if not args.update:
                        print(f"{args.readme}:{start + i + 1}: the output of '{command}' differs:")
                        sys.stdout.writelines(line + "\n" for line in difflib.unified_diff(
                            shown, actual, "README", "regflow", lineterm=""))
                i = j
            copied = end
        out.extend(lines[copied:])

    if examples == 0:
        print(f"{args.readme}: no ```console examples found; nothing was checked")
        return 1
    if args.golden:
        text = "\n".join(walkthrough) + "\n"
        if args.update:
            with open(args.golden, "w", encoding="utf-8") as f:
                f.write(text)
            print(f"{args.golden}: rewritten")
            return 0
        with open(args.golden, encoding="utf-8") as f:
            pinned = f.read()
        if pinned != text:
            sys.stdout.writelines(line + "\n" for line in difflib.unified_diff(
                pinned.split("\n"), text.split("\n"), args.golden, "regflow", lineterm=""))
            print(f"the walkthrough in '{args.lang}' differs from {args.golden}; regenerate with "
                  f"--lang {args.lang} --golden {args.golden} --update and read the diff")
            return 1
        return 0
    if args.update:
        with open(args.readme, "w", encoding="utf-8") as f:
            f.write("\n".join(out))
        print(f"{args.readme}: {failures} example(s) rewritten")
        return 0
    if failures:
        print(f"{failures} README example(s) out of step; regenerate with: "
              f"python3 tests/readme/check_readme.py --regflow PATH/regflow README.md --update")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
