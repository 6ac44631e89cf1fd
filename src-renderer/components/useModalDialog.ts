// A <dialog> shown modal once it is on the page (Escape then closes it through its onCancel), and the
// focus given back to what opened it when it goes (useFocusReturn).
import { useEffect, useRef, type RefObject } from 'react';
import { useFocusReturn } from './useFocusReturn';

export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useFocusReturn();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return dialog;
}
