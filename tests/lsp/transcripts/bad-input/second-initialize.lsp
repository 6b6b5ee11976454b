# A second initialize is InvalidRequest (-32600); the first one's settings
# and documents stay.
include bad-input/_begin.lsp
--> {"jsonrpc":"2.0","id":2,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-8"]}}}}
<-- {"id":2,"error":{"code":-32600}}
include bad-input/_end.lsp
