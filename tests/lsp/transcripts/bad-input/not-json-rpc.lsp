# Valid JSON that is no JSON-RPC message: InvalidRequest (-32600), with the
# id when one can be read, null otherwise. LSP has no batches, so an array
# is refused whole.
include bad-input/_begin.lsp
--> 42
<-- {"id":null,"error":{"code":-32600}}
--> [{"jsonrpc":"2.0","id":1,"method":"shutdown"}]
<-- {"id":null,"error":{"code":-32600}}
--> {"jsonrpc":"2.0","id":"m","method":7}
<-- {"id":"m","error":{"code":-32600}}
--> {"jsonrpc":"2.0","id":{"object":"as id"},"method":"shutdown"}
<-- {"id":null,"error":{"code":-32600}}
--> {"jsonrpc":"2.0","result":"a response with no id"}
<-- {"id":null,"error":{"code":-32600}}
# A response to a request the server never sent is logged and dropped.
--> {"jsonrpc":"2.0","id":"never-sent","result":null}
include bad-input/_end.lsp
stderr: a response to "never-sent", which is no request the server sent
