// Light, Dark or System (the operating system's preference).
import { themes, useTheme, type Theme } from './themeStore';

const labels: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

export function ThemePicker() {
  const { theme, pick } = useTheme();
  return (
    <label className="theme-picker small muted">
      Theme
      <select value={theme} onChange={(e) => pick(themes.find((t) => t === e.target.value) ?? 'system')}>
        {themes.map((t) => (
          <option key={t} value={t}>
            {labels[t]}
          </option>
        ))}
      </select>
    </label>
  );
}
