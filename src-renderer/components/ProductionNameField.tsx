// The production acknowledgement every destructive dialog asks for: the connection's name, typed.
// The services check the same name (src-shared/model/confirmation.ts); this only asks for it.
import { useEffect, useRef } from 'react';

export function ProductionNameField({
  name,
  value,
  onChange,
  purpose = 'to confirm',
}: {
  name: string;
  value: string;
  onChange(value: string): void;
  purpose?: string;
}) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Typing the name is the next thing to do, so the field takes the focus — after the next frame,
    // because a modal dialog opened in the same render gives the focus to its first control itself.
    const frame = requestAnimationFrame(() => field.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <label className="prod-confirm">
      {/* One piece of the label's column, so the sentence reads on one line rather than one line per word styled. */}
      <span>
        {name} is a <strong>production</strong> connection. Type its name {purpose}:
      </span>
      <input
        ref={field}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-label="Type the connection name to confirm"
        autoComplete="off"
        spellCheck={false}
      />
    </label>
  );
}
