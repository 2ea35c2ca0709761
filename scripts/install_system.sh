#!/usr/bin/env bash
# Install the Debian packages the build needs, or say exactly what to install.
# Only what is missing is installed (npm, for one, often comes with the machine's Node.js).
set -eo pipefail
declare -A NEED=(
  [chromium]="chromium"                 # static figure export (kaleido) and the browser check
  [pdfinfo]="poppler-utils"             # the PDF check
  [xelatex]="texlive-xetex texlive-latex-extra texlive-fonts-recommended"   # the PDF
  [latexmk]="latexmk"
  [npm]="npm"                           # fetches the Natural Earth base map (world-atlas)
  [ip]="iproute2"                       # brings up the loopback in the offline build checks (with unshare)
)
declare -A FONTS=([FreeSerif]="fonts-freefont-otf" [NotoSans-Regular]="fonts-noto-core")

packages=()
for cmd in "${!NEED[@]}"; do command -v "$cmd" >/dev/null || packages+=(${NEED[$cmd]}); done
fonts=$(fc-list 2>/dev/null || true)   # captured first: grep -q on a pipe trips pipefail
for font in "${!FONTS[@]}"; do grep -q "$font" <<<"$fonts" || packages+=(${FONTS[$font]}); done

if [ ${#packages[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
echo "system packages missing: ${packages[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "Not root, so nothing was installed. Ask an administrator to run:"
  echo "  apt-get update && apt-get install -y --no-install-recommends ${packages[*]}"
  echo "The HTML site still builds; the PDF, the static figures and the browser check need them."
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
start=$(date +%s)
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "system packages: installed in $(( $(date +%s) - start )) s"
