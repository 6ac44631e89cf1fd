// The button that folds the connections list away and brings it back; Ctrl+B does the same (Workspace).
import { connectionsListId } from '../features/connections/ConnectionSidebar';
import { useSidebar } from './sidebarStore';

export const sidebarToggleId = 'connections-toggle';

export function SidebarToggle() {
  const { folded, toggle } = useSidebar();
  return (
    <button
      type="button"
      id={sidebarToggleId}
      className="side-toggle small"
      aria-expanded={!folded}
      // Only while the list is there to point at.
      aria-controls={folded ? undefined : connectionsListId}
      aria-keyshortcuts="Control+B"
      aria-label={folded ? 'Show connections' : 'Hide connections'}
      title={`${folded ? 'Show' : 'Hide'} connections (Ctrl+B)`}
      onClick={toggle}
    >
      {folded ? '»' : '«'}
    </button>
  );
}
