# Content-Length twice: the last one counts (as in clangd) and a warning
# says so. Here the first is wrong, the second right: the request is
# answered.
include bad-input/_begin.lsp
--> raw "Content-Length: 999\r\nContent-Length: 77\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":\"dup\",\"method\":\"textDocument/foldingRange\",\"params\":{}}"
<-- {"id":"dup","error":{"code":-32602}}
include bad-input/_end.lsp
stderr: warning: message frame: Content-Length given twice (999, then 77); the last is used
