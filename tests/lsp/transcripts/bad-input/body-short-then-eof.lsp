# A body shorter than announced, then the end of the input: the log says how
# much arrived; the server ends with 1 (no shutdown came).
include bad-input/_begin.lsp
include bad-input/_still-serving.lsp
--> raw "Content-Length: 100\r\n\r\n{\"jsonrpc\":\"2.0\","
--> close
exit 1
stderr: the input ended inside a message: 17 of the 100 bytes announced arrived
