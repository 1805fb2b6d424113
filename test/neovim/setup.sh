#!/usr/bin/env bash
# Installs Neovim from Debian (0.7.2 on bookworm) for test/lsp/neovim.test.ts when it is missing,
# as root; otherwise says what to install. Prints the path of nvim.
set -euo pipefail
if ! command -v nvim >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: apt-get install neovim" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  else
    echo "setup: Neovim is missing: apt-get install neovim (as root)" >&2
    exit 1
  fi
fi
command -v nvim
