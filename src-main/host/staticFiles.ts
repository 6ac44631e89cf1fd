// Serves the built renderer: files under one folder only, index.html for app routes.
import { readFile, realpath } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  } catch {
    return undefined;
  }
  const path = join(root, relative);
  // Nothing outside the renderer folder, whatever the URL says.
  if (!inside(root, path)) return undefined;
  const candidates = extname(relative) ? [path] : [join(root, 'index.html')];
  for (const candidate of candidates) {
    try {
      // A symbolic link in the folder may lead anywhere: what is read must really be inside it too.
      if (!inside(await realpath(root), await realpath(candidate))) return undefined;
      return { body: await readFile(candidate), contentType: types[extname(candidate)] ?? 'application/octet-stream' };
    } catch {
      // fall through: not found
    }
  }
  return undefined;
}
