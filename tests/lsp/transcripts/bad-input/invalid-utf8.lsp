# A body with bytes that are not UTF-8 (a Latin-1 é, 0xE9): read with U+FFFD
# in their place and a warning, so the document is open and served.
include bad-input/_begin.lsp
--> bytes "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///latin1.md\",\"languageId\":\"markdown\",\"version\":1,\"text\":\"caf\u00e9\\n\"}}}"
--> {"jsonrpc":"2.0","id":1,"method":"textDocument/diagnostic","params":{"textDocument":{"uri":"file:///latin1.md"}}}
<-- {"id":1,"result":{"kind":"full","items":[]}}
include bad-input/_end.lsp
stderr: a message held invalid UTF-8 or an unpaired UTF-16 surrogate; read with U+FFFD in their place
