// Local servers: PostgreSQL servers Switchyard runs itself, each reached through a connection profile
// of its own name — so the name follows the profile's rule, and a few more for a folder and a prompt.
import { z } from 'zod';

export const localServerNameSchema = z
  .string()
  .trim()
  .min(1, 'A local server needs a name.')
  .max(100, 'A local server name is at most 100 characters.')
  // Control characters would reach a terminal through `local list` and the folder's name.
  .regex(/^[^\p{Cc}]*$/u, 'A local server name cannot hold control characters (tabs, line breaks…).');

export interface LocalServer {
  name: string;
  port: number;
  running: boolean;
  /** Where its data is. */
  folder: string;
  /** Bytes its folder holds on disk (data, log). */
  dataBytes: number;
  /** The connection profile made for it (removed with it). */
  profileId: string;
}
