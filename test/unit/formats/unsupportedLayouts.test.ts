// A folder of another tool's migrations is named as that tool's, never read as Alembic's nor refused
// as "no migrations".
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SwitchyardError } from '../../../src-shared/errors';
import { readProject } from '../../../src-main/migrations/readers/detectProject';
import { tempDir } from '../../support/tempDir';

function folder(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function refusal(dir: string): SwitchyardError {
  try {
    readProject(dir);
  } catch (error) {
    if (error instanceof SwitchyardError) return error;
    throw error;
  }
  throw new Error(`${dir} was read as a project`);
}

const django = 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n    dependencies = []\n';

describe('migration folders of tools Switchyard does not read', () => {
  it('names a Django migrations folder instead of reading its files as Alembic revisions', () => {
    const dir = folder({ '__init__.py': '', '0001_initial.py': django, '0002_add_price.py': django });
    const error = refusal(dir);
    expect(error.code).toBe('E_PROJECT_NOT_FOUND');
    expect(error.message).toContain('2 files of Django (its migrations run with `manage.py migrate`), which Switchyard does not read');
  });

  it('names Rails, Liquibase, knex-style and Entity Framework folders', () => {
    expect(refusal(folder({ '20240101120000_create_users.rb': 'class CreateUsers < ActiveRecord::Migration[7.1]\nend\n' })).message).toContain('Rails');
    expect(refusal(folder({ 'db.changelog-master.yaml': 'databaseChangeLog: []\n' })).message).toContain('Liquibase');
    expect(refusal(folder({ '20240101120000_init.js': 'exports.up = () => {};\n' })).message).toContain('JavaScript/TypeScript migration tool');
    expect(refusal(folder({ '20240101120000_Init.cs': 'public partial class Init : Migration {}\n' })).message).toContain('Entity Framework Core');
  });

  it('still reads a bare folder of Alembic revision files', () => {
    const dir = folder({
      'a1_first.py': `"""first"""\nrevision = 'a1'\ndown_revision = None\n`,
      'b2_second.py': `"""second"""\nrevision = 'b2'\ndown_revision = 'a1'\n`,
    });
    const files = readProject(dir);
    expect(files.format).toBe('alembic');
    expect(files.files.map((f) => f.revision.id).sort()).toEqual(['a1', 'b2']);
  });
});
