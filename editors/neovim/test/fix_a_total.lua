-- Headless test of nianbao in Neovim (Debian's 0.7.2), as a user meets it:
-- open a report with a wrong total, see the diagnostic, run the code action
-- through vim.lsp.buf.code_action() (vim.ui.select answered as a user
-- would), see the cell corrected and the diagnostic gone.
--
--   NIANBAO_BINARY=build/nianbao NIANBAO_REPORT=editors/test/fixtures/wrong-total.md \
--     nvim --headless --clean -c 'luafile editors/neovim/test/fix_a_total.lua'
--
-- Exits 0 when every step passed, 1 (with the reason on stderr) otherwise.

local function fail(why)
  io.stderr:write('FAIL: ' .. why .. '\n')
  vim.cmd('cquit 1')
end

local function check(ok, why)
  if not ok then fail(why) end
end

local ok, err = pcall(function()
  local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
  local binary = assert(os.getenv('NIANBAO_BINARY'), 'NIANBAO_BINARY is not set')
  local report = assert(os.getenv('NIANBAO_REPORT'), 'NIANBAO_REPORT is not set')

  -- The buffer is a copy: the test edits it.
  local copy = vim.fn.tempname() .. '.md'
  vim.fn.writefile(vim.fn.readfile(report, 'b'), copy, 'b')

  package.path = here .. '../?.lua;' .. package.path
  require('nianbao').setup({ cmd = { binary, 'server' } })
  vim.cmd('edit ' .. vim.fn.fnameescape(copy))
  local buf = vim.api.nvim_get_current_buf()

  local function sum_rows()
    local found = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == 'sum-row' then table.insert(found, d) end
    end
    return found
  end

  check(vim.wait(15000, function() return #sum_rows() > 0 end, 50), 'no sum-row diagnostic within 15 s; got ' ..
        vim.inspect(vim.diagnostic.get(buf)))
  local d = sum_rows()[1]
  check(d.source == 'nianbao', 'the diagnostic source is ' .. tostring(d.source))
  check(d.message:find('总计应为 1', 1, true) ~= nil, 'unexpected message: ' .. d.message)
  local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
  check(line:find('\t2\t$') ~= nil, 'the diagnostic is not on the wrong total: ' .. line)

  -- The code action, chosen the way a user picks it from the menu.
  local offered = {}
  vim.ui.select = function(items, opts, on_choice)
    for _, item in ipairs(items) do
      local title = opts.format_item(item)
      table.insert(offered, title)
      if title:find('改为 1', 1, true) then return on_choice(item) end
    end
    on_choice(nil)
  end
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  vim.lsp.buf.code_action()
  check(vim.wait(10000, function()
    return vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]:find('\t1\t$') ~= nil
  end, 50), 'the code action did not correct the cell; offered: ' .. vim.inspect(offered))

  -- Corrected, the diagnostics go: the row sum and the column total with it.
  check(vim.wait(10000, function() return #vim.diagnostic.get(buf) == 0 end, 50),
        'diagnostics remain after the fix: ' .. vim.inspect(vim.diagnostic.get(buf)))
  io.stdout:write('PASS: diagnostic, code action, corrected cell, diagnostics cleared\n')
end)

if not ok then fail(tostring(err)) end
vim.cmd('qall!')
