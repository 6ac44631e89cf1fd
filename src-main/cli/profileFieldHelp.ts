// The profiles command's list of fields, written from the profile field table: a field, a choice or an
// engine added there is in `switchyard profiles --help` without an edit here.
import { engineDescriptions } from '../../src-shared/model/engineDescription';
import { profileFieldNames, profileFieldTable, type ProfileField } from '../../src-shared/model/profile';

/** Past this, a flag's label goes on the next line rather than pushing every label far right. */
const flagColumn = 36;

function flagText(field: ProfileField): string {
  switch (field.kind) {
    case 'boolean':
      return `--${field.flag} | --${field.offFlag}`;
    case 'choice':
      return `--${field.flag} ${field.choices.join('|')}`;
    case 'integer':
      return `--${field.flag} N`;
    case 'path':
      return `--${field.flag} PATH`;
    case 'text':
      return `--${field.flag} TEXT`;
  }
}

function labelText(field: ProfileField): string {
  const engines = field.usedBy?.map((engine) => engineDescriptions[engine].label);
  return engines ? `${field.label} (${engines.join(', ')})` : field.label;
}

/** One line per field (two when its flag is long): the flag with what it takes, then the field's label and the engines that use it. */
export function profileFieldHelp(indent = '  '): string {
  return profileFieldNames
    .map((name) => {
      const field: ProfileField = profileFieldTable[name];
      const flag = flagText(field);
      return flag.length > flagColumn
        ? `${indent}${flag}\n${indent}${' '.repeat(flagColumn + 2)}${labelText(field)}`
        : `${indent}${flag.padEnd(flagColumn)}  ${labelText(field)}`;
    })
    .join('\n');
}
