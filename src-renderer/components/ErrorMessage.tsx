// An error as people read it: the sentence first; the code and the technical lines (a tool's output,
// a server's words) behind "Details", there for a support ticket without standing in the way.
import type { ReactNode } from 'react';
import type { ShownError } from '../api/client';

interface Props {
  error: ShownError;
  /** What failed, said before the sentence ("Connection failed"). */
  lead?: string;
  className?: string;
  /** What to do next (a link, a note), after the sentence. */
  children?: ReactNode;
}

export function ErrorMessage({ error, lead, className = 'error', children }: Props) {
  const [sentence, ...technical] = error.message.split('\n');
  return (
    <div className={className} role="alert">
      <p className="error-sentence">
        {lead && <strong>{lead}: </strong>}
        {sentence}
      </p>
      {children}
      {/* Not muted: grey on the error's tint would fall under 4.5:1. */}
      <details className="small">
        <summary>Details</summary>
        {technical.some((line) => line.trim()) && <pre>{technical.join('\n')}</pre>}
        <p>
          Code: <code>{error.code}</code>
        </p>
      </details>
    </div>
  );
}
