#!/usr/bin/env bash
# Makes the peers that bench/peers.ts loads beside Profile Card, in PEERS_DIR
# (default .tmp/peers; never committed):
#   $PEERS_DIR/github-hovercard  Justineo/github-hovercard's extensions/chrome, as an MV3 extension
#   $PEERS_DIR/refined-github    refined-github/refined-github's distribution/, built with its own rollup config
# Usage: bash bench/get-peers.sh <github-hovercard checkout> <refined-github checkout>
# (clones of https://github.com/Justineo/github-hovercard and
# https://github.com/refined-github/refined-github; work trees or bare repositories).
#
# github-hovercard ships a Manifest V2 extension: a background page that injects
# its five scripts and three style sheets into every github.com page with
# tabs.executeScript on webNavigation.onCommitted. Chromium 139 and later load no
# MV2 extension, so its manifest is rewritten to MV3 with the same files as a
# declared content script (document_idle, as executeScript's default): the page
# runs the same code. Its options page and token storage are left as they are.
#
# refined-github (checked with its 2026-08-19 tree, cc22fe343) names versions of
# several of its author's packages that the npm registry here does not serve
# (404: webext-tools 4.1.0, webext-storage-cache 7.0.0, webext-detect 6.0.0 and
# more; eslint-plugin-byo not at all). Its install therefore pins each package
# that 404s to the newest version the registry serves (or drops it when it serves
# none: only eslint-plugin-byo, a lint plugin), and the build is patched where
# those older versions lack what it imports: webext-tools 4.0 gets a package
# index (its importers use one), webext-detect 5.3 gets 6.0's isMobileFirefox,
# and a name still missing is stubbed (`async () => true`) and listed in
# $PEERS_DIR/refined-github-stubs.txt (with the 2026-08-19 tree: one,
# hasRequiredPermissions, imported by the background only, not by the content
# scripts that bench/peers.ts measures). Then `rollup -c` (its build:bundle
# script) writes distribution/.
set -euo pipefail
hovercard_src=${1:?github-hovercard checkout}
refined_src=${2:?refined-github checkout}
peers=${PEERS_DIR:-.tmp/peers}
mkdir -p "$peers"
peers=$(cd "$peers" && pwd)

# A checkout's tree (work tree or bare repository) into a fresh folder.
export_tree() {
  rm -rf "$2" && mkdir -p "$2"
  if git -C "$1" rev-parse --is-bare-repository | grep -q true; then
    git --git-dir="$1" archive HEAD | tar -x -C "$2"
  else
    git -C "$1" archive HEAD | tar -x -C "$2"
  fi
}

# github-hovercard: the unpacked Chrome extension, manifest made MV3.
export_tree "$hovercard_src" "$peers/github-hovercard-src"
rm -rf "$peers/github-hovercard"
cp -r "$peers/github-hovercard-src/extensions/chrome" "$peers/github-hovercard"
node -e '
const fs = require("node:fs");
const file = process.argv[1] + "/manifest.json";
const old = JSON.parse(fs.readFileSync(file, "utf8"));
const manifest = {
  manifest_version: 3,
  name: old.name,
  description: old.description,
  version: old.version,
  icons: old.icons,
  permissions: ["storage"],
  host_permissions: ["https://github.com/*"],
  content_scripts: [{
    matches: ["https://github.com/*"],
    js: ["jquery.js", "mustache.js", "tooltipster.js", "tripleclick.js", "hovercard.js"],
    css: ["tooltipster.css", "hovercard.css", "tomorrow-night.css"],
    run_at: "document_idle",
  }],
  options_ui: { page: old.options_ui.page },
};
fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
' "$peers/github-hovercard"

# refined-github: its own build, as above.
export_tree "$refined_src" "$peers/refined-github-src"
(
  cd "$peers/refined-github-src"
  for attempt in $(seq 1 20); do
    if npm install --no-audit --no-fund --ignore-scripts > npm-install.log 2>&1; then break; fi
    missing=$(grep -o "requested resource '[^']*@https" npm-install.log | head -1 |
      sed "s/requested resource '//; s/@https//")
    [ -n "$missing" ] || { tail -20 npm-install.log; exit 1; }
    served=$(npm view "$missing" version 2>/dev/null || true)
    echo "refined-github: $missing is not served in the locked version; using ${served:-nothing}"
    node -e '
const fs = require("node:fs");
const [name, version] = process.argv.slice(1);
const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
if (version) pkg.overrides ??= {};
for (const field of ["dependencies", "devDependencies", "overrides"]) {
  if (!pkg[field]) continue;
  if (version) { if (pkg[field][name] !== undefined || field === "overrides") pkg[field][name] = version; }
  else delete pkg[field][name];
}
fs.writeFileSync("package.json", JSON.stringify(pkg, null, "\t"));
' "$missing" "$served"
  done
  node -e '
const fs = require("node:fs");
const dir = "node_modules/webext-tools";
const pkg = JSON.parse(fs.readFileSync(`${dir}/package.json`, "utf8"));
if (!pkg.exports["."]) {
  const files = fs.readdirSync(`${dir}/distribution`).filter((f) => f.endsWith(".js") && f !== "test-utils.js");
  fs.writeFileSync(`${dir}/distribution/index.js`, files.map((f) => {
    const name = f.slice(0, -3).replace(/-(\w)/g, (_, c) => c.toUpperCase());
    const text = fs.readFileSync(`${dir}/distribution/${f}`, "utf8");
    return (text.includes("export default") ? `export { default as ${name} } from "./${f}";\n` : "") + `export * from "./${f}";`;
  }).join("\n") + "\n");
  pkg.exports = { ".": "./distribution/index.js", ...pkg.exports };
  fs.writeFileSync(`${dir}/package.json`, JSON.stringify(pkg, null, "\t"));
}
const detect = "node_modules/webext-detect/index.js";
if (!fs.readFileSync(detect, "utf8").includes("isMobileFirefox"))
  fs.appendFileSync(detect, "\nexport const isMobileFirefox = () => isFirefox() && globalThis.navigator?.userAgent.includes(\"Android\");\n");
'
  : > "$peers/refined-github-stubs.txt"
  for attempt in $(seq 1 10); do
    if npx rollup -c > rollup.log 2>&1; then break; fi
    line=$(grep -a -o '"[A-Za-z]*" is not exported by "node_modules/[^"]*", imported by "[^"]*"' rollup.log | head -1)
    [ -n "$line" ] || { tail -20 rollup.log; exit 1; }
    echo "$line" | tee -a "$peers/refined-github-stubs.txt"
    name=$(echo "$line" | cut -d'"' -f2)
    file=$(echo "$line" | cut -d'"' -f4)
    echo "export const $name = async () => true;" >> "$file"
  done
)
rm -rf "$peers/refined-github"
cp -r "$peers/refined-github-src/distribution" "$peers/refined-github"
echo "peers ready in $peers: github-hovercard, refined-github"
