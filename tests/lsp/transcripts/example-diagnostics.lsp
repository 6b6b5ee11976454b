# The shipped example, opened by a client that takes pushed diagnostics and
# counts in UTF-16. Line 51 (0-based 50) is
#   | 一、本年新收政府信息公开申请数量 |  | 1 | 0 | 0 | 0 | 0 | 0 | 2 |
# whose total 2 should be 1: the "2" is UTF-16 column 48 (byte column 80).
--> {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"workspace":{"workspaceEdit":{"documentChanges":true}}}}}
<-- {"id":1,"result":"*"}
--> {"jsonrpc":"2.0","method":"initialized","params":{}}
--> {"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///shiliz.md","languageId":"markdown","version":3,"text":"@text:examples/shiliz-2024.report.md"}}}
<-- {"method":"textDocument/publishDiagnostics","params":{"uri":"file:///shiliz.md","version":3}}
# The quick fix for that total: one edit, versioned, writing 1 over the 2;
# then the offers to suppress sum-row and balance there, by a disable before
# table 三 (line 48) and an enable after it (line 74): a comment line inside
# a Markdown table would end it.
--> {"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///shiliz.md"},"range":{"start":{"line":50,"character":48},"end":{"line":50,"character":49}},"context":{"diagnostics":[],"only":["quickfix"]}}}
<-- {"id":2,"result":[{"kind":"quickfix","isPreferred":true,"diagnostics":[{"code":"sum-row","range":{"start":{"line":50,"character":48},"end":{"line":50,"character":49}}}],"edit":{"documentChanges":[{"textDocument":{"uri":"file:///shiliz.md","version":3},"edits":[{"range":{"start":{"line":50,"character":48},"end":{"line":50,"character":49}},"newText":"1"}]}]}},{"title":"在这张表中屏蔽 sum-row","kind":"quickfix","isPreferred":false,"diagnostics":[{"code":"sum-row"}],"edit":{"documentChanges":[{"textDocument":{"uri":"file:///shiliz.md","version":3},"edits":[{"range":{"start":{"line":47,"character":0},"end":{"line":47,"character":0}},"newText":"<!-- nianbao-disable sum-row -->\n"},{"range":{"start":{"line":73,"character":46},"end":{"line":73,"character":46}},"newText":"\n<!-- nianbao-enable sum-row -->"}]}]}},{"title":"在这张表中屏蔽 balance","kind":"quickfix","isPreferred":false,"diagnostics":[{"code":"balance"}]}]}
# The user applies it; the sum problem is gone from the next diagnostics.
--> {"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///shiliz.md","version":4},"contentChanges":[{"range":{"start":{"line":50,"character":48},"end":{"line":50,"character":49}},"text":"1"}]}}
--> {"jsonrpc":"2.0","id":3,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///shiliz.md"},"range":{"start":{"line":50,"character":48},"end":{"line":50,"character":49}},"context":{"diagnostics":[],"only":["quickfix"]}}}
<-- {"id":3,"result":[]}
--> {"jsonrpc":"2.0","id":4,"method":"shutdown"}
<-- {"id":4,"result":null}
--> {"jsonrpc":"2.0","method":"exit"}
exit 0
