// One error type with stable codes, shared by the UI, the CLI and the API boundary.

export const errorCodes = [
  'E_UNKNOWN_METHOD',
  'E_INVALID_INPUT',
  'E_INTERNAL',
  'E_UNAUTHORIZED',
  'E_FORBIDDEN',
  'E_REQUEST_TOO_LARGE',
  'E_STORE_LOCKED',
  'E_WRONG_PASSPHRASE',
  'E_WEAK_PASSPHRASE',
  'E_STORE_CORRUPT',
  'E_STORE_KEY_MISSING',
  'E_STORE_READ_ONLY',
  'E_NOT_FOUND',
  'E_DUPLICATE_NAME',
  'E_INVALID_URI',
  'E_AUTH_FAILED',
  'E_PASSWORD_REQUIRED',
  'E_UNKNOWN_DATABASE',
  'E_CONNECTION_REFUSED',
  'E_HOST_NOT_FOUND',
  'E_TIMEOUT',
  'E_SSL_REQUIRED',
  'E_SSL_UNSUPPORTED',
  'E_SSL_CERTIFICATE',
  'E_FILE_NOT_FOUND',
  'E_READ_ONLY',
  'E_CONNECTION_FAILED',
  'E_UNKNOWN_OPERATION',
  'E_CANCELLED',
  'E_PROJECT_NOT_FOUND',
  'E_INVALID_PROJECT',
  'E_UNKNOWN_REVISION',
  'E_AMBIGUOUS_REVISION',
  'E_MULTIPLE_HEADS',
  'E_INVALID_TARGET',
  'E_MIGRATION_FAILED',
  'E_CONNECTION_LOST',
  'E_LOCK_HELD',
  'E_PREFLIGHT',
  'E_CONFIRMATION_REQUIRED',
  'E_NO_DOWNGRADE',
  'E_ALEMBIC_FAILED',
  'E_RESET_FAILED',
  'E_SESSIONS_CONNECTED',
  'E_DATABASE_MISSING',
  'E_RESTORE_FAILED',
  'E_SNAPSHOTS_REMAIN',
  'E_CYCLE',
  'E_BOOKKEEPING_REFUSES',
  'E_TRANSACTION_REFUSED',
  /** The migrations could not be replayed into a scratch database (the expected schema); detail: the failing file and line. */
  'E_REPLAY_FAILED',
  /** A run asked for a rehearsal of its plan on the schema the database has now (--rehearsed), and none succeeded. */
  'E_NOT_REHEARSED',
  /** The rehearsal on a clone failed, so the real run did not start; detail: the rehearsal. */
  'E_REHEARSAL_FAILED',
  /** A reset recipe asked to run on a connection outside its project environment or group (or whose scope was removed). */
  'E_OUT_OF_SCOPE',
  /** A promotion's gates did not all pass, so nothing ran; detail: the promotion record with each gate. */
  'E_PROMOTION_REFUSED',
  /** An SSH host of the route could not be reached (refused, no such host, no answer). */
  'E_SSH_UNREACHABLE',
  /** An SSH host's key is neither pinned nor in ~/.ssh/known_hosts; detail: the host and the key's fingerprint to accept. */
  'E_SSH_HOST_UNKNOWN',
  /** An SSH host's key is not the one pinned (or known_hosts knows); detail: both fingerprints. Never accepted by itself. */
  'E_SSH_HOST_KEY_CHANGED',
  /** An SSH host refused the key, the agent's keys or the password (or the key file could not be read or decrypted). */
  'E_SSH_AUTH_FAILED',
  /** The last SSH host refused to forward to the database (or to the next host of the chain). */
  'E_SSH_FORWARD_DENIED',
  /** A profile bundle's passphrase does not decrypt it (or the bundle was changed): nothing was imported. */
  'E_BUNDLE_PASSPHRASE',
  /** A revision was to be adopted (stamped) on a database that does not hold what it makes; detail: the comparison. */
  'E_ADOPTION_DIFFERS',
  /** A squash's run holds a branch point, a merge or a depends-on, or is not a run of parents at all. */
  'E_SQUASH_NOT_LINEAR',
  /** A connection bound to the project has applied some but not all of a squash's run. */
  'E_SQUASH_INSIDE_RUN',
  /** The squashed project does not replay to the original's schema (up or down), or its SQL cannot carry the whole change. */
  'E_SQUASH_UNPROVEN',
  /** A file of a project write changed on disk since the write was shown, so nothing was written; detail: the files. */
  'E_FILE_CHANGED',
  /** A project write would overwrite files with uncommitted git changes, and was not forced; detail: the files. */
  'E_UNCOMMITTED_CHANGES',
  /** A project write failed part-way (disk full, no permission); every file was put back as it was. */
  'E_WRITE_FAILED',
  /** Undo was asked for a project folder with no write of Switchyard's left to undo. */
  'E_NOTHING_TO_UNDO',
  /** A project's script.py.mako uses Mako beyond what Switchyard renders; detail: the line. */
  'E_UNSUPPORTED_TEMPLATE',
  /** A coordinated run of a project with bindings refused: a revision lives on no bound database, or on two; detail: the anomalies. */
  'E_BINDING_ANOMALY',
  /** The OS keychain cannot hold the store's key here (the CLI, the browser host, a desktop without a keyring); detail: why. */
  'E_KEYCHAIN_UNAVAILABLE',
  /** A file Switchyard would write (a store backup) exists, and replacing it was not asked for; detail: the path. */
  'E_FILE_EXISTS',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** What crosses a process boundary: never a stack trace, never a secret. */
export interface WireError {
  code: ErrorCode;
  message: string;
  detail?: unknown;
}

export class SwitchyardError extends Error {
  readonly code: ErrorCode;
  readonly detail: unknown;

  constructor(code: ErrorCode, message: string, detail?: unknown) {
    super(message);
    this.name = 'SwitchyardError';
    this.code = code;
    this.detail = detail;
  }

  toWire(): WireError {
    return this.detail === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, detail: this.detail };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

/** Anything thrown becomes a WireError; unexpected errors are reported without their internals. */
export function toWireError(error: unknown): WireError {
  if (error instanceof SwitchyardError) return error.toWire();
  return { code: 'E_INTERNAL', message: 'Internal error; see the application log for details.' };
}

export function isWireError(value: unknown): value is WireError {
  return (
    typeof value === 'object' &&
    value !== null &&
    isErrorCode((value as { code?: unknown }).code) &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
