# A client that counts in UTF-8 gets byte columns: the wrong total on line 50
# is at byte 80 of its line (UTF-16 column 48).
--> {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-8","utf-16"]}}}}
<-- {"id":1,"result":{"capabilities":{"positionEncoding":"utf-8"}}}
--> {"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///shiliz.md","languageId":"markdown","version":1,"text":"@text:examples/shiliz-2024.report.md"}}}
--> {"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///shiliz.md"},"range":{"start":{"line":50,"character":80},"end":{"line":50,"character":80}},"context":{"diagnostics":[],"only":["quickfix"]}}}
<-- {"id":2,"result":[{"diagnostics":[{"code":"sum-row","range":{"start":{"line":50,"character":80},"end":{"line":50,"character":81}}}]}]}
--> {"jsonrpc":"2.0","id":3,"method":"shutdown"}
<-- {"id":3,"result":null}
--> {"jsonrpc":"2.0","method":"exit"}
exit 0
