// A throwaway database to replay migrations into (the expected schema; later rehearsals): what an
// engine's openScratch gives back, and what it may use. Types only: the engines implement them.
import type { ConnectionTarget } from '../drivers/driver';

/** A PostgreSQL server Switchyard runs itself, reachable on the loopback with a password only this process knows. */
export interface EmbeddedServerAddress {
  host: string;
  port: number;
  user: string;
  password: string;
}

/** What a scratch database may use besides the target's own server. */
export interface ScratchPlace {
  /** A folder of Switchyard's own (under its data folder, this process's) for scratch files: SQLite databases. */
  fileFolder(): string;
  /** Switchyard's embedded PostgreSQL, started on first need and kept for the rest of the process. */
  embeddedServer(): Promise<EmbeddedServerAddress>;
}

export interface ScratchDatabase {
  /** How to reach it: a run session and a schema read take it like any connection. */
  connection: ConnectionTarget;
  /** Where it is, in the user's words, with why there when it is not beside the target. */
  where: string;
  /** Drops it and whatever it left (files, a lock). Safe to call again. */
  drop(): Promise<void>;
}
