# A Content-Length that is no number: that message is skipped and logged
# (no id is known, so nothing is answered); the next is read.
include bad-input/_begin.lsp
--> raw "Content-Length: twelve\r\n\r\n{\"id\":1}"
--> {"jsonrpc":"2.0","id":"between","method":"textDocument/hover","params":{}}
<-- {"id":"between","error":{"code":-32602}}
--> raw "Content-Length: 0x10\r\n\r\n{\"id\":2}"
include bad-input/_end.lsp
stderr: Content-Length is not a number: "twelve"
stderr: Content-Length is not a number: "0x10"
