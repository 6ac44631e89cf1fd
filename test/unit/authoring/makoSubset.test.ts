import { describe, expect, it } from 'vitest';
import { pyRepr, renderMako, type PyValue } from '../../../src-main/authoring/makoSubset';

const comma = (value: PyValue): PyValue => (value === null ? '' : Array.isArray(value) ? value.join(', ') : value);

// Alembic 1.13's generic template (alembic/templates/generic/script.py.mako), annotated header and all.
const alembic113 = `"""\${message}

Revision ID: \${up_revision}
Revises: \${down_revision | comma,n}
Create Date: \${create_date}

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
\${imports if imports else ""}

# revision identifiers, used by Alembic.
revision: str = \${repr(up_revision)}
down_revision: Union[str, None] = \${repr(down_revision)}
branch_labels: Union[str, Sequence[str], None] = \${repr(branch_labels)}
depends_on: Union[str, Sequence[str], None] = \${repr(depends_on)}


def upgrade() -> None:
    \${upgrades if upgrades else "pass"}
`;

const fields = {
  up_revision: 'ae1027a6acf',
  down_revision: ['1975ea83b712', 'text_to_sql_001'],
  branch_labels: null,
  depends_on: null,
  create_date: '2026-01-16 10:20:30.123000',
  message: "merge the team's heads",
  comma,
};

describe('the Mako subset of script.py.mako', () => {
  it('renders Alembic’s annotated template as Alembic fills it', () => {
    expect(renderMako(alembic113, fields)).toBe(`"""merge the team's heads

Revision ID: ae1027a6acf
Revises: 1975ea83b712, text_to_sql_001
Create Date: 2026-01-16 10:20:30.123000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'ae1027a6acf'
down_revision: Union[str, None] = ('1975ea83b712', 'text_to_sql_001')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass
`);
  });

  it('prints values as Python’s repr does', () => {
    expect(pyRepr(null)).toBe('None');
    expect(pyRepr(['only'])).toBe("('only',)");
    expect(pyRepr("it's")).toBe('"it\'s"');
    expect(pyRepr('say "it\'s"')).toBe("'say \"it\\'s\"'");
    expect(pyRepr('tab\there')).toBe("'tab\\there'");
  });

  it('takes % if / elif / else lines, drops ## comments, joins a line ending in a backslash, and prints %% as %', () => {
    const template = [
      '## a comment',
      '% if branch_labels:',
      'labelled ${branch_labels | comma,n}',
      '% elif down_revision is None:',
      'a root',
      '% else:',
      'plain',
      '% endif',
      'one \\',
      'line',
      '%% literal',
    ].join('\n');
    expect(renderMako(template, { ...fields, branch_labels: ['billing'] })).toBe('labelled billing\none line\n% literal');
    expect(renderMako(template, { ...fields, down_revision: null })).toBe('a root\none line\n% literal');
    expect(renderMako(template, fields)).toBe('plain\none line\n% literal');
  });

  it('drops a <%! %> block of imports (the multidb template’s) and keeps the lines after it where they were', () => {
    expect(renderMako('<%!\nimport re\n\n%>"""${message}', fields)).toBe('\n\n\n"""merge the team\'s heads');
  });

  it('refuses what it does not render, naming the line, instead of writing a wrong file', () => {
    expect(() => renderMako('a\n% for name in names:\n% endfor', fields)).toThrow(/line 2: `% for name in names:`/);
    expect(() => renderMako('a\nb\n<% x = 1 %>', fields)).toThrow(expect.objectContaining({ code: 'E_UNSUPPORTED_TEMPLATE', detail: { line: 3 } }));
    expect(() => renderMako('${config.get_main_option("databases")}', fields)).toThrow(/attribute access/);
    expect(() => renderMako('${unknown_name}', fields)).toThrow(/a name the template is not given/);
    expect(() => renderMako('% if message:\nno end', fields)).toThrow(/without `% endif`/);
  });
});
