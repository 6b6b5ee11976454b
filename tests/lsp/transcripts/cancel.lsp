# A request waiting for an analysis (the debounce is long here) is cancelled:
# it answers RequestCancelled, and the server carries on.
--> {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{},"initializationOptions":{"diagnostics":{"debounceMs":10000}}}}
<-- {"id":1,"result":"*"}
--> {"jsonrpc":"2.0","method":"initialized","params":{}}
--> {"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///r.md","languageId":"markdown","version":1,"text":"@text:examples/shiliz-2024.report.md"}}}
<-- {"method":"textDocument/publishDiagnostics","params":{"uri":"file:///r.md","version":1}}
--> {"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///r.md","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"text":"草稿\n"}]}}
--> {"jsonrpc":"2.0","id":"hover-1","method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///r.md"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"context":{"diagnostics":[]}}}
--> {"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"hover-1"}}
<-- {"id":"hover-1","error":{"code":-32800}}
--> {"jsonrpc":"2.0","id":2,"method":"shutdown"}
<-- {"id":2,"result":null}
--> {"jsonrpc":"2.0","method":"exit"}
exit 0
