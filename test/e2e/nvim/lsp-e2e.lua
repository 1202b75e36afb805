-- Headless Neovim end to end check of the wincompat language server through Neovim's built-in
-- LSP client. Run by scripts/test-editors.sh:
--   WINCOMPAT_SERVER=dist/server.js E2E_WS=<workspace copy> E2E_CASES='<json>' \
--     nvim --headless -n -i NONE -u test/e2e/nvim/lsp-e2e.lua
-- E2E_CASES: [{"file": "Dockerfile", "rule": "process-isolation-mismatch", "title": "ltsc2022"}, ...]
-- For each case: open the file, wait for a diagnostic with the rule id (as published and as the
-- client shows it), request quick fixes for it, apply the preferred one (its title must contain
-- `title`), write the file, wait until the server publishes no diagnostics for it any more.
-- Prints one JSON line per step on stdout; the last line is {"step":"done"} on success.
-- Exit 0 on success, 1 on failure. Neovim 0.7.2 (Debian bookworm) and newer.
vim.cmd('filetype on')  -- -u FILE skips the default filetype detection: languageId = filetype
local uv = vim.uv or vim.loop
local t0 = uv.hrtime()
local function ms() return math.floor((uv.hrtime() - t0) / 1e6) end
local function emit(tbl) tbl.t_ms = ms(); io.stdout:write(vim.fn.json_encode(tbl) .. '\n') end
local function fail(msg) emit({ step = 'FAIL', error = tostring(msg) }); vim.cmd('cquit 1') end

local server, ws = os.getenv('WINCOMPAT_SERVER'), os.getenv('E2E_WS')
local ok_cases, cases = pcall(vim.fn.json_decode, os.getenv('E2E_CASES') or '')
if not server or not ws or not ok_cases then
  fail('WINCOMPAT_SERVER (server .js), E2E_WS (workspace) and E2E_CASES (JSON) are required')
end
local timeout = tonumber(os.getenv('E2E_TIMEOUT_MS') or '20000')

local function norm(path) return uv.fs_realpath(path) or path end

-- Every publishDiagnostics as the server sent it (with its data), numbered, per file path; then
-- Neovim's own handler runs, so vim.diagnostic shows what a user sees.
local published, seq = {}, 0
local function on_publish(err, result, ctx, config)
  seq = seq + 1
  published[norm(vim.uri_to_fname(result.uri))] = { seq = seq, diagnostics = result.diagnostics or {} }
  return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
end

local function codes(list)
  local out = {}
  for _, d in ipairs(list) do
    local c = d.code
    if c == nil and d.user_data and d.user_data.lsp then c = d.user_data.lsp.code end
    table.insert(out, tostring(c))
  end
  return out
end

-- vim.wait that gives up at once when the language server has exited
local client_id
local function wait_for(pred)
  local ok = vim.wait(timeout, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return pred() or c == nil or c.is_stopped()
  end, 20)
  local c = vim.lsp.get_client_by_id(client_id)
  if c == nil or c.is_stopped() then error('the language server exited (see lsp.log)') end
  return ok and pred()
end

local function find_rule(list, rule)
  for _, d in ipairs(list) do if d.code == rule then return d end end
end

local function run_case(client, c)
  local path = norm(ws .. '/' .. c.file)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  if not vim.lsp.buf_is_attached(bufnr, client.id) then vim.lsp.buf_attach_client(bufnr, client.id) end
  emit({ step = 'open', file = c.file, filetype = vim.bo[bufnr].filetype })

  -- 1. the diagnostic, as published and as shown by vim.diagnostic
  local diag
  local ok = wait_for(function()
    local p = published[path]
    diag = p and find_rule(p.diagnostics, c.rule)
    if not diag then return false end
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == c.rule or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == c.rule) then return true end
    end
    return false
  end)
  if not ok then
    local p = published[path]
    error(('no %s diagnostic within %d ms (published: %s; shown: %s)'):format(c.rule, timeout,
      p and table.concat(codes(p.diagnostics), ',') or 'nothing', table.concat(codes(vim.diagnostic.get(bufnr)), ',')))
  end
  emit({ step = 'diagnostics', file = c.file, rule = c.rule, line = diag.range.start.line + 1, shown = codes(vim.diagnostic.get(bufnr)), message = diag.message })

  -- 2. quick fixes for that diagnostic
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = diag.range,
    context = { diagnostics = { diag }, only = { 'quickfix' } },
  }
  local responses, rerr = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, timeout)
  if not responses then error('codeAction request failed: ' .. tostring(rerr)) end
  local titles, action = {}, nil
  for _, r in pairs(responses) do
    if r.err then error('codeAction error: ' .. vim.inspect(r.err)) end
    for _, a in ipairs(r.result or {}) do
      table.insert(titles, a.title .. (a.isPreferred and ' (preferred)' or ''))
      if a.isPreferred and not action then action = a end
    end
  end
  if not action then error('no preferred quick fix; got: ' .. vim.inspect(titles)) end
  if not action.title:find(c.title, 1, true) then error(('preferred fix %q does not mention %q'):format(action.title, c.title)) end
  emit({ step = 'codeActions', file = c.file, titles = titles, chosen = action.title })

  -- 3. apply it (resolving it or running its command when it carries no edit), write the file
  local caps = client.server_capabilities or client.resolved_capabilities or {}
  if not action.edit and not action.command and type(caps.codeActionProvider) == 'table' and caps.codeActionProvider.resolveProvider then
    local res = client.request_sync('codeAction/resolve', action, timeout, bufnr)
    if not res or res.err then error('codeAction/resolve failed: ' .. vim.inspect(res)) end
    action = res.result
  end
  local before = published[path].seq
  if action.edit then vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16') end
  local cmd = type(action.command) == 'table' and action.command or (type(action.command) == 'string' and action or nil)
  if cmd then
    local res = client.request_sync('workspace/executeCommand', { command = cmd.command, arguments = cmd.arguments }, timeout, bufnr)
    if not res or res.err then error('executeCommand failed: ' .. vim.inspect(res)) end
  end
  if not action.edit and not cmd then error('the chosen action has neither an edit nor a command') end
  vim.cmd('silent wall')
  emit({ step = 'applied', file = c.file, modified = vim.bo[bufnr].modified })

  -- 4. re-diagnosis: a newer publish with nothing in it, and nothing shown
  ok = wait_for(function()
    local p = published[path]
    return p.seq > before and #p.diagnostics == 0 and #vim.diagnostic.get(bufnr) == 0
  end)
  local p = published[path]
  if not ok then
    error(('diagnostics remain after the fix: published %s, shown %s'):format(table.concat(codes(p.diagnostics), ','), table.concat(codes(vim.diagnostic.get(bufnr)), ',')))
  end
  emit({ step = 'clean', file = c.file })
end

-- nested: the :edit below must fire BufRead (filetype detection) inside this autocommand
vim.api.nvim_create_autocmd('VimEnter', { once = true, nested = true, callback = function()
  local ok, err = pcall(function()
    local v = vim.version()
    emit({ step = 'start', nvim = ('%d.%d.%d'):format(v.major, v.minor, v.patch), server = server })
    local cfg = {
      name = 'wincompat',
      cmd = { os.getenv('NODE') or 'node', server, '--stdio' },
      root_dir = norm(ws),
      handlers = { ['textDocument/publishDiagnostics'] = on_publish },
    }
    client_id = vim.lsp.start_client(cfg)
    if not client_id then error('the client did not start') end
    local client = vim.lsp.get_client_by_id(client_id)
    for _, c in ipairs(cases) do run_case(client, c) end
    vim.lsp.stop_client(client_id)
    vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
    emit({ step = 'done' })
  end)
  if not ok then fail(err) end
  vim.cmd('qall!')
end })
