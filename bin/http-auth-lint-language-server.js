#!/usr/bin/env node
'use strict';
// The language server for editors other than VS Code (Neovim, Helix, ...):
// `http-auth-lint-language-server --stdio`. The same bundle the extension starts, with the same
// settings (`httpAuthLint` from workspace/configuration) and .httpauthlintrc.json read from disk.
require('../dist/server.js');
