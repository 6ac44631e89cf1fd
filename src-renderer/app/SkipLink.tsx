// The first Tab stop of the workspace: past the connections and the tabs, straight to the screen's
// content (on the Graph screen, to its revisions, where the arrow keys work at once).
import type { MouseEvent } from 'react';

/** The workspace's main element; the skip link's landing when the screen has nothing better. */
export const mainContentId = 'main-content';

interface Props {
  label: string;
  /** The element to focus; the main content when it is not on screen (yet). */
  targetId: string;
}

export function SkipLink({ label, targetId }: Props) {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    (document.getElementById(targetId) ?? document.getElementById(mainContentId))?.focus();
  };
  return (
    <a className="skip-link" href={`#${targetId}`} onClick={skip}>
      {label}
    </a>
  );
}
