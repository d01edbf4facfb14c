#!/usr/bin/env bash
# Checks the install forms the README documents, each in a folder outside the project and
# with its own npm prefix: `npx --yes ./<tarball>` and `npm i -g ./<tarball>`.
set -euo pipefail
project=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(node -p "require('$project/package.json').version")

tarball=$(cd "$project" && npm pack --silent --pack-destination "$work" | tail -n 1)
mkdir -p "$work/empty" "$work/target/src"
cat > "$work/target/src/client.ts" <<'TS'
import OpenAI from 'openai';
export const client = new OpenAI();
TS

check_scan() {
  node -e "
const result = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
if (result.summary.byKind.client !== 1) throw new Error(process.argv[2] + ' did not find the client: ' + JSON.stringify(result.summary));
console.log(process.argv[2] + ': scan found', result.summary.findings, 'findings');
" "$1" "$2"
}

check_version() {
  local got
  got=$("$@")
  if [[ "$got" != "$version" ]]; then echo "$* printed '$got', expected $version" >&2; exit 1; fi
}

cd "$work/empty"
# npx --yes ./migrate-openai-<version>.tgz, as the README shows it.
cp "$work/$tarball" .
npx --yes "./$tarball" scan "$work/target" --format json > "$work/scan-npx.json"
check_scan "$work/scan-npx.json" "npx --yes ./$tarball"
rm "$tarball"

# npm i -g <tarball>, into a prefix of its own.
npm install --global --prefix "$work/global" --no-audit --no-fund "$work/$tarball" > /dev/null
check_version "$work/global/bin/migrate-openai" --version
"$work/global/bin/migrate-openai" scan "$work/target" --format json > "$work/scan-global.json"
check_scan "$work/scan-global.json" "npm i -g $tarball"
"$work/global/bin/migrate-openai" completion bash | bash -n

