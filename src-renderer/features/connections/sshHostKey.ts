// What a failed test says of an SSH host key, for the form to show and offer to accept.
import type { TunnelStep } from '../../../src-shared/model/connectionTest';
import type { TestState } from './connectionsStore';

export interface UnknownHostKey {
  host: string;
  port: number;
  position: number;
  fingerprint: string;
  keyType: string;
}

/** The unknown host key of a test refused with E_SSH_HOST_UNKNOWN, or undefined. */
export function unknownHostKeyOf(test: TestState): UnknownHostKey | undefined {
  if (test.status !== 'error' || test.code !== 'E_SSH_HOST_UNKNOWN') return undefined;
  const detail = test.detail as Partial<UnknownHostKey> | undefined;
  if (typeof detail?.fingerprint !== 'string' || typeof detail.position !== 'number') return undefined;
  return { host: detail.host ?? '', port: detail.port ?? 22, position: detail.position, fingerprint: detail.fingerprint, keyType: detail.keyType ?? '' };
}

/** The steps an SSH route got through before a test failed (none for other failures). */
export function tunnelStepsOf(test: TestState): TunnelStep[] {
  if (test.status === 'ok') return test.result.tunnel ?? [];
  if (test.status !== 'error') return [];
  const steps = (test.detail as { tunnel?: unknown } | undefined)?.tunnel;
  return Array.isArray(steps) ? (steps as TunnelStep[]) : [];
}

/** "Reached", "Signed in", "Forwarded": a step as the form says it. */
export const tunnelStepWords: Record<TunnelStep['step'], string> = { reached: 'Reached', authenticated: 'Signed in', forwarded: 'Forwarded' };
