# A change to a document that was never opened: logged, nothing else.
include bad-input/_begin.lsp
--> {"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///never.md","version":2},"contentChanges":[{"text":"x"}]}}
include bad-input/_end.lsp
stderr: textDocument/didChange: file:///never.md is not open
