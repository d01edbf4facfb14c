export const VENV: string;
export function ensurePythonVenv(): Promise<string>;
