#!/usr/bin/env node
// CI installs with `npm ci`, which refuses a lock file that lacks any optional dependency a package
// declares (even one for another platform). npm writes such a lock silently when the registry it
// reached had no copy of those packages: `dbmate` 2.36.0's darwin/win32/linux-arm binaries were
// missing from the registry this project's CI reaches, and the whole CI failed in six seconds. This
// check runs with `npm run lint` so the next such lock file is caught before it is committed.
import { readFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const packages = lock.packages ?? {};
const missing = [];
for (const [where, entry] of Object.entries(packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    // npm resolves a dependency from the nearest node_modules up the tree, as Node does.
    const candidates = [];
    let base = where;
    for (;;) {
      candidates.push(`${base ? `${base}/` : ''}node_modules/${name}`);
      const cut = base.lastIndexOf('node_modules/');
      if (cut < 0) break;
      base = base.slice(0, cut).replace(/\/$/, '');
    }
    if (!candidates.some((c) => c in packages)) missing.push(`${where || '(root)'} → ${name}`);
  }
}
if (missing.length > 0) {
  console.error(
    `package-lock.json lacks ${missing.length} optional ${missing.length === 1 ? 'dependency' : 'dependencies'}; \`npm ci\` will refuse it:\n  ${missing.join('\n  ')}\n` +
      'Pick versions whose packages the registry has for every platform, then run `npm install` again.',
  );
  process.exit(1);
}
console.log(`package-lock.json: every optional dependency of ${Object.keys(packages).length} packages is locked`);
