# Workspace notifications that make no sense: a didChangeWatchedFiles whose
# changes are no array is logged; changes naming no file (another scheme, a
# URI that is no URI, a file that does not exist) and folder events of the
# wrong shape are passed over. Nothing stops the server.
include bad-input/_begin.lsp
--> {"jsonrpc":"2.0","method":"workspace/didChangeWatchedFiles","params":{"changes":"all of them"}}
--> {"jsonrpc":"2.0","method":"workspace/didChangeWatchedFiles","params":{"changes":[{"uri":"untitled:1","type":2},{"uri":"::not a uri::","type":1},{"uri":42},{"uri":"file:///no/such/report.md","type":3},"x"]}}
--> {"jsonrpc":"2.0","method":"workspace/didChangeWorkspaceFolders","params":{"event":{"added":[{"uri":"https://example.org/"},{"name":"no uri"},7],"removed":"x"}}}
--> {"jsonrpc":"2.0","method":"workspace/didChangeWorkspaceFolders","params":{"event":"added"}}
include bad-input/_end.lsp
stderr: workspace/didChangeWatchedFiles: changes must be an array
