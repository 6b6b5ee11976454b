# Bad frames and bad JSON are logged or answered; the connection stays usable.
--> raw "Content-Length: abc\r\n\r\n"
--> {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}
<-- {"id":1,"result":"*"}
# A header block without Content-Length.
--> raw "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}"
# A body that is not JSON: ParseError with a null id.
--> raw "Content-Length: 9\r\n\r\n{not json"
<-- {"id":null,"error":{"code":-32700}}
# Valid JSON that is no JSON-RPC message.
--> {"jsonrpc":"2.0","result":"I am not a request"}
<-- {"id":null,"error":{"code":-32600}}
# Params of the wrong type: InvalidParams naming the member.
--> {"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":42}}}
<-- {"id":2,"error":{"code":-32602}}
# A change to a document that was never opened is logged, not fatal.
--> {"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///never.md","version":2},"contentChanges":[{"text":"x"}]}}
--> {"jsonrpc":"2.0","id":3,"method":"shutdown"}
<-- {"id":3,"result":null}
--> {"jsonrpc":"2.0","method":"exit"}
exit 0
stderr: Content-Length
stderr: not valid JSON
stderr: file:///never.md is not open
