#!/usr/bin/env bash
# Makes validation-cases.json from the questionnaires of this folder, validation-edge-cases.json and the rows of
# phone-numbers/src/test/resources/nl/notaris/portal/phonenumbers/phone-numbers.csv (questionnaire-service's
# ValidationCases), then runs the cases on the server's validator; the web app runs them with `npx vitest run shared`.
# Maven's arguments may follow (-o to stay offline).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
./mvnw -q -B -pl questionnaire-service test -Dtest=SharedValidationCasesTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dvalidation-cases.write=true "$@"
echo "Wrote scripts/questionnaires/validation-cases.json"
