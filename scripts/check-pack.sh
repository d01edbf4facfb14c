#!/usr/bin/env bash
# Packs the project and runs the tarball through npx in an empty folder outside the
# project, the way `npx migrate-openai` reaches users.
set -euo pipefail
project=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tarball=$(cd "$project" && npm pack --silent --pack-destination "$work" | tail -n 1)
mkdir -p "$work/empty" "$work/target/src"
cat > "$work/target/src/client.ts" <<'TS'
import OpenAI from 'openai';
export const client = new OpenAI();
TS

cd "$work/empty"
npx --yes --package "$work/$tarball" migrate-openai scan "$work/target" --format json > "$work/scan.json"
node -e "
const result = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
if (result.summary.byKind.client !== 1) throw new Error('packed CLI did not find the client: ' + JSON.stringify(result.summary));
console.log('packed tarball: scan found', result.summary.findings, 'findings');
" "$work/scan.json"
