# The server still serves the bystander document: the quick fix for its
# wrong total, computed from an up-to-date analysis.
--> {"jsonrpc":"2.0","id":"still-serving","method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///bystander.md"},"range":{"start":{"line":50,"character":48},"end":{"line":50,"character":49}},"context":{"diagnostics":[],"only":["quickfix"]}}}
<-- {"id":"still-serving","result":[{"kind":"quickfix","edit":{"documentChanges":[{"textDocument":{"uri":"file:///bystander.md","version":1},"edits":[{"range":{"start":{"line":50,"character":48},"end":{"line":50,"character":49}},"newText":"1"}]}]}}]}
