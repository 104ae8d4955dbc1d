#!/usr/bin/env bash
# Replays the shell steps of examples/validate-registries.yml in a temporary git
# repository, as GitHub would run them on a push or a pull request: file names
# with Chinese characters and spaces, a new branch (before = 000…), a rename, a
# units change, a deletion, and broken registries that must be reported. The
# `npm ci` step is checked to be there and stood in for by linking this
# checkout's binary into node_modules/.bin (the step must use that one: no
# safety-tasks is on PATH). Needs a built dist/ (npm run build). Run by .ci/run.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "replay-workflow: FAIL: $*" >&2; failures=$((failures + 1)); }

# the workflow's run steps, each to a file of its own
mkdir "$tmp/steps"
node --input-type=module - "$here/examples/validate-registries.yml" "$tmp/steps" <<'JS'
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(`${process.cwd()}/`);
const { parse } = require('yaml');
const [file, out] = process.argv.slice(2);
const steps = parse(readFileSync(file, 'utf8')).jobs.validate.steps.filter((s) => s.run);
if (!steps.some((s) => s.run.trim() === 'npm ci')) throw new Error('the workflow does not install with npm ci');
const checks = steps.filter((s) => s.run.trim() !== 'npm ci');
if (checks.length !== 1) throw new Error(`expected one step after npm ci, found ${checks.length}`);
const env = Object.keys(checks[0].env ?? {});
if (env.join() !== 'BASE') throw new Error(`the step should take BASE from the event, and nothing else: ${env}`);
writeFileSync(`${out}/validate.sh`, checks[0].run);
JS

repo="$tmp/注册 仓库"
mkdir -p "$repo/node_modules/.bin" "$repo/registries" "$repo/units"
cd "$repo"
git init -q -b main
git config user.email ci@example.org
git config user.name CI
git config core.quotePath true # as git is by default: the workflow must not depend on it
ln -s "$here/bin/safety-tasks.js" node_modules/.bin/safety-tasks
echo node_modules/ > .gitignore
cp "$here/units/weihai.yaml" units/
clean="$here/test/fixtures/validate/clean.yaml"
broken() { sed 's/support: \[市公安局\]/support: [市城乡建设住房局]/' "$clean"; }
cp "$clean" "registries/威海市 安全 台账.yaml"
cp "$clean" "registries/old name.yaml"
cp "$clean" "registries/要删除的 台账.yaml"
git add -A && git commit -qm main
main=$(git rev-parse HEAD)

# run the step as GitHub does (bash -eo pipefail), against BASE; stdout in $out, status in $status
replay() {
  set +e
  out=$(BASE="$1" bash --noprofile --norc -eo pipefail "$tmp/steps/validate.sh" 2>&1)
  status=$?
  set -e
}
reported() { grep -qF "::error file=registries/$1,"; }

# 1. a new branch is pushed: before is all zeros, so every registry is checked
git checkout -q -b '整改/新分支'
broken > "registries/滕州 新 台账.yaml"
git add -A && git commit -qm 'a broken registry'
replay 0000000000000000000000000000000000000000
[ "$status" -ne 0 ] || fail "new branch: a broken registry passed"
reported '滕州 新 台账.yaml' <<<"$out" || fail "new branch: the broken registry is not reported: $out"
first=$(git rev-parse HEAD)

# 2. a push renaming a registry and breaking it: the new name is checked, the unchanged broken one is not
git mv "registries/old name.yaml" "registries/改名 后.yaml"
broken > "registries/改名 后.yaml"
git commit -qam 'rename'
git -c core.quotePath=false diff --name-status -M "$first" HEAD | grep -q '^R' || fail "rename: git does not see a rename (the scenario is wrong)"
replay "$first"
[ "$status" -ne 0 ] || fail "rename: a broken renamed registry passed"
reported '改名 后.yaml' <<<"$out" || fail "rename: the renamed registry is not reported: $out"
reported '滕州 新 台账.yaml' <<<"$out" && fail "rename: a registry the push did not touch was checked: $out"
second=$(git rev-parse HEAD)

# 3. a deletion alone: nothing to check, and the deleted file is not asked for
git rm -q "registries/要删除的 台账.yaml"
git commit -qm 'delete'
replay "$second"
[ "$status" -eq 0 ] || fail "deletion: the step failed: $out"
third=$(git rev-parse HEAD)

# 4. the units directory changes: every registry is checked against it, the untouched clean one included
sed -i 's/^  - name: 市公安局$/  - name: 市公安局（旧）/' units/weihai.yaml
git diff --quiet units/weihai.yaml && fail "units: the scenario did not change units/weihai.yaml"
git commit -qam 'units'
replay "$third"
[ "$status" -ne 0 ] || fail "units: registries broken by a units change passed"
reported '威海市 安全 台账.yaml' <<<"$out" || fail "units: a registry the units change breaks is not reported: $out"

# 5. a pull request against main: everything the branch changed
git checkout -q main
git checkout -q -b 'pr'
broken > "registries/威海市 安全 台账.yaml"
git commit -qam 'pr'
replay "$main"
reported '威海市 安全 台账.yaml' <<<"$out" || fail "pull request: the changed registry is not reported: $out"

# 6. a push that changes no registry
echo '说明' > README.md && git add README.md && git commit -qm readme
before=$(git rev-parse HEAD~1)
replay "$before"
[ "$status" -eq 0 ] || fail "no registry changed: the step failed: $out"

if [ "$failures" -gt 0 ]; then
  echo "replay-workflow: $failures failure(s)" >&2
  exit 1
fi
echo "replay-workflow: 6 scenarios passed"
