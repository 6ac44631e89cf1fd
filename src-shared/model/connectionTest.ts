// The outcome of "Test connection", shown in place in the form and printed by the CLI.

export interface ConnectionTestResult {
  serverVersion: string;
  latencyMs: number;
  currentUser: string;
  canCreateDatabase: boolean;
  readOnly: boolean;
}
