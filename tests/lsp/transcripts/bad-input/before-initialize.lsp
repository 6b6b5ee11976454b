# Before initialize: requests are ServerNotInitialized (-32002) and
# notifications dropped; exit alone ends the process with 1.
--> {"jsonrpc":"2.0","id":1,"method":"textDocument/diagnostic","params":{"textDocument":{"uri":"file:///bystander.md"}}}
<-- {"id":1,"error":{"code":-32002}}
--> {"jsonrpc":"2.0","id":2,"method":"shutdown"}
<-- {"id":2,"error":{"code":-32002}}
--> {"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///early.md","languageId":"markdown","version":1,"text":"x"}}}
# The session then starts normally, and the early document was not opened.
include bad-input/_begin.lsp
--> {"jsonrpc":"2.0","id":3,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///early.md"}}}
<-- {"id":3,"error":{"code":-32602}}
include bad-input/_end.lsp
