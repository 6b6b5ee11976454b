# Header lines ending in a lone LF are read (hand-written clients do that).
# A header with no blank line before the body loses that message only.
include bad-input/_begin.lsp
--> raw "Content-Length: 69\n\n{\"jsonrpc\":\"2.0\",\"id\":\"lf\",\"method\":\"textDocument/hover\",\"params\":{}}"
<-- {"id":"lf","error":{"code":-32602}}
--> raw "Content-Length: 44\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}"
include bad-input/_end.lsp
stderr: not a header line: "{"jsonrpc"
