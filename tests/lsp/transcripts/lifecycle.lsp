# The lifecycle the specification prescribes.
# A request before initialize is refused with ServerNotInitialized.
--> {"jsonrpc":"2.0","id":1,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///r.md"}}}
<-- {"id":1,"error":{"code":-32002}}
# A notification before initialize is dropped without an answer.
--> {"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///r.md","languageId":"markdown","version":1,"text":"x"}}}
--> {"jsonrpc":"2.0","id":2,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}
<-- {"id":2,"result":{"capabilities":{"positionEncoding":"utf-16","textDocumentSync":{"openClose":true,"change":2,"save":{"includeText":false}}},"serverInfo":{"name":"nianbao"}}}
--> {"jsonrpc":"2.0","method":"initialized","params":{}}
# Unknown methods are MethodNotFound; $/ notifications are ignored.
--> {"jsonrpc":"2.0","method":"$/unknownNotification","params":{}}
--> {"jsonrpc":"2.0","id":3,"method":"workspace/unknownThing","params":{}}
<-- {"id":3,"error":{"code":-32601}}
--> {"jsonrpc":"2.0","id":4,"method":"shutdown"}
<-- {"id":4,"result":null}
# After shutdown every request is InvalidRequest.
--> {"jsonrpc":"2.0","id":5,"method":"textDocument/diagnostic","params":{"textDocument":{"uri":"file:///r.md"}}}
<-- {"id":5,"error":{"code":-32600}}
--> {"jsonrpc":"2.0","method":"exit"}
exit 0
