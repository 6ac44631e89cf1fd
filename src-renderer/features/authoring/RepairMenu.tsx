// The Graph tab's Repair menu: one button in the graph's toolbar (the rows keep their height), whose
// items each open a dialog that shows the change (or, for Adopt, the evidence) before anything is
// written or stamped. Arrow keys move through the items, Escape closes the menu onto its button.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { AuthoringAction } from '../../../src-shared/model/authoring';
import { repairTitles } from './RepairDialog';

interface Props {
  selected: string | undefined;
  headCount: number;
  onOpen(action: AuthoringAction): void;
  /** Adopt the selected revision on the open connection. */
  onAdopt(): void;
  /** Squash a run of revisions ending at the selected one. */
  onSquash(): void;
}

export function RepairMenu({ selected, headCount, onOpen, onAdopt, onSquash }: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const noSelection = (what: string) => (selected ? undefined : `Select the revision to ${what} first.`);
  const items: Array<{ label: string; why: string | undefined; choose(): void }> = [
    ...(Object.keys(repairTitles) as AuthoringAction[]).map((action) => ({
      label: `${repairTitles[action]}…`,
      why: action === 'merge' && headCount < 2 ? 'The project has one head: nothing to merge.' : action === 'reparent' ? noSelection('re-parent') : undefined,
      choose: () => onOpen(action),
    })),
    { label: 'Adopt…', why: noSelection('adopt'), choose: onAdopt },
    { label: 'Squash…', why: selected ? undefined : 'Select the last revision of the run to squash first.', choose: onSquash },
  ];

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKey = (event: KeyboardEvent) => {
    const enabled = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const at = enabled.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      enabled[(at + step + enabled.length) % enabled.length]?.focus();
    }
  };

  return (
    <div
      className="repair-menu"
      onBlur={(event) => {
        // Focus gone elsewhere (a click outside, the window left): the menu folds away.
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button ref={button} type="button" className="small" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Repair ▾
      </button>
      {open && (
        <div ref={menu} className="graph-menu" role="menu" aria-label="Repair" onKeyDown={onKey}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              disabled={item.why !== undefined}
              title={item.why}
              onClick={() => {
                // The dialog gives the focus back to what had it when it opened: the menu's button, not a gone item.
                close();
                item.choose();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
