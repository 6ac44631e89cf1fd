// Where the bundled demo's sample data lies: beside the demo project's folder (assets/demo and
// assets/demo-data.sql, or resources/ when packaged). Shared so the app can offer it as the seed
// when the pristine demo is rebuilt, and main loads the same file when it creates the demo.
export const demoDataFileName = 'demo-data.sql';

/** The demo data beside a demo project folder, in that folder's own path style. */
export function demoDataBeside(projectDir: string): string {
  return projectDir.replace(/[\\/]+$/, '').replace(/[^\\/]+$/, demoDataFileName);
}
