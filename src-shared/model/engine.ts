// The database engines a connection can be made to, in a module of their own: a command that only
// checks an --engine flag (graph, plan) must not pay for loading the profile's zod schemas.
export const engines = ['postgres', 'sqlite'] as const;
export type Engine = (typeof engines)[number];
