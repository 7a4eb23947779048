#!/usr/bin/env bash
# The project's test command: unit tests, then the built extension end to end in Chromium, then the built
# Firefox add-on end to end in Firefox ESR (with web-ext lint). Prints one closing line "N passed, N failed"
# (summed over the three runs) and exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
out=test-results
mkdir -p "$out"
rm -f "$out/unit.json" "$out/e2e.json" "$out/e2e-firefox.json"

npx vitest run --reporter=default --reporter=json --outputFile.json="$out/unit.json"
unit_rc=$?

# E2E drives the built extensions; build them so the runs never test a stale folder. The test-hook build
# (.output/chrome-mv3-e2e, `--mode e2e`; `npm run build` does not make it) is made too, and with SKIP_BUILD=1
# still when it is missing. If it fails to build, the Chromium e2e run is skipped and counted as one failure.
chrome_build_rc=0
firefox_build_rc=0
if [ "${SKIP_BUILD:-}" != "1" ]; then
  npx wxt build >"$out/build.log" 2>&1 || { chrome_build_rc=$?; cat "$out/build.log"; }
  npx wxt build -b firefox >"$out/build-firefox.log" 2>&1 || { firefox_build_rc=$?; cat "$out/build-firefox.log"; }
fi
if [ "${SKIP_BUILD:-}" != "1" ] || [ ! -f .output/chrome-mv3-e2e/manifest.json ]; then
  npx wxt build --mode e2e >"$out/build-e2e.log" 2>&1 || { chrome_build_rc=$?; cat "$out/build-e2e.log"; }
fi
e2e_rc=0
if [ "$chrome_build_rc" = 0 ]; then
  npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json="$out/e2e.json"
  e2e_rc=$?
fi
firefox_rc=0
if [ "$firefox_build_rc" = 0 ]; then
  npx vitest run --config vitest.firefox.config.ts --reporter=default --reporter=json --outputFile.json="$out/e2e-firefox.json"
  firefox_rc=$?
fi

# A run with no results file (its build failed, or it crashed) counts as one failure.
UNIT_RC=$unit_rc E2E_RC=$e2e_rc FIREFOX_RC=$firefox_rc node -e '
  const fs = require("fs");
  const runs = [["unit", process.env.UNIT_RC, process.argv[1]], ["e2e", process.env.E2E_RC, process.argv[2]], ["e2e-firefox", process.env.FIREFOX_RC, process.argv[3]]];
  let passed = 0, failed = 0, skipped = 0;
  for (const [name, rc, file] of runs) {
    if (!fs.existsSync(file)) { failed++; console.error(`no results in ${file}`); continue; }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests || 0);
    if (r.numFailedTestSuites && !r.numFailedTests) failed += r.numFailedTestSuites;
    // A run can fail with every test passed (an unhandled error after a test): count it, so the line agrees with the exit code.
    if (rc !== "0" && !r.numFailedTests && !r.numFailedTestSuites) { failed++; console.error(`${name} run failed outside any test (see "Unhandled Errors" above)`); }
  }
  console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$out/unit.json" "$out/e2e.json" "$out/e2e-firefox.json"

[ "$unit_rc" = 0 ] && [ "$chrome_build_rc" = 0 ] && [ "$firefox_build_rc" = 0 ] && [ "$e2e_rc" = 0 ] && [ "$firefox_rc" = 0 ]
