# A header block without Content-Length: the message is skipped and logged;
# the message after it is read.
include bad-input/_begin.lsp
--> raw "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}"
include bad-input/_end.lsp
stderr: a message without Content-Length; skipped
