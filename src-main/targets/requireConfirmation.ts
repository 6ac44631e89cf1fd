// The services' side of a typed confirmation: refused before anything changes, in words.
import { SwitchyardError } from '../../src-shared/errors';
import { confirmationRefusal, type Confirmation, type ConfirmedChange } from '../../src-shared/model/confirmation';

export function requireConfirmation(change: ConfirmedChange, confirmation: Confirmation | undefined): void {
  const refusal = confirmationRefusal(change, confirmation);
  if (refusal) throw new SwitchyardError('E_CONFIRMATION_REQUIRED', `${refusal} Nothing was changed.`);
}
