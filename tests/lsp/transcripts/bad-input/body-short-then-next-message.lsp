# A body shorter than announced, followed by the next message: the short one
# is skipped where the next header starts, and the next one is answered.
include bad-input/_begin.lsp
--> raw "Content-Length: 500\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":\"short\","
--> {"jsonrpc":"2.0","id":"after","method":"textDocument/hover","params":{}}
<-- {"id":"after","error":{"code":-32602}}
include bad-input/_end.lsp
stderr: a message announced as 500 bytes ended after 30, where the next header starts
