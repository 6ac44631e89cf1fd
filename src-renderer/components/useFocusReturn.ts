// A confirmation gives the keyboard back to the control that opened it: a <dialog> taken off the page
// while open leaves the focus on the body, and a keyboard user would start again from the top.
import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Once a dialog has gone: the focus back to the control that opened it; when the action took that control
 * away or disabled it (Upgrade… once nothing is pending), to the screen's heading, so the keyboard goes on
 * from the screen it was on. A focus moved on purpose elsewhere stays where it is.
 */
export function giveFocusBack(opener: HTMLElement | null): void {
  const lost = document.activeElement === null || document.activeElement === document.body;
  if (!lost) return;
  if (opener?.isConnected && !opener.matches(':disabled')) {
    opener.focus();
    return;
  }
  const main = document.querySelector<HTMLElement>('main');
  const heading = main?.querySelector<HTMLElement>('h1') ?? main;
  if (!heading) return;
  // A heading is not in the Tab order; -1 lets it hold the focus without adding it there.
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus();
}

/** Focus nobody chose: on the body, or where giveFocusBack puts it when the opener went (the screen's heading, or main). */
export function focusIsAdrift(): boolean {
  const focused = document.activeElement;
  if (focused === null || focused === document.body) return true;
  const main = document.querySelector<HTMLElement>('main');
  return focused === main || (main !== null && focused === main.querySelector('h1'));
}

/** For a dialog shown while mounted: the control that had the focus when it mounted gets it back when it goes (see giveFocusBack). */
export function useFocusReturn(): void {
  const opener = useRef<HTMLElement | null>(null);
  // Before the dialog is shown (showModal runs in an effect), the focus is still on what opened it.
  useLayoutEffect(() => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, []);
  // Run once the dialog has left the page, when the focus has nowhere left to be but the body.
  useEffect(() => () => giveFocusBack(opener.current), []);
}
