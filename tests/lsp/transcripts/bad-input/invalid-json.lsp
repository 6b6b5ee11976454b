# A body that is not JSON: ParseError (-32700) with a null id, as JSON-RPC
# prescribes; truncated JSON and a trailing comma likewise.
include bad-input/_begin.lsp
--> raw "Content-Length: 9\r\n\r\n{not json"
<-- {"id":null,"error":{"code":-32700}}
--> raw "Content-Length: 28\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,}   "
<-- {"id":null,"error":{"code":-32700}}
--> raw "Content-Length: 0\r\n\r\n"
<-- {"id":null,"error":{"code":-32700}}
include bad-input/_end.lsp
stderr: a message is not valid JSON
