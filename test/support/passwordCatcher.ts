// A stand-in PostgreSQL server that asks every client for its password in cleartext
// (AuthenticationCleartextPassword), records what it is sent, and refuses the login: the way to
// see whether a stored password went somewhere it should not.
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface PasswordCatcher {
  port: number;
  /** Every password message received, in order (an empty string when a client sends none). */
  received: string[];
  close(): Promise<void>;
}

const sslRequestCode = 80877103;

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

function authenticationCleartextPassword(): Buffer {
  const body = Buffer.alloc(4);
  body.writeInt32BE(3);
  return message('R', body);
}

function passwordRefused(): Buffer {
  const fields = ['SFATAL', 'VFATAL', 'C28P01', 'Mpassword authentication failed'].map((field) => `${field}\0`).join('');
  return message('E', Buffer.from(`${fields}\0`, 'utf8'));
}

function serve(socket: Socket, received: string[]): void {
  let buffered = Buffer.alloc(0);
  let started = false;
  socket.on('error', () => undefined);
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      // Before the startup message, packets have no type byte: length, then a code.
      if (!started) {
        if (buffered.length < 8) return;
        const length = buffered.readInt32BE(0);
        if (buffered.length < length) return;
        const code = buffered.readInt32BE(4);
        buffered = buffered.subarray(length);
        if (code === sslRequestCode) {
          socket.write('N');
          continue;
        }
        started = true;
        socket.write(authenticationCleartextPassword());
        continue;
      }
      if (buffered.length < 5) return;
      const length = buffered.readInt32BE(1);
      if (buffered.length < length + 1) return;
      const type = String.fromCharCode(buffered[0] ?? 0);
      const body = buffered.subarray(5, length + 1);
      buffered = buffered.subarray(length + 1);
      if (type === 'p') {
        received.push(body.toString('utf8').replace(/\0$/, ''));
        socket.end(passwordRefused());
        return;
      }
    }
  });
}

export async function startPasswordCatcher(): Promise<PasswordCatcher> {
  const received: string[] = [];
  const server: Server = createServer((socket) => serve(socket, received));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
