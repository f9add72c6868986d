#!/usr/bin/env python3
"""Reads back what `board` and `stats` write for spreadsheets, with readers that share no code
with regflow: the XLSX through zipfile and xml.etree (values, real date cells, the frozen header
row, late rows filled), the CSV through the csv module (RFC 4180: BOM, CRLF, quoting, and a
byte-exact round trip), both compared with the --json output of the same command.

Usage: read_back.py REGFLOW"""
import csv
import datetime
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(regflow, db, *args):
    # The headers and word cells of a sheet follow the language; these checks read the English
    # ones (the shipped settings.yaml says Indonesian).
    env = dict(os.environ, TZ="Asia/Jakarta", REGFLOW_DB=db, REGFLOW_NOW="2021-02-15T09:30",
               REGFLOW_LANG="en")
    env.pop("REGFLOW_USER", None)
    result = subprocess.run([regflow, *args], env=env, capture_output=True)
    if result.returncode != 0:
        sys.exit(f"regflow {' '.join(args)} failed ({result.returncode}): {result.stderr.decode()}")
    return result.stdout


def column_index(ref):
    letters = "".join(c for c in ref if c.isalpha())
    n = 0
    for c in letters:
        n = n * 26 + ord(c) - ord("A") + 1
    return n - 1


class Workbook:
    """The cells of every sheet: (value, is_date, filled) by row and column."""

    def __init__(self, path):
        z = zipfile.ZipFile(path)
        strings = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                strings.append("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")))
        styles = ET.fromstring(z.read("xl/styles.xml"))
        formats = {int(f.get("numFmtId")): f.get("formatCode")
                   for f in styles.findall("m:numFmts/m:numFmt", NS)}
        xfs = styles.findall("m:cellXfs/m:xf", NS)
        fills = styles.findall("m:fills/m:fill", NS)

        def style(index):
            xf = xfs[index]
            code = formats.get(int(xf.get("numFmtId", "0")), "")
            fill = fills[int(xf.get("fillId", "0"))]
            pattern = fill.find("m:patternFill", NS)
            filled = pattern is not None and pattern.get("patternType") == "solid"
            return ("yy" in code and "dd" in code), filled

        rels = {r.get("Id"): r.get("Target")
                for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
        self.sheets = {}
        self.frozen = {}
        for sheet in ET.fromstring(z.read("xl/workbook.xml")).findall("m:sheets/m:sheet", NS):
            root = ET.fromstring(z.read("xl/" + rels[sheet.get(REL)]))
            pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
            self.frozen[sheet.get("name")] = (pane is not None and pane.get("state") == "frozen"
                                              and pane.get("ySplit") == "1")
            rows = []
            for row in root.findall("m:sheetData/m:row", NS):
                cells = {}
                for c in row.findall("m:c", NS):
                    is_date, filled = style(int(c.get("s", "0")))
                    v = c.find("m:v", NS)
                    if v is None:
                        value = None
                    elif c.get("t") == "s":
                        value = strings[int(v.text)]
                    else:
                        value = float(v.text)
                    cells[column_index(c.get("r"))] = (value, is_date, filled)
                width = max(cells) + 1 if cells else 0
                rows.append([cells.get(i, (None, False, False)) for i in range(width)])
            self.sheets[sheet.get("name")] = rows


def excel_date(serial):
    return (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(serial))).isoformat()


def read_csv(data, what):
    check(data.startswith(b"\xef\xbb\xbf"), f"{what}: no UTF-8 byte-order mark")
    text = data[3:].decode("utf-8")
    body = text.replace('""', "")
    quoted = False
    for i, ch in enumerate(body):  # every line break outside quotes is CRLF
        if ch == '"':
            quoted = not quoted
        elif ch == "\n" and not quoted:
            check(i > 0 and body[i - 1] == "\r", f"{what}: a line ends in LF, not CRLF")
            break
    rows = list(csv.reader(io.StringIO(text, newline="")))
    again = io.StringIO(newline="")
    csv.writer(again, lineterminator="\r\n").writerows(rows)
    check(again.getvalue() == text, f"{what}: does not round-trip through the csv module")
    return rows


def cell_text(cell, kind):
    value, is_date, _ = cell
    if value is None:
        return ""
    if kind == "date":
        return excel_date(value)
    if isinstance(value, float):
        return f"{value:g}" if kind != "percent" else repr(value)
    return value


def compare_board(book, rows, board_json):
    sheet = book.sheets["board"]
    header = [c[0] for c in sheet[0]]
    check(header == rows[0], f"board header differs: {header} vs {rows[0]}")
    check(book.frozen["board"], "board: the header row is not frozen")
    dates = {header.index(n) for n in ("due date", "started", "as of")}
    check(len(sheet) - 1 == len(rows) - 1 == len(board_json["dossiers"]),
          "board: xlsx, csv and json hold different numbers of dossiers")
    for xrow, crow, entry in zip(sheet[1:], rows[1:], board_json["dossiers"]):
        xrow = xrow + [(None, False, False)] * (len(header) - len(xrow))
        for i, name in enumerate(header):
            value, is_date, _ = xrow[i]
            if i in dates and value is not None:
                check(is_date and isinstance(value, float),
                      f"board {crow[0]} {name}: not a numeric date cell")
            kind = "date" if i in dates else "text"
            check(cell_text(xrow[i], kind) == crow[i],
                  f"board {crow[0]} {name}: xlsx '{cell_text(xrow[i], kind)}' vs csv '{crow[i]}'")
        check(crow[0] == entry["id"], f"board order differs from --json at {entry['id']}")
        check(crow[header.index("status")] == entry["status"], f"board {entry['id']} status")
        due = (entry.get("deadline") or {}).get("due") or ""
        check(crow[header.index("due date")] == due,
              f"board {entry['id']} due {crow[header.index('due date')]} vs {due}")

        days = entry["days_left"]
        check(crow[header.index("days left")] == ("" if days is None else str(days)),
              f"board {entry['id']} days left")
        late = entry["status"] == "overdue"
        check(all(c[2] == late for c in xrow), f"board {entry['id']}: late fill is {not late}, status {entry['status']}")


def compare_stats(book, tables, stats_json):
    for name, rows in tables.items():
        sheet = book.sheets[name]
        check(book.frozen[name], f"stats {name}: the header row is not frozen")
        header = [c[0] for c in sheet[0]]
        check(header == rows[0], f"stats {name}: header differs")
        check(len(sheet) == len(rows), f"stats {name}: {len(sheet)} xlsx rows, {len(rows)} csv rows")
        for xrow, crow in zip(sheet[1:], rows[1:]):
            for i, cell in enumerate(xrow):
                value, is_date, _ = cell
                if is_date:
                    check(isinstance(value, float), f"stats {name}: a date cell is not numeric")
                    got = excel_date(value)
                elif isinstance(value, float):
                    got = value
                else:
                    got = value or ""
                want = crow[i]
                if isinstance(got, float):
                    check(want != "" and abs(float(want) - got) < 1e-9,
                          f"stats {name} row {crow[0]} col {header[i]}: {got} vs '{want}'")
                else:
                    check(got == want, f"stats {name} row {crow[0]} col {header[i]}: '{got}' vs '{want}'")
    steps = tables["langkah"][1:]
    check(len(steps) == len(stats_json["steps"]), "stats: langkah rows differ from --json steps")
    for row, step in zip(steps, stats_json["steps"]):
        check(row[0] == step["workflow"] and row[1] == step["step"], f"stats step order at {step['step']}")
        check(row[4] == str(step["time"]["count"]), f"stats {step['step']}: stays")
        median = step["time"]["median"]
        check(row[5] == ("" if median is None else str(median)), f"stats {step['step']}: median")
    target = tables["target"]
    check(len(target) - 1 == len(stats_json["targets"]["dossiers"]), "stats: targets differ")
    for row, t in zip(target[1:], stats_json["targets"]["dossiers"]):
        check(row[0] == t["id"] and row[4] == (t["due"] or "") and row[6] == str(t["margin"]),
              f"stats target {t['id']}")


def main():
    regflow = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "babel.db")
        run(regflow, db, "demo", "--now", "2021-02-15T09:00")
        board_xlsx = os.path.join(tmp, "board.xlsx")
        run(regflow, db, "board", "--format", "xlsx", "-o", board_xlsx)
        board_csv = read_csv(run(regflow, db, "board", "--format", "csv"), "board csv")
        board_json = json.loads(run(regflow, db, "--json", "board"))
        compare_board(Workbook(board_xlsx), board_csv, board_json)

        stats_xlsx = os.path.join(tmp, "stats.xlsx")
        run(regflow, db, "stats", "--format", "xlsx", "-o", stats_xlsx)
        book = Workbook(stats_xlsx)
        tables = {}
        for name in book.sheets:
            out = os.path.join(tmp, name + ".csv")
            run(regflow, db, "stats", "--format", "csv", "--table", name, "-o", out)
            with open(out, "rb") as f:
                tables[name] = read_csv(f.read(), f"stats csv {name}")
        check(sorted(tables) == sorted(["langkah", "instansi", "tepat-waktu", "tenggat",
                                        "perpanjangan", "per-bulan", "umur", "target"]),
              f"stats sheets: {sorted(tables)}")
        compare_stats(book, tables, json.loads(run(regflow, db, "--json", "stats")))
        # The one target of the demo: the Governor's Pergub, due 21 January 2021, 25 hari late.
        check(tables["target"][1][:2] == ["PERGUB-2021-0001", "pergub"], "demo target row")
        check(book.sheets["target"][1][4][0] == 44217.0, "demo target due is not 2021-01-21 as a date")
    for failure in failures:
        print("FAIL:", failure)
    print(f"{len(failures)} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
