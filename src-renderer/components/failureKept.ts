// A store's call to the API whose failure its screen shows: kept in the store's `failure` (asError: the
// code with the sentence), never thrown at the component that asked.
import { asError, type ShownError } from '../api/client';

/** Runs `work`, keeping its failure; `after` runs whichever way it went (a busy mark taken off, the list read again). True when it went through. */
export async function failureKept(
  set: (state: { failure: ShownError }) => void,
  work: () => Promise<unknown>,
  after?: () => void | Promise<void>,
): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    set({ failure: asError(error) });
    return false;
  } finally {
    await after?.();
  }
}
