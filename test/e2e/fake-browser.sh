#!/bin/sh
# A browser for test/e2e/stopped.test.ts that starts printing and never ends: it writes down its
# process id and profile folder, puts a file in that profile and begins the PDF, then waits.
for arg in "$@"; do
  case "$arg" in
    --user-data-dir=*) profile="${arg#--user-data-dir=}" ;;
    --print-to-pdf=*) pdf="${arg#--print-to-pdf=}" ;;
  esac
done
echo "x" > "$profile/Local State"
printf '%%PDF-1.' > "$pdf"
echo "$$ $profile" > "$FAKE_BROWSER_LOG.part" && mv "$FAKE_BROWSER_LOG.part" "$FAKE_BROWSER_LOG"
exec sleep 600
