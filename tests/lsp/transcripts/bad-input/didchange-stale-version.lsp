# A change whose version does not follow the document's is logged and still
# applied: the changes describe the client's buffer, whatever its number.
# Here version 3 after 5 writes the right total 1 over the 2 on line 50.
include bad-input/_begin.lsp
--> {"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///edited.md","languageId":"markdown","version":5,"text":"@text:examples/shiliz-2024.report.md"}}}
<-- {"method":"textDocument/publishDiagnostics","params":{"uri":"file:///edited.md","version":5}}
--> {"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///edited.md","version":3},"contentChanges":[{"range":{"start":{"line":50,"character":48},"end":{"line":50,"character":49}},"text":"1"}]}}
<-- {"method":"textDocument/publishDiagnostics","params":{"uri":"file:///edited.md","version":3}}
--> {"jsonrpc":"2.0","id":1,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///edited.md"},"range":{"start":{"line":50,"character":48},"end":{"line":50,"character":49}},"context":{"diagnostics":[],"only":["quickfix"]}}}
<-- {"id":1,"result":[]}
include bad-input/_end.lsp
stderr: file:///edited.md: version 3 does not follow 5
