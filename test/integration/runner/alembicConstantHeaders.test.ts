// An OpenStack-style project whose expand/contract branches are labelled through constants of the
// service's own modules: Switchyard's graph, read without running Python, equals real Alembic's.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src-shared/graph/revisionGraph';
import { readAlembicFolder } from '../../support/alembicFolders';
import { fixtures } from '../../support/revisions';

const project = `${fixtures}alembic-expand-contract`;

// What `alembic heads` and `alembic history` are computed from: the script directory's revision map.
const askAlembic = `
import json
from alembic.config import Config
from alembic.script import ScriptDirectory
script = ScriptDirectory.from_config(Config("alembic.ini"))
revisions = {
    r.revision: {
        "parents": sorted(r._versioned_down_revisions),
        "labels": sorted(r._orig_branch_labels),
        "dependsOn": sorted(r._resolved_dependencies),
    }
    for r in script.walk_revisions()
}
print(json.dumps({"heads": sorted(script.get_heads()), "revisions": revisions}))
`;

describe('an expand/contract project labelled through constants', () => {
  it('has the heads, parents, labels and dependencies real Alembic gives it', () => {
    // Alembic imports the revisions, which import the service's modules: run it where prepend_sys_path = . finds them, writing no bytecode into the fixture.
    const alembic = spawnSync('/usr/bin/python3', ['-c', askAlembic], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    expect(alembic.stderr).toBe('');
    const truth = JSON.parse(alembic.stdout) as { heads: string[]; revisions: Record<string, { parents: string[]; labels: string[]; dependsOn: string[] }> };

    const files = readAlembicFolder(project);
    expect(files.unreadable).toEqual([]);
    const graph = buildGraph(files.files.map((f) => f.revision));
    expect([...graph.heads].sort()).toEqual(truth.heads);
    expect(truth.heads).toHaveLength(2);
    const ours = Object.fromEntries(
      files.files.map(({ revision: r }) => [r.id, { parents: [...r.parents].sort(), labels: [...r.branchLabels].sort(), dependsOn: [...r.dependsOn].sort() }]),
    );
    expect(ours).toEqual(truth.revisions);
  });
});
