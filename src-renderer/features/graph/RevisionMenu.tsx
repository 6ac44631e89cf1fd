// The rows' context menu: the run actions, and narrowing the graph to the revision's lineage.
import { useEffect } from 'react';
import { revisionActions, runFromGraph } from './RevisionActions';

interface Props {
  profileId: string;
  revision: string;
  x: number;
  y: number;
  onLineage(): void;
  onClose(): void;
}

export function RevisionMenu({ profileId, revision, x, y, onLineage, onClose }: Props) {
  useEffect(() => {
    const close = () => onClose();
    window.addEventListener('click', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('click', close);
      window.removeEventListener('keydown', close);
    };
  }, [onClose]);
  return (
    <div className="graph-menu" role="menu" aria-label={`Actions for ${revision}`} style={{ left: x, top: y }}>
      {revisionActions.map(({ action, label }) => (
        <button key={action} type="button" role="menuitem" onClick={() => runFromGraph(profileId, action, revision)}>
          {label}
        </button>
      ))}
      <button type="button" role="menuitem" onClick={onLineage}>
        Show only its ancestors and descendants
      </button>
    </div>
  );
}
