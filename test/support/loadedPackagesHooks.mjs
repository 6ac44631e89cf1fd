// The loader hooks of loadedPackages.mjs: every package an `import` resolves to, one name a line.
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let file = '';

export function initialize(data) {
  file = data.file;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (resolved.url.startsWith('file:')) {
    const name = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(fileURLToPath(resolved.url))?.[1];
    if (name) appendFileSync(file, `${name}\n`);
  }
  return resolved;
}
