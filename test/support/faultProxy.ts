// A loopback TCP proxy in front of the test PostgreSQL that reads the wire protocol and, when a
// client's statement matches a pattern, holds it there and tells the test, so the test can SIGKILL
// the client at exactly that statement (issue 10: "trust under faults").
//
// Two places to stop:
// - 'beforeServer': the statement never reaches the server (nor does anything the client sends
//   after it); the server only sees the connection drop when the client dies.
// - 'afterReply': the statement reaches the server and runs to its end (the server's ReadyForQuery),
//   but the client never receives the reply, as when a process dies between the server's commit and
//   reading the answer.
// The client is always told the server does not do SSL (SSLRequest/GSSENCRequest answered 'N'), so
// every frame is readable here.
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export type HoldMode = 'beforeServer' | 'afterReply';

/** A pattern on the SQL, or a test of it given the statements seen since the hold was asked for. */
export type StatementMatch = RegExp | ((sql: string, earlier: readonly string[]) => boolean);

export interface HeldStatement {
  /** The SQL text of the matched 'Q' (simple query) or 'P' (parse) message. */
  sql: string;
  /** The database named in the connection's startup message. */
  database: string;
  mode: HoldMode;
  /** Lets the held statement (and its reply) through, as if nothing had happened. */
  release(): void;
  /** Resolves when the client that sent it has closed its connection (it exited, or was killed). */
  clientGone: Promise<void>;
}

export interface FaultProxy {
  host: string;
  port: number;
  /**
   * Resolves when the next statement matching `match` arrives, held at `mode`. Only that one
   * statement is held; everything before and after it passes through.
   */
  holdAt(match: StatementMatch, mode?: HoldMode): Promise<HeldStatement>;
  /** Forgets holds that never matched (the client finished without reaching them). */
  disarm(): void;
  /** Every statement seen so far, in order, on all connections. */
  statements(): readonly string[];
  /** The local ports of every connection the proxy has made to the server: pg_stat_activity's client_port. */
  serverSidePorts(): readonly number[];
  close(): Promise<void>;
}

interface Upstream {
  host: string;
  port: number;
}

const sslRequestCode = 80877103;
const gssEncRequestCode = 80877104;
const cancelRequestCode = 80877102;

interface Trap {
  matches: (sql: string) => boolean;
  mode: HoldMode;
  resolve: (held: HeldStatement) => void;
}

/** Splits a byte stream into PostgreSQL frames: [type byte] + int32 length (counting itself) + body. */
class FrameReader {
  private buffer = Buffer.alloc(0);

  constructor(private typed: boolean) {}

  /** After the startup message every frame carries a type byte. */
  startTyped(): void {
    this.typed = true;
  }

  push(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
  }

  next(): Buffer | undefined {
    const header = this.typed ? 1 : 0;
    if (this.buffer.length < header + 4) return undefined;
    const size = header + this.buffer.readInt32BE(header);
    if (this.buffer.length < size) return undefined;
    const frame = this.buffer.subarray(0, size);
    this.buffer = this.buffer.subarray(size);
    return frame;
  }
}

function cString(frame: Buffer, start: number): { text: string; end: number } {
  const end = frame.indexOf(0, start);
  return { text: frame.toString('utf8', start, end), end: end + 1 };
}

/** The SQL a typed client frame carries, if it is a simple query or a parse. */
function statementOf(frame: Buffer): string | undefined {
  const type = String.fromCharCode(frame[0] ?? 0);
  if (type === 'Q') return cString(frame, 5).text;
  if (type === 'P') return cString(frame, cString(frame, 5).end).text;
  return undefined;
}

function startupDatabase(frame: Buffer): string {
  const pairs: string[] = [];
  for (let at = 8; at < frame.length - 1;) {
    const { text, end } = cString(frame, at);
    pairs.push(text);
    at = end;
  }
  const user = pairs[pairs.indexOf('user') + 1] ?? '';
  const index = pairs.indexOf('database');
  return index >= 0 ? (pairs[index + 1] ?? user) : user;
}

export async function startFaultProxy(upstream: Upstream): Promise<FaultProxy> {
  const traps: Trap[] = [];
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const ports: number[] = [];

  function springTrap(sql: string): Trap | undefined {
    const index = traps.findIndex((t) => t.matches(sql));
    return index >= 0 ? traps.splice(index, 1)[0] : undefined;
  }

  function relay(client: Socket): void {
    const server = createConnection(upstream);
    server.once('connect', () => ports.push(server.localPort ?? 0));
    sockets.add(client);
    sockets.add(server);
    const fromClient = new FrameReader(false);
    const fromServer = new FrameReader(true);
    let database = '';
    // While a statement is held, what the client sends next waits here, in order.
    let clientBacklog: Buffer[] | undefined;
    // In 'afterReply', the server's answers wait here until released (or forever).
    let serverBacklog: Buffer[] | undefined;
    let onServerReady: (() => void) | undefined;
    const clientGone = new Promise<void>((resolve) => client.once('close', () => resolve()));

    const end = () => {
      client.destroy();
      server.destroy();
      sockets.delete(client);
      sockets.delete(server);
    };
    client.on('close', end);
    server.on('close', end);
    client.on('error', end);
    server.on('error', end);

    function hold(trap: Trap, sql: string, frame: Buffer): void {
      let released = false;
      const held: HeldStatement = {
        sql,
        database,
        mode: trap.mode,
        clientGone,
        release() {
          if (released) return;
          released = true;
          if (trap.mode === 'beforeServer') {
            const waiting = clientBacklog ?? [];
            clientBacklog = undefined;
            server.write(frame);
            for (const f of waiting) forwardClientFrame(f);
          } else {
            const waiting = serverBacklog ?? [];
            serverBacklog = undefined;
            for (const f of waiting) client.write(f);
          }
        },
      };
      if (trap.mode === 'beforeServer') {
        clientBacklog = [];
        trap.resolve(held);
        return;
      }
      serverBacklog = [];
      server.write(frame);
      // Signalled once the server has finished the statement: its ReadyForQuery is in the backlog.
      onServerReady = () => trap.resolve(held);
    }

    function forwardClientFrame(frame: Buffer): void {
      if (clientBacklog) {
        clientBacklog.push(frame);
        return;
      }
      const sql = statementOf(frame);
      if (sql !== undefined) {
        seen.push(sql);
        const trap = springTrap(sql);
        if (trap) {
          hold(trap, sql, frame);
          return;
        }
      }
      server.write(frame);
    }

    let startupDone = false;
    client.on('data', (chunk: Buffer) => {
      fromClient.push(chunk);
      for (let frame = fromClient.next(); frame; frame = fromClient.next()) {
        if (startupDone) {
          forwardClientFrame(frame);
          continue;
        }
        const code = frame.readInt32BE(4);
        if (code === sslRequestCode || code === gssEncRequestCode) {
          client.write('N');
          continue;
        }
        server.write(frame);
        if (code !== cancelRequestCode) {
          database = startupDatabase(frame);
          startupDone = true;
          fromClient.startTyped();
        }
      }
    });

    // Every server message is typed (the SSL answer is ours), so frames are read from the first byte.
    server.on('data', (chunk: Buffer) => {
      fromServer.push(chunk);
      for (let frame = fromServer.next(); frame; frame = fromServer.next()) {
        if (!serverBacklog) {
          client.write(frame);
          continue;
        }
        serverBacklog.push(frame);
        if (frame[0] === 'Z'.charCodeAt(0)) {
          onServerReady?.();
          onServerReady = undefined;
        }
      }
    });
  }

  const listener: Server = createServer(relay);
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(0, '127.0.0.1', resolve);
  });
  const address = listener.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    host: '127.0.0.1',
    port,
    holdAt(match, mode = 'beforeServer') {
      const from = seen.length;
      // `seen` already holds the statement being tested: "earlier" is what came before it.
      const matches = match instanceof RegExp ? (sql: string) => match.test(sql) : (sql: string) => match(sql, seen.slice(from, -1));
      return new Promise((resolve) => traps.push({ matches, mode, resolve }));
    },
    disarm() {
      traps.length = 0;
    },
    statements: () => [...seen],
    serverSidePorts: () => [...ports],
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => listener.close(() => resolve()));
    },
  };
}
