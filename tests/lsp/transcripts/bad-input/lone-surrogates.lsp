# \u escapes of UTF-16 surrogates without their partner (a JavaScript
# string cut in half) are read as U+FFFD with a warning; a whole pair stays.
include bad-input/_begin.lsp
--> bytes "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///cut.md\",\"languageId\":\"markdown\",\"version\":1,\"text\":\"\\ud842 \\udfb7 \\ud842\\udfb7\\n\"}}}"
--> {"jsonrpc":"2.0","id":1,"method":"textDocument/diagnostic","params":{"textDocument":{"uri":"file:///cut.md"}}}
<-- {"id":1,"result":{"kind":"full","items":[]}}
include bad-input/_end.lsp
stderr: a message held invalid UTF-8 or an unpaired UTF-16 surrogate
