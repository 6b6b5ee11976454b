# Positions past the last line mean the end of the document. Deleting from
# part 六's heading (line 101) to line 9999 leaves the title and five parts;
# inserting the heading again at line 500 puts it back at the end, line 101.
include bad-input/_begin.lsp
--> {"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///edited.md","languageId":"markdown","version":1,"text":"@text:examples/shiliz-2024.report.md"}}}
--> {"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///edited.md","version":2},"contentChanges":[{"range":{"start":{"line":101,"character":0},"end":{"line":9999,"character":7}},"text":""}]}}
--> {"jsonrpc":"2.0","id":1,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///edited.md"}}}
<-- {"id":1,"result":[{"selectionRange":{"start":{"line":2}}},{"selectionRange":{"start":{"line":4}}},{"selectionRange":{"start":{"line":28}}},{"selectionRange":{"start":{"line":45}}},{"selectionRange":{"start":{"line":75}}},{"selectionRange":{"start":{"line":82}}}]}
--> {"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///edited.md","version":3},"contentChanges":[{"range":{"start":{"line":500,"character":0},"end":{"line":500,"character":0}},"text":"#### 六、其他需要报告的事项\n"}]}}
--> {"jsonrpc":"2.0","id":2,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///edited.md"}}}
<-- {"id":2,"result":[{"selectionRange":{"start":{"line":2}}},{"selectionRange":{"start":{"line":4}}},{"selectionRange":{"start":{"line":28}}},{"selectionRange":{"start":{"line":45}}},{"selectionRange":{"start":{"line":75}}},{"selectionRange":{"start":{"line":82}}},{"selectionRange":{"start":{"line":101}}}]}
include bad-input/_end.lsp
