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

UNIT_RC=$unit_rc E2E_RC=$e2e_rc node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of process.argv.slice(1)) {
    if (!fs.existsSync(f)) { failed++; console.error(`no results in ${f}`); continue; }
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests || 0);
    if (r.numFailedTestSuites && !r.numFailedTests) failed += r.numFailedTestSuites;
  }
  // A run can fail with every test passed (an unhandled error after a test): count it, so the line agrees with the exit code.
  for (const [name, rc, file] of [["unit", process.env.UNIT_RC, process.argv[1]], ["e2e", process.env.E2E_RC, process.argv[2]]]) {
    const r = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null;
    if (rc !== "0" && r && !r.numFailedTests && !r.numFailedTestSuites) { failed++; console.error(`${name} run failed outside any test (see "Unhandled Errors" above)`); }
  }
  console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$out/unit.json" "$out/e2e.json"

[ "$unit_rc" = 0 ] && [ "$build_rc" = 0 ] && [ "$e2e_rc" = 0 ]
