// DBeaver's credentials-config.json: the users and passwords of data-sources.json, encrypted with
// AES-128-CBC under a key DBeaver publishes, the first 16 bytes being the IV. DBeaver documents reading
// it as `openssl aes-128-cbc -d -K babb4a9f774ab853c96c2d653dfe544a -iv 00000000000000000000000000000000
// -in credentials-config.json | dd bs=1 skip=16` (https://github.com/dbeaver/dbeaver/wiki/Admin-Manage-Connections,
// "Encrypted credentials"; the key is DefaultSecureStorage's LOCAL_KEY_CACHE in the DBeaver sources).
// Decrypting with the file's first block as the IV is the same as that command's zero IV and skip=16.
// It protects nothing against anyone holding the file: the passwords go straight into the encrypted store.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const defaultKey = Buffer.from('babb4a9f774ab853c96c2d653dfe544a', 'hex');

export interface DbeaverCredential {
  user?: string;
  password?: string;
}

/** Each connection id's user and password; throws when the bytes are not DBeaver's default encryption. */
export function decryptDbeaverCredentials(file: Buffer): Map<string, DbeaverCredential> {
  if (file.length < 32 || file.length % 16 !== 0) throw new Error(`${file.length} bytes is not an AES-CBC file with its IV`);
  const decipher = createDecipheriv('aes-128-cbc', defaultKey, file.subarray(0, 16));
  const plain = Buffer.concat([decipher.update(file.subarray(16)), decipher.final()]).toString('utf8');
  const parsed = JSON.parse(plain) as Record<string, { '#connection'?: DbeaverCredential }>;
  const credentials = new Map<string, DbeaverCredential>();
  for (const [id, entry] of Object.entries(parsed)) {
    const connection = entry['#connection'];
    if (connection) credentials.set(id, { user: connection.user, password: connection.password });
  }
  return credentials;
}

/** The file DBeaver writes for these credentials (for tests and fixtures: the same format, both ways). */
export function encryptDbeaverCredentials(credentials: Record<string, DbeaverCredential>): Buffer {
  const iv = randomBytes(16);
  const plain = JSON.stringify(Object.fromEntries(Object.entries(credentials).map(([id, c]) => [id, { '#connection': c }])));
  const cipher = createCipheriv('aes-128-cbc', defaultKey, iv);
  return Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]);
}
