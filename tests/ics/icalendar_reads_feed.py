"""An independent parser reads `regflow ics`: python3-icalendar parses the feed of the demo
database, and what it finds must agree with what `show`, `list` and `board` say about the same
dossiers (those replay events; the feed reads the projections).

Usage: icalendar_reads_feed.py REGFLOW_BINARY SOURCE_DIR
"""

import datetime
import json
import subprocess
import sys
import tempfile

try:
    import icalendar
except ImportError:
    sys.exit("python3-icalendar is missing: apt-get install python3-icalendar "
             "(CMake picks a python3 that can import it; see tests/ics/CMakeLists.txt)")

NOW = "2021-02-15T09:00"  # WIB, so DTSTAMP is 02:00 UTC
LATER = "2021-02-16T09:00"
RUNNING = {"on track", "due soon", "overdue"}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def regflow(db, *args, now=NOW):
    command = [REGFLOW, "--db", db, "--config", SOURCE, "--now", now, *args]
    result = subprocess.run(command, capture_output=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} exited {result.returncode}: {result.stderr.decode()}")
    return result.stdout


def regflow_json(db, *args, now=NOW):
    return json.loads(regflow(db, "--json", *args, now=now))


def check_octets(raw, name):
    """RFC 5545 3.1 at the byte level: CRLF only, at most 75 octets a line, and folds that never
    split a UTF-8 character (each physical line decodes on its own)."""
    check(raw.endswith(b"\r\n"), f"{name}: does not end with CRLF")
    lines = raw.split(b"\r\n")[:-1]
    for number, line in enumerate(lines, 1):
        check(b"\n" not in line and b"\r" not in line, f"{name}:{number}: bare CR or LF")
        check(len(line) <= 75, f"{name}:{number}: {len(line)} octets")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            failures.append(f"{name}:{number}: a fold split a UTF-8 character: {line!r}")


def events_of(raw, name):
    calendar = icalendar.Calendar.from_ical(raw)
    check(str(calendar.get("VERSION")) == "2.0", f"{name}: VERSION is not 2.0")
    check(str(calendar.get("PRODID", "")) != "", f"{name}: no PRODID")
    events = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID"))
        check(uid not in events, f"{name}: UID {uid} appears twice")
        events[uid] = event
    return events


def date_of(event, key):
    value = event.decoded(key)
    # An all-day event: a DATE, not a DATE-TIME (datetime is a subclass of date).
    check(type(value) is datetime.date, f"{event.get('UID')}: {key} is {value!r}, not a date")
    return value


def expected_deadlines(db, installation, now=NOW):
    """(uid -> (due, dossier, deadline)) from `show --json` of every open dossier."""
    expected = {}
    for row in regflow_json(db, "list", "--open", now=now):
        dossier = regflow_json(db, "show", row["id"], now=now)
        for deadline in dossier["deadlines"]:
            if deadline["status"] in RUNNING and deadline["due"]:
                uid = f"{row['id']}.{deadline['id']}@{installation}"
                expected[uid] = (datetime.date.fromisoformat(deadline["due"]), dossier, deadline)
    return expected


def main():
    with tempfile.TemporaryDirectory(prefix="regflow-ics-") as folder:
        db = f"{folder}/demo.db"
        regflow(db, "demo")
        first = regflow(db, "ics")
        check_octets(first, "first export")
        events = events_of(first, "first export")
        check(len(events) > 5, f"the demo feed has only {len(events)} event(s)")
        installation = next(iter(events)).rsplit("@", 1)[-1] if events else "regflow"

        # Every dated running deadline of every open dossier, and nothing else.
        expected = expected_deadlines(db, installation)
        check(set(events) == set(expected),
              f"UIDs differ from show --json: extra {sorted(set(events) - set(expected))}, "
              f"missing {sorted(set(expected) - set(events))}")
        for uid, (due, dossier, deadline) in expected.items():
            if uid not in events:
                continue
            event = events[uid]
            check(date_of(event, "DTSTART") == due, f"{uid}: DTSTART is not {due}")
            check(date_of(event, "DTEND") == due + datetime.timedelta(days=1),
                  f"{uid}: DTEND is not the day after {due}")
            check(event.decoded("DTSTAMP") == datetime.datetime(2021, 2, 15, 2, 0,
                                                                tzinfo=datetime.timezone.utc),
                  f"{uid}: DTSTAMP is {event.decoded('DTSTAMP')!r}, not --now in UTC")
            check(dossier["id"] in str(event.get("SUMMARY")), f"{uid}: SUMMARY lacks the id")
            description = str(event.get("DESCRIPTION"))
            check(deadline["basis"] in description, f"{uid}: DESCRIPTION lacks the basis")
            check(f"regflow show {dossier['id']}" in description, f"{uid}: DESCRIPTION lacks the link")
            categories = [str(c) for c in event.get("CATEGORIES").cats]
            check(deadline["status"] in categories,
                  f"{uid}: CATEGORIES {categories} lack the status '{deadline['status']}'")
            check(dossier["held_by"] in categories, f"{uid}: CATEGORIES lack '{dossier['held_by']}'")

        # The board's most urgent deadline of each dossier is in the feed on the same date.
        board = regflow_json(db, "board")
        for entry in board["dossiers"]:
            deadline = entry.get("deadline")
            if not deadline or not deadline["due"]:
                continue
            uid = f"{entry['id']}.{deadline['id']}@{installation}"
            check(uid in events, f"board deadline {uid} is not in the feed")
            if uid in events:
                check(str(date_of(events[uid], "DTSTART")) == deadline["due"],
                      f"{uid}: DTSTART differs from board --json due {deadline['due']}")

        # The same database and --now give the same bytes.
        check(regflow(db, "ics") == first, "a second export at the same --now differs")

        # An extension moves its event under the same UID with a higher SEQUENCE; every other
        # event keeps its UID, date and SEQUENCE.
        # Extended by a kepala of the agency that holds the dossier, as the engine requires.
        extender = {"biro-hukum": "rudi", "dinas-kukm": "elfiana", "bapenda": "dewi"}
        holder = {entry["id"]: entry.get("held_by", "") for entry in board["dossiers"]}
        moved_uid = next((uid for uid, (_, _, d) in sorted(expected.items())
                          if d["status"] == "on track"
                          and holder.get(uid.split(".", 1)[0]) in extender), None)
        check(moved_uid is not None, "the demo has no on-track deadline to extend")
        if moved_uid is None:
            return
        dossier_id, deadline_id = moved_uid.split("@")[0].split(".", 1)
        new_due = expected[moved_uid][0] + datetime.timedelta(days=30)
        regflow(db, "--as", extender[holder[dossier_id]], "extend", dossier_id, deadline_id, "--to", new_due.isoformat(),
                "--reason", "menunggu fasilitasi", now=LATER)
        regflow(db, "ics", "-o", f"{folder}/feed.ics", now=LATER)
        with open(f"{folder}/feed.ics", "rb") as file:
            second_raw = file.read()
        check_octets(second_raw, "export after the extension")
        second = events_of(second_raw, "export after the extension")
        check(set(second) == set(events), "the UIDs changed between two exports")
        for uid, event in events.items():
            if uid not in second:
                continue
            after = second[uid]
            before_sequence, after_sequence = int(event.get("SEQUENCE")), int(after.get("SEQUENCE"))
            if uid == moved_uid:
                check(date_of(after, "DTSTART") == new_due, f"{uid}: not moved to {new_due}")
                check(after_sequence > before_sequence,
                      f"{uid}: SEQUENCE {after_sequence} after the extension, {before_sequence} before")
                check("extended from" in str(after.get("DESCRIPTION")), f"{uid}: extension not told")
            elif not uid.startswith(dossier_id + "."):
                check(date_of(after, "DTSTART") == date_of(event, "DTSTART"), f"{uid}: moved")
                check(after_sequence == before_sequence, f"{uid}: SEQUENCE changed")

        # An agency's feed is the part of the whole feed on the dossiers its queue shows.
        for agency in ("biro-hukum", "dinas-kukm", "gubernur"):
            own = events_of(regflow(db, "ics", "--agency", agency, now=LATER), f"--agency {agency}")
            queue = {e["id"] for e in regflow_json(db, "queue", agency, now=LATER)["dossiers"]}
            wanted = {uid for uid in second if uid.split(".", 1)[0] in queue}
            check(set(own) == wanted, f"--agency {agency}: {sorted(set(own) ^ wanted)} differ")


if __name__ == "__main__":
    REGFLOW, SOURCE = sys.argv[1], sys.argv[2]
    main()
    for failure in failures:
        print(f"FAILED: {failure}")
    if failures:
        sys.exit(1)
    print("ok: python3-icalendar reads the feed and agrees with show, board and queue")
