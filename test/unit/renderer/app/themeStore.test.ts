import { beforeEach, describe, expect, it, vi } from 'vitest';

async function freshThemeStore() {
  vi.resetModules();
  return (await import('../../../../src-renderer/app/themeStore')).useTheme;
}

describe('the theme preference', () => {
  beforeEach(() => {
    localStorage.clear();
    delete document.documentElement.dataset.theme;
  });

  it('follows the operating system until the user picks', async () => {
    const useTheme = await freshThemeStore();

    expect(useTheme.getState().theme).toBe('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('shows the picked theme at once and keeps it for the next start', async () => {
    (await freshThemeStore()).getState().pick('light');
    expect(document.documentElement.dataset.theme).toBe('light');

    delete document.documentElement.dataset.theme;
    const restarted = await freshThemeStore();

    expect(restarted.getState().theme).toBe('light');
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('goes back to the system preference when System is picked', async () => {
    const useTheme = await freshThemeStore();
    useTheme.getState().pick('dark');

    useTheme.getState().pick('system');

    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect((await freshThemeStore()).getState().theme).toBe('system');
  });

  it('ignores a stored value it does not know', async () => {
    localStorage.setItem('switchyard.theme', 'sepia');

    expect((await freshThemeStore()).getState().theme).toBe('system');
  });
});
