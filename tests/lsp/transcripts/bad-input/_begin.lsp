# Shared start of the bad-input transcripts: an initialized server with a
# bystander document open, the shipped example, whose line 51 (0-based 50)
#   | 一、本年新收政府信息公开申请数量 |  | 1 | 0 | 0 | 0 | 0 | 0 | 2 |
# has the total 2 where 1 is due (UTF-16 column 48).
--> {"jsonrpc":"2.0","id":"begin","method":"initialize","params":{"capabilities":{"workspace":{"workspaceEdit":{"documentChanges":true}}}}}
<-- {"id":"begin","result":"*"}
--> {"jsonrpc":"2.0","method":"initialized","params":{}}
--> {"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///bystander.md","languageId":"markdown","version":1,"text":"@text:examples/shiliz-2024.report.md"}}}
<-- {"method":"textDocument/publishDiagnostics","params":{"uri":"file:///bystander.md","version":1}}
