import { FINDING_KINDS, type Finding, type FindingKind } from '../core/types.js';

/** Findings counted per kind, every kind present (zero included) in a fixed order. */
export function countByKind(findings: readonly Finding[]): Record<FindingKind, number> {
  const counts = Object.fromEntries(FINDING_KINDS.map((kind) => [kind, 0])) as Record<FindingKind, number>;
  for (const finding of findings) counts[finding.kind]++;
  return counts;
}

/** What a finding is about, in a few words: the API, model, variable or class; and where it already points. */
export function describeFinding(finding: Finding): string {
  const cell = finding.cell === undefined ? '' : ` (cell ${finding.cell.index}, line ${finding.cell.line})`;
  const described = describeSubject(finding) + cell;
  return finding.migratedTo === undefined ? described : `${described} (migrated to ${finding.migratedTo})`;
}

function describeSubject(finding: Finding): string {
  switch (finding.kind) {
    case 'import':
    case 'framework':
      return finding.version !== undefined ? `${finding.api} ${finding.version}` : (finding.api ?? '');
    case 'client':
      if (finding.detail?.setting !== undefined) return `openai.${finding.detail.setting.name} = …`;
      return finding.language === 'python' ? `${constructorOf(finding)}(…)` : `new ${finding.symbol ?? 'OpenAI'}(…)`;
    case 'api-call':
      return finding.model ? `${finding.api} (model ${finding.model})` : (finding.api ?? '');
    case 'model':
      return finding.model ?? '';
    case 'env-var':
      return finding.name ?? '';
    case 'base-url':
      return finding.api ?? '';
    case 'api-key':
      return 'hard-coded API key (value redacted)';
  }
}

/** The class a client finding constructs, as written: Python's async clients share their sync class's symbol. */
function constructorOf(finding: Finding): string {
  const symbol = finding.symbol ?? 'OpenAI';
  return finding.detail?.isAsync ? `Async${symbol}` : symbol;
}
