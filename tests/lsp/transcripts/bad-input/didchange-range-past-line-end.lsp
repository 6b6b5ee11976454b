# A position past the end of its line means the end of the line, as the
# specification says. Line 50 is 51 UTF-16 units long and ends "| 2 |";
# replacing from column 48 to column 500 with "1 |" gives "| 1 |", the right
# total, and takes no line break with it: part 四 stays on line 75.
include bad-input/_begin.lsp
--> {"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///edited.md","languageId":"markdown","version":1,"text":"@text:examples/shiliz-2024.report.md"}}}
--> {"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///edited.md","version":2},"contentChanges":[{"range":{"start":{"line":50,"character":48},"end":{"line":50,"character":500}},"text":"1 |"}]}}
--> {"jsonrpc":"2.0","id":1,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///edited.md"},"range":{"start":{"line":50,"character":48},"end":{"line":50,"character":49}},"context":{"diagnostics":[],"only":["quickfix"]}}}
<-- {"id":1,"result":[]}
--> {"jsonrpc":"2.0","id":2,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///edited.md"}}}
<-- {"id":2,"result":[{"selectionRange":{"start":{"line":2}}},{"selectionRange":{"start":{"line":4}}},{"selectionRange":{"start":{"line":28}}},{"selectionRange":{"start":{"line":45}}},{"selectionRange":{"start":{"line":75}}},{"selectionRange":{"start":{"line":82}}},{"selectionRange":{"start":{"line":101}}}]}
include bad-input/_end.lsp
