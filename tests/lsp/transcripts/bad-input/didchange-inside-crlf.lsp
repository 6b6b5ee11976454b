# In a CRLF document a column past the line's end (between the CR and the LF,
# counting them) means the end of the line: the pair is never split. Line 50
# is 51 units long; a space inserted at column 52 goes before the CR, so no
# line is added and part 四 stays on line 75; the total is then corrected.
include bad-input/_begin.lsp
--> {"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///crlf.md","languageId":"markdown","version":1,"text":"@crlf:examples/shiliz-2024.report.md"}}}
--> {"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///crlf.md","version":2},"contentChanges":[{"range":{"start":{"line":50,"character":52},"end":{"line":50,"character":52}},"text":" "},{"range":{"start":{"line":50,"character":48},"end":{"line":50,"character":49}},"text":"1"}]}}
--> {"jsonrpc":"2.0","id":1,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///crlf.md"}}}
<-- {"id":1,"result":[{"selectionRange":{"start":{"line":2}}},{"selectionRange":{"start":{"line":4}}},{"selectionRange":{"start":{"line":28}}},{"selectionRange":{"start":{"line":45}}},{"selectionRange":{"start":{"line":75}}},{"selectionRange":{"start":{"line":82}}},{"selectionRange":{"start":{"line":101}}}]}
--> {"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///crlf.md"},"range":{"start":{"line":50,"character":48},"end":{"line":50,"character":49}},"context":{"diagnostics":[],"only":["quickfix"]}}}
<-- {"id":2,"result":[]}
include bad-input/_end.lsp
