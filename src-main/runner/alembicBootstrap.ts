// The Python that starts the project's Alembic for us. Switchyard talks to it through its stdin: the
// first line is the run's settings (the URL, password included, never goes through the environment
// or argv), a later "stop" asks it to stop between revisions, and end-of-file means Switchyard is
// gone (a SIGKILL cannot be trapped, but it always closes the pipe): cancel and exit.

/** The advisory lock the child takes in its own migration connection (classid 'SYAR', objid 2). */
export const alembicLockKey = [0x53594152, 2] as const;

/** Exit codes the bootstrap uses to say why it stopped. */
export const bootstrapExit = { lockHeld: 75, stopped: 130 } as const;

export interface BootstrapSettings {
  url: string;
  lockTimeoutMs: number;
  /** Set when alembic.ini has none (Flask-Migrate's folder is its own script folder). */
  scriptLocation?: string;
}

export const bootstrap = `
import json, os, sys, threading, time
from alembic.config import CommandLine, Config
from alembic.runtime.migration import MigrationContext

settings = json.loads(sys.stdin.readline() or "{}")
stop_requested = threading.Event()
stopped_early = threading.Event()
connections = []

def watch_switchyard():
    for line in sys.stdin:
        if line.strip() == "stop":
            stop_requested.set()
    # Switchyard is gone: the statement in flight must not finish a migration nobody watches.
    for connection in connections:
        try:
            fairy = connection.connection
            (getattr(fairy, "dbapi_connection", None) or fairy.connection).cancel()
        except Exception:
            pass
    os._exit(137)

threading.Thread(target=watch_switchyard, daemon=True).start()

def take_run_lock(connection):
    # Held by the migration connection itself, so it lasts exactly as long as the migration's work
    # on the server, even if this process is killed while a statement runs.
    from sqlalchemy import text
    deadline = time.monotonic() + settings.get("lockTimeoutMs", 10000) / 1000
    query = text("SELECT pg_try_advisory_lock(CAST(:a AS integer), CAST(:b AS integer))")
    while not connection.execute(query, {"a": ${alembicLockKey[0]}, "b": ${alembicLockKey[1]}}).scalar():
        if time.monotonic() >= deadline:
            sys.stderr.write("Another Alembic run on this database is still running (it holds the run lock).\\n")
            sys.exit(${bootstrapExit.lockHeld})
        time.sleep(0.25)

run_migrations = MigrationContext.run_migrations

def run_until_stopped(self, **kw):
    if self.connection is not None and not self.as_sql:
        connections.append(self.connection)
        if self.connection.dialect.name == "postgresql":
            take_run_lock(self.connection)
    steps_of = self._migrations_fn
    def steps(heads, context):
        for step in steps_of(heads, context):
            if stop_requested.is_set():
                stopped_early.set()
                return
            yield step
    self._migrations_fn = steps
    run_migrations(self, **kw)

MigrationContext.run_migrations = run_until_stopped

cli = CommandLine(prog="alembic")
options = cli.parser.parse_args(sys.argv[1:])
# The Config as CommandLine.main builds it (alembic/config.py): from Alembic 1.16, -c is a list that may
# also name pyproject.toml, sorted out by _inis_from_config; before it, one file name.
if hasattr(cli, "_inis_from_config"):
    toml, ini = cli._inis_from_config(options)
    config = Config(file_=ini, toml_file=toml, ini_section=options.name, cmd_opts=options)
else:
    config = Config(file_=options.config, ini_section=options.name, cmd_opts=options)
url = settings.get("url")
# ConfigParser interpolates %: escape it so the URL arrives exactly as given.
if url: config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
# Flask-Migrate's alembic.ini has no script_location: \`flask db\` sets it to the ini's folder; so do we.
if settings.get("scriptLocation") and not config.get_main_option("script_location"):
    config.set_main_option("script_location", settings["scriptLocation"].replace("%", "%%"))
cli.run_cmd(config, options)
if stopped_early.is_set():
    sys.exit(${bootstrapExit.stopped})
`;
