// A confirmation gives the keyboard back to the control that opened it: a <dialog> taken off the page
// while open leaves the focus on the body, and a keyboard user would start again from the top.
import { useEffect, useLayoutEffect, useRef } from 'react';

/** For a dialog shown while mounted: the control that had the focus when it mounted gets it back when it goes. */
export function useFocusReturn(): void {
  const opener = useRef<HTMLElement | null>(null);
  // Before the dialog is shown (showModal runs in an effect), the focus is still on what opened it.
  useLayoutEffect(() => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, []);
  // Run once the dialog has left the page, when the focus has nowhere left to be but the body.
  useEffect(
    () => () => {
      const element = opener.current;
      // A control the confirmed action took away or disabled cannot have it back, and one that moved the focus on purpose keeps it there.
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost && element?.isConnected && !element.matches(':disabled')) element.focus();
    },
    [],
  );
}
