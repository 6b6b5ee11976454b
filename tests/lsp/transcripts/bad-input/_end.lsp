# Shared end: still serving, then an orderly shutdown.
include bad-input/_still-serving.lsp
--> {"jsonrpc":"2.0","id":"end","method":"shutdown"}
<-- {"id":"end","result":null}
--> {"jsonrpc":"2.0","method":"exit"}
exit 0
