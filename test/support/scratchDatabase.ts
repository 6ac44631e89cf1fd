// A fresh PostgreSQL database per test on the shared test server, dropped afterwards.
import pg from 'pg';
import { quoteIdentifier } from '../../src-main/drivers/identifier';
import { onTestFinished } from 'vitest';

export interface ServerAddress {
  host: string;
  port: number;
  user: string;
  password: string;
}

let counter = 0;

export async function adminQuery(server: ServerAddress, sql: string, database = 'postgres'): Promise<pg.QueryResult> {
  const client = new pg.Client({ ...server, database });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `prefix` may hold quotes and spaces: the name is always quoted. */
export async function scratchDatabase(server: ServerAddress, prefix = 'runner'): Promise<string> {
  counter += 1;
  const name = `${prefix}_${process.pid}_${counter}`;
  await adminQuery(server, `CREATE DATABASE ${quoteIdentifier(name)}`);
  onTestFinished(async () => {
    await adminQuery(server, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
  });
  return name;
}
