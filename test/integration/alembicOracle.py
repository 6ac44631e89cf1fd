"""Asks real Alembic about generated projects, for alembicOracle.test.ts.

Reads a JSON list of {"ini": path, "targets": [...]} on stdin and prints, per project, what
`alembic heads`, `alembic branches` and `alembic upgrade <target> --sql` report. One process
for every project: starting Python and SQLAlchemy once keeps the oracle fast.
"""
import io
import json
import re
import sys

from alembic import command
from alembic.config import Config
from alembic.util import CommandError

RUNNING = re.compile(r"^-- Running upgrade .*-> (\S+)\s*$", re.M)


def first_tokens(text, indented):
    return [line.split()[0] for line in text.splitlines() if line.strip() and line[:1].isspace() == indented]


def ask(project):
    out = io.StringIO()
    config = Config(project["ini"], stdout=out)
    command.heads(config)
    heads = first_tokens(out.getvalue(), False)
    out = io.StringIO()
    config = Config(project["ini"], stdout=out)
    command.branches(config)
    branches = first_tokens(out.getvalue(), False)
    upgrades = {}
    for target in project["targets"]:
        sql = io.StringIO()
        config = Config(project["ini"], output_buffer=sql, stdout=io.StringIO())
        try:
            command.upgrade(config, target, sql=True)
            upgrades[target] = {"ok": True, "revisions": RUNNING.findall(sql.getvalue())}
        except CommandError as error:
            upgrades[target] = {"ok": False, "error": str(error), "internal": False}
        except Exception as error:  # Alembic's own assertion failures: not a user-facing answer
            upgrades[target] = {"ok": False, "error": f"{type(error).__name__}: {error}", "internal": True}
    return {"heads": heads, "branches": branches, "upgrades": upgrades}


json.dump([ask(p) for p in json.load(sys.stdin)], sys.stdout)
