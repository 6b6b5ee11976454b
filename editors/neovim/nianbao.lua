-- nianbao for Neovim 0.7+ with no plugins: start `nianbao server` for
-- Markdown and text buffers and attach it. Put this file on your runtimepath
-- (e.g. ~/.config/nvim/lua/nianbao.lua) and call, from init.lua:
--
--   require('nianbao').setup()                        -- nianbao on PATH
--   require('nianbao').setup({ cmd = { '/path/to/nianbao', 'server' } })
--
-- Neovim 0.8+ could use vim.lsp.start(); start_client + buf_attach_client
-- also work on Debian 12's 0.7.2. One client serves every buffer.
local M = {}

local defaults = {
  cmd = { 'nianbao', 'server' },
  filetypes = { 'markdown', 'text' },
  -- The server's settings (README, "The language server"): checkOn = "type"
  -- checks the part headings as you type instead of on save.
  settings = { nianbao = { headings = { checkOn = 'save' } } },
}

local client_id = nil

function M.start(opts)
  if client_id and vim.lsp.get_client_by_id(client_id) then return client_id end
  client_id = vim.lsp.start_client({
    name = 'nianbao',
    cmd = opts.cmd,
    root_dir = vim.fn.getcwd(),
    settings = opts.settings,
    init_options = opts.settings.nianbao,
    -- The server asks for its settings with workspace/configuration.
    handlers = {
      ['workspace/configuration'] = function(_, params)
        local out = {}
        for i, item in ipairs(params.items or {}) do
          out[i] = item.section == 'nianbao' and opts.settings.nianbao or vim.NIL
        end
        return out
      end,
    },
  })
  return client_id
end

function M.setup(user)
  local opts = vim.tbl_deep_extend('force', defaults, user or {})
  vim.api.nvim_create_autocmd('FileType', {
    pattern = opts.filetypes,
    group = vim.api.nvim_create_augroup('nianbao', { clear = true }),
    callback = function(args)
      local id = M.start(opts)
      if id then vim.lsp.buf_attach_client(args.buf, id) end
    end,
  })
end

return M
