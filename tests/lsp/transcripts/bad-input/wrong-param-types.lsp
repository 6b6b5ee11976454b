# Params of the wrong type: InvalidParams (-32602) naming the member; a
# notification with bad params is logged (there is no one to answer).
include bad-input/_begin.lsp
--> {"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///bystander.md"},"position":"50:48"}}
<-- {"id":1,"error":{"code":-32602}}
--> {"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":42}}}
<-- {"id":2,"error":{"code":-32602}}
--> {"jsonrpc":"2.0","id":3,"method":"textDocument/completion","params":{"textDocument":{"uri":"file:///bystander.md"},"position":{"line":-1,"character":"x"}}}
<-- {"id":3,"error":{"code":-32602}}
--> {"jsonrpc":"2.0","id":4,"method":"textDocument/diagnostic","params":"file:///bystander.md"}
<-- {"id":4,"error":{"code":-32602}}
--> {"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///other.md","languageId":"markdown","version":"one","text":42}}}
--> {"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///bystander.md","version":2},"contentChanges":[{"range":{"start":{"line":"0"},"end":null},"text":"x"}]}}
include bad-input/_end.lsp
stderr: textDocument/didOpen: textDocument.text must be a string
stderr: contentChanges[0].range
