// The lint rule that keeps engine differences in src-main/engines/: a branch on an engine's name is
// refused anywhere else in main, in the renderer and in the shared models, and allowed inside an engine's own folder.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const branch = "export const where = (c: { engine: string; sqlitePath: string }) => (c.engine === 'sqlite' ? c.sqlitePath : 'server');\n";
const comparison = 'export const same = (a: { engine: string }, b: { engine: string }) => a.engine === b.engine;\n';

async function messages(code: string, filePath: string): Promise<string[]> {
  const [result] = await new ESLint().lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('engine branches outside src-main/engines', () => {
  it('are refused in a service, pointing at the Engine interface', async () => {
    expect(await messages(branch, 'src-main/runner/anyService.ts')).toEqual([expect.stringContaining('engineFor(kind)')]);
  });

  it("are refused in the renderer and the shared models, pointing at the engine's description", async () => {
    const inComponent = "export const Where = (p: { engine: string }) => <span>{p.engine === 'postgres' ? 'server' : 'file'}</span>;\n";
    expect(await messages(inComponent, 'src-renderer/features/anyFeature/AnyPart.tsx')).toEqual([expect.stringContaining('engineDescriptions[kind]')]);
    expect(await messages(branch, 'src-shared/model/anyModel.ts')).toEqual([expect.stringContaining('engineDescriptions[kind]')]);
  });

  it("are allowed inside an engine folder, and comparing two connections' engines is no branch", async () => {
    expect(await messages(branch, 'src-main/engines/sqlite/anyPart.ts')).toEqual([]);
    expect(await messages(comparison, 'src-main/profiles/anyPart.ts')).toEqual([]);
  });
});
