// The files a repair would write, as a unified diff: added and removed lines coloured and marked with
// + and − (said as "added" and "removed" to a screen reader).
import { diffLines, type DiffLineKind } from './diffLines';

const marks: Partial<Record<DiffLineKind, { sign: string; spoken: string }>> = {
  added: { sign: '+', spoken: 'added: ' },
  removed: { sign: '−', spoken: 'removed: ' },
};

export function WriteDiff({ diff }: { diff: string }) {
  return (
    <pre className="repair-diff" aria-label="Changes to the project's files" tabIndex={0}>
      {diffLines(diff).map((line, i) => {
        const mark = marks[line.kind];
        return (
          <span key={i} className={`diff-line diff-${line.kind}`}>
            {mark ? (
              <>
                <span aria-hidden="true">{mark.sign} </span>
                <span className="repair-sr-only">{mark.spoken}</span>
              </>
            ) : (
              line.kind === 'context' && '  '
            )}
            {line.text}
            {'\n'}
          </span>
        );
      })}
    </pre>
  );
}
