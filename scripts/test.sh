#!/usr/bin/env bash
# The project's test command: unit tests, then the built extension end to end in Chromium.
# Prints one closing line "N passed, N failed" (summed over both) and exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
out=test-results
mkdir -p "$out"
rm -f "$out/unit.json" "$out/e2e.json"

npx vitest run --reporter=default --reporter=json --outputFile.json="$out/unit.json"
unit_rc=$?

# E2E drives the built Chrome extension; build it so the run never tests a stale folder.
build_rc=0
if [ "${SKIP_BUILD:-}" != "1" ]; then
  npx wxt build >"$out/build.log" 2>&1 || { build_rc=$?; cat "$out/build.log"; }
fi
e2e_rc=0
if [ "$build_rc" = 0 ]; then
  npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json="$out/e2e.json"
  e2e_rc=$?
fi

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of process.argv.slice(1)) {
    if (!fs.existsSync(f)) { failed++; console.error(`no results in ${f}`); continue; }
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests || 0);
    if (r.numFailedTestSuites && !r.numFailedTests) failed += r.numFailedTestSuites;
  }
  console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$out/unit.json" "$out/e2e.json"

[ "$unit_rc" = 0 ] && [ "$build_rc" = 0 ] && [ "$e2e_rc" = 0 ]
