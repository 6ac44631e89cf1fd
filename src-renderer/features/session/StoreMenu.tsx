// Under the connection list: lock the store now, or after the window has been idle a while.
import { useEffect } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { idleLockChoices, useLock, watchIdle, type IdleLockMinutes } from './lockStore';
import { StoreSecurityButton } from '../settings/StoreSecurityButton';

const choiceLabel = (minutes: IdleLockMinutes) => (minutes === 0 ? 'Never' : `After ${minutes} min idle`);

export function StoreMenu() {
  const { idleMinutes, error, lockNow, setIdleMinutes } = useLock();
  useEffect(() => watchIdle(idleMinutes, () => void lockNow()), [idleMinutes, lockNow]);
  return (
    <div className="store-menu small muted">
      <button type="button" onClick={() => void lockNow()}>
        Lock now
      </button>
      <label>
        Lock
        <select value={idleMinutes} onChange={(e) => setIdleMinutes(idleLockChoices.find((choice) => String(choice) === e.target.value) ?? 15)}>
          {idleLockChoices.map((minutes) => (
            <option key={minutes} value={minutes}>
              {choiceLabel(minutes)}
            </option>
          ))}
        </select>
      </label>
      <StoreSecurityButton />
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
