// The production acknowledgement every destructive dialog asks for: the connection's name, typed.
// The services check the same name (src-shared/model/confirmation.ts); this only asks for it.
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
  return (
    <label className="prod-confirm">
      {name} is a <strong>production</strong> connection. Type its name {purpose}:
      <input value={value} onChange={(e) => onChange(e.target.value)} aria-label="Type the connection name to confirm" autoComplete="off" spellCheck={false} />
    </label>
  );
}
