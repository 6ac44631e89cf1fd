// The screens as an ARIA tab list: one tab in the Tab order (the shown one), arrow keys, Home and
// End move between tabs and show each, as screen readers and keyboard users expect of tabs.
import { useRef, type KeyboardEvent } from 'react';

/** A tab: the workspace's screens, or a project's (which have no Alt+N key). */
export interface TabScreen {
  id: string;
  label: string;
  key?: string;
}

interface Props {
  screens: readonly TabScreen[];
  current: string;
  onShow(screen: string): void;
  /** The tab list's name (default "Screens"). */
  label?: string;
}

export const tabIdOf = (screen: string) => `tab-${screen}`;
export const panelIdOf = (screen: string) => `panel-${screen}`;

/** The tab a key moves to from index `at`, wrapping around; undefined for other keys. */
function movedTo(key: string, at: number, count: number): number | undefined {
  if (key === 'ArrowRight') return (at + 1) % count;
  if (key === 'ArrowLeft') return (at - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

export function ScreenTabs({ screens, current, onShow, label = 'Screens' }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const onKey = (event: KeyboardEvent) => {
    const at = screens.findIndex((s) => s.id === current);
    const next = screens[movedTo(event.key, at, screens.length) ?? -1];
    if (!next) return;
    event.preventDefault();
    onShow(next.id);
    list.current?.querySelector<HTMLElement>(`#${tabIdOf(next.id)}`)?.focus();
  };
  return (
    <div ref={list} className="tabs" role="tablist" aria-label={label} onKeyDown={onKey}>
      {screens.map((s) => {
        const selected = s.id === current;
        return (
          <button
            key={s.id}
            id={tabIdOf(s.id)}
            type="button"
            role="tab"
            className={selected ? 'tab active' : 'tab'}
            aria-selected={selected}
            aria-controls={panelIdOf(s.id)}
            tabIndex={selected ? 0 : -1}
            title={s.key ? `Alt+${s.key}` : undefined}
            onClick={() => onShow(s.id)}
          >
            {s.label}
          </button>
        );
      })}
    </div>
  );
}
