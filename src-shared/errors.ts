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
  /** A coordinated run of a project with bindings refused: a revision lives on no bound database, or on two; detail: the anomalies. */
  'E_BINDING_ANOMALY',
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
