# A client that counts in UTF-8 gets byte columns: the wrong total on line 50
# is at byte 80 of its line (UTF-16 column 48); the end of table 三's last
# row, where the offer to suppress puts its enable, at byte 68 of line 73.
--> {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-8","utf-16"]}}}}
<-- {"id":1,"result":{"capabilities":{"positionEncoding":"utf-8"}}}
--> {"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///shiliz.md","languageId":"markdown","version":1,"text":"@text:examples/shiliz-2024.report.md"}}}
--> {"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///shiliz.md"},"range":{"start":{"line":50,"character":80},"end":{"line":50,"character":80}},"context":{"diagnostics":[],"only":["quickfix"]}}}
<-- {"id":2,"result":[{"diagnostics":[{"code":"sum-row","range":{"start":{"line":50,"character":80},"end":{"line":50,"character":81}}}]},{"title":"在这张表中屏蔽 sum-row","edit":{"changes":{"file:///shiliz.md":[{"range":{"start":{"line":47,"character":0},"end":{"line":47,"character":0}}},{"range":{"start":{"line":73,"character":68},"end":{"line":73,"character":68}}}]}}},{"title":"在这张表中屏蔽 balance"}]}
--> {"jsonrpc":"2.0","id":3,"method":"shutdown"}
<-- {"id":3,"result":null}
--> {"jsonrpc":"2.0","method":"exit"}
exit 0
