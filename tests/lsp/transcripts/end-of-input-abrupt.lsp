# Stdin closed without shutdown: the server ends with 1 and says why.
--> {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}
<-- {"id":1,"result":"*"}
--> close
exit 1
stderr: without shutdown
