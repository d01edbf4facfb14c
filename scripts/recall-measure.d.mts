export interface AppResult {
  app: string;
  labelled: number;
  found: number;
  missed: string[];
  reported: number;
  falsePositives: string[];
  hardNegatives: string[];
}
export function listApps(appsDir: string): string[];
export function measureApp(
  scanProject: (options: { root: string; paths: string[] }) => Promise<{ findings: { file: string; kind: string; confidence: 'certain' | 'likely' | 'possible'; span: { line: number }; snippet: string }[] }>,
  appDir: string,
  minConfidence?: 'certain' | 'likely' | 'possible',
): Promise<AppResult>;
export function formatResults(results: AppResult[]): string;
