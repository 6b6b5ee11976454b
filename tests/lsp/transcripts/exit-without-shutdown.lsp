# exit without shutdown ends the process with 1.
--> {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}
<-- {"id":1,"result":"*"}
--> {"jsonrpc":"2.0","method":"exit"}
exit 1
