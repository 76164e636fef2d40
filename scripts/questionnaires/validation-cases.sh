#!/usr/bin/env bash
# Makes validation-cases.json from the questionnaires of this folder and validation-edge-cases.json (questionnaire-service's
# ValidationCases), then runs the cases on the server's validator; the web app runs them with `npx vitest run shared`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
./mvnw -q -B -pl questionnaire-service test -Dtest=SharedValidationCasesTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dvalidation-cases.write=true "$@"
echo "Wrote scripts/questionnaires/validation-cases.json"
