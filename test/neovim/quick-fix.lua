-- Neovim as a second client of the language server (issue 13): run headless by
-- test/lsp/neovim.test.ts as `nvim --headless --clean -c 'luafile quick-fix.lua'`, with
--   HTTP_AUTH_LINT_SERVER  the server's command line, as a JSON array,
--   HTTP_AUTH_LINT_FILE    the file to open, in a project folder (the current directory),
--   HTTP_AUTH_LINT_RESULT  where to write what happened, as JSON.
-- It starts the server with the client Neovim 0.7 has (vim.lsp.start_client), opens the file,
-- waits for its diagnostics, asks for the code actions at the first one, applies the quick fix
-- "Add WWW-Authenticate challenge" and writes the file. The test checks the file on disk.
local result = { diagnostics = {}, actions = {}, applied = false }

local function finish(err)
  result.error = err
  local out = io.open(os.getenv('HTTP_AUTH_LINT_RESULT'), 'w')
  out:write(vim.fn.json_encode(result))
  out:close()
  vim.cmd('qa!')
end

local function run()
  local root = vim.fn.getcwd()
  local client_id = vim.lsp.start_client({
    name = 'http-auth-lint',
    cmd = vim.fn.json_decode(os.getenv('HTTP_AUTH_LINT_SERVER')),
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'project' } },
  })
  assert(client_id, 'the server did not start')
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('HTTP_AUTH_LINT_FILE')))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)

  local ours = function()
    return vim.tbl_filter(function(d) return d.source == 'http-auth-lint' end, vim.diagnostic.get(bufnr))
  end
  assert(vim.wait(20000, function() return #ours() > 0 end, 50), 'no diagnostics within 20 s')
  for _, d in ipairs(ours()) do
    table.insert(result.diagnostics, { line = d.lnum + 1, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) })
  end

  -- The diagnostic as the server sent it, for the code action request's context.
  local first = ours()[1]
  local lsp = (first.user_data and first.user_data.lsp) or {}
  local range = { start = { line = first.lnum, character = first.col }, ['end'] = { line = first.end_lnum, character = first.end_col } }
  local diagnostic = { range = range, message = first.message, severity = first.severity, source = first.source, code = lsp.code or first.code, data = lsp.data }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = range,
    context = { diagnostics = { diagnostic }, only = { 'quickfix' } },
  }, 10000)
  local fix
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(result.actions, action.title)
      if action.title == 'Add WWW-Authenticate challenge' and fix == nil then fix = action end
    end
  end
  assert(fix and fix.edit, 'no quick fix "Add WWW-Authenticate challenge"')
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  result.applied = true
  vim.cmd('write')
  -- The server lints the fixed text: the finding goes.
  assert(vim.wait(20000, function()
    return #vim.tbl_filter(function(d) return d.lnum == first.lnum and d.message == first.message end, ours()) == 0
  end, 50), 'the finding stayed after the fix')
end

local ok, err = pcall(run)
finish(ok and vim.NIL or tostring(err))
