// A text box for names, folders and commands: no autocomplete or spell-check, the text handed on as
// typed, and marked invalid (described by the refusal's element) while a refusal stands.
import type { InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  value: string;
  onText(text: string): void;
  /** The id of the sentence that refuses what was typed, while it is shown. */
  refusedBy?: string | undefined;
};

export function TextInput({ value, onText, refusedBy, ...rest }: Props) {
  return (
    <input
      {...rest}
      value={value}
      onChange={(e) => onText(e.target.value)}
      autoComplete="off"
      spellCheck={false}
      aria-invalid={refusedBy !== undefined}
      aria-describedby={refusedBy}
    />
  );
}
