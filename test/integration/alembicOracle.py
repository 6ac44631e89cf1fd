"""Asks real Alembic about generated projects, for alembicOracle.test.ts.

Reads a JSON list of {"ini": path, "targets": [...], "downgrades": [...]} on stdin and prints,
per project, what `alembic heads`, `alembic branches`, `alembic upgrade <target> --sql` and
`alembic downgrade <start>:<target> --sql` report. One process
for every project: starting Python and SQLAlchemy once keeps the oracle fast.
"""
import io
import json
import re
import sys

from alembic import command
from alembic.config import Config
from alembic.util import CommandError

RUNNING = {
    "upgrade": re.compile(r"^-- Running upgrade .*-> (\S+)\s*$", re.M),
    "downgrade": re.compile(r"^-- Running downgrade (\S+) ->", re.M),
}
HEAD_LINE = re.compile(r"^(\S+)((?: \([^)]*\))*)\s*$")


def head(line):
    """`id (label, label) (effective head)` as {"id", "labels", "effective"}."""
    match = HEAD_LINE.match(line)
    parts = re.findall(r"\(([^)]*)\)", match.group(2))
    labels = [label for part in parts if part not in ("head", "effective head") for label in part.split(", ")]
    return {"id": match.group(1), "labels": labels, "effective": "effective head" in parts}


def first_tokens(text, indented):
    return [line.split()[0] for line in text.splitlines() if line.strip() and line[:1].isspace() == indented]


def run(project, direction, target):
    sql = io.StringIO()
    config = Config(project["ini"], output_buffer=sql, stdout=io.StringIO())
    try:
        getattr(command, direction)(config, target, sql=True)
        return {"ok": True, "revisions": RUNNING[direction].findall(sql.getvalue())}
    except CommandError as error:
        return {"ok": False, "error": str(error), "internal": False}
    except Exception as error:  # Alembic's own assertion failures: not a user-facing answer
        return {"ok": False, "error": f"{type(error).__name__}: {error}", "internal": True}


def ask(project):
    out = io.StringIO()
    config = Config(project["ini"], stdout=out)
    command.heads(config)
    heads = [head(line) for line in out.getvalue().splitlines() if line.strip()]
    out = io.StringIO()
    config = Config(project["ini"], stdout=out)
    command.branches(config)
    branches = first_tokens(out.getvalue(), False)
    return {
        "heads": heads,
        "branches": branches,
        "upgrades": {target: run(project, "upgrade", target) for target in project["targets"]},
        "downgrades": {target: run(project, "downgrade", target) for target in project["downgrades"]},
    }


json.dump([ask(p) for p in json.load(sys.stdin)], sys.stdout)
