// What a user typed to confirm a change that cannot be taken back lightly: the one shape every
// destructive or production-changing method takes (runs, stamps, restores, resets, snapshot
// create and delete), and the one rule the services check it by — the dialogs and the CLI only ask.
import { z } from 'zod';

export const confirmationSchema = z
  .object({
    /** The connection's name as typed (a reset types the database's name). */
    typedName: z.string().max(1000).optional(),
    /** On production, where asked: the word "production" typed as a second acknowledgement. */
    environmentAcknowledged: z.string().max(100).optional(),
  })
  .strict();

export type Confirmation = z.infer<typeof confirmationSchema>;

export interface ConfirmedChange {
  /** The connection it changes, as its name is typed. */
  connection: string;
  /** The connection's environment: on 'prod' the name is always asked. */
  environment: string;
  /** "run this upgrade", "restore a snapshot over it"…: ends the refusal's sentence. */
  what: string;
  /** What must be typed when not the connection's name (a reset: the database's name). */
  typed?: string;
  /** The name is asked whatever the environment (a reset); otherwise on production only. */
  always?: boolean;
  /** On production, the word "production" too. */
  productionWord?: boolean;
}

const productionWords = new Set(['prod', 'production']);

/** Why the confirmation does not cover the change (a sentence), or undefined when it does. */
export function confirmationRefusal(change: ConfirmedChange, confirmation: Confirmation | undefined): string | undefined {
  const production = change.environment === 'prod';
  const expected = change.typed ?? change.connection;
  if ((production || change.always) && confirmation?.typedName !== expected) {
    const whose = change.typed === undefined ? 'its name' : "the database's name";
    return production
      ? `${change.connection} is a production connection: type ${whose} (${expected}) to ${change.what}.`
      : `The typed name does not match "${expected}": type it to ${change.what}.`;
  }
  if (production && change.productionWord && !productionWords.has((confirmation?.environmentAcknowledged ?? '').trim().toLowerCase())) {
    return `${change.connection} is a production connection: acknowledge it by naming the environment (type "production") to ${change.what}.`;
  }
  return undefined;
}
