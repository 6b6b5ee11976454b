# An unknown request is MethodNotFound (-32601); an unknown notification is
# logged once per method; $/ notifications are ignored, as the spec allows.
include bad-input/_begin.lsp
--> {"jsonrpc":"2.0","id":1,"method":"textDocument/teleport","params":{}}
<-- {"id":1,"error":{"code":-32601}}
--> {"jsonrpc":"2.0","method":"textDocument/willSave","params":{"textDocument":{"uri":"file:///bystander.md"},"reason":1}}
--> {"jsonrpc":"2.0","method":"textDocument/willSave","params":{"textDocument":{"uri":"file:///bystander.md"},"reason":1}}
--> {"jsonrpc":"2.0","method":"$/somethingOptional","params":{}}
include bad-input/_end.lsp
stderr: ignored notification textDocument/willSave (nianbao does not handle it)
