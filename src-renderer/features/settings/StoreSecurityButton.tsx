// Opens Store and security (the store's key, a backup, a restore) from under the connection list.
import { StoreSecurityDialog } from './StoreSecurityDialog';
import { useStoreSecurity } from './storeSecurityStore';

export function StoreSecurityButton() {
  const open = useStoreSecurity((s) => s.open);
  return (
    <>
      <button type="button" onClick={useStoreSecurity.getState().show}>
        Store and security…
      </button>
      {open && <StoreSecurityDialog />}
    </>
  );
}
