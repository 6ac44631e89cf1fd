// Serves the built renderer: files under one folder only, index.html for app routes.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

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
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  const candidates = extname(relative) ? [path] : [join(root, 'index.html')];
  for (const candidate of candidates) {
    try {
      return { body: await readFile(candidate), contentType: types[extname(candidate)] ?? 'application/octet-stream' };
    } catch {
      // fall through: not found
    }
  }
  return undefined;
}
