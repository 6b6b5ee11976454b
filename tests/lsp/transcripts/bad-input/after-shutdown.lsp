# After shutdown: requests are InvalidRequest (-32600), notifications are
# dropped, and exit ends the process with 0.
include bad-input/_begin.lsp
--> {"jsonrpc":"2.0","id":1,"method":"shutdown"}
<-- {"id":1,"result":null}
--> {"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///bystander.md"},"range":{"start":{"line":50,"character":48},"end":{"line":50,"character":49}},"context":{"diagnostics":[]}}}
<-- {"id":2,"error":{"code":-32600}}
--> {"jsonrpc":"2.0","id":3,"method":"shutdown"}
<-- {"id":3,"error":{"code":-32600}}
--> {"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///bystander.md","version":2},"contentChanges":[{"text":"x"}]}}
--> {"jsonrpc":"2.0","method":"exit"}
exit 0
