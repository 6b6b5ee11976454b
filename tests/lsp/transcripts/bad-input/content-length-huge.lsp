# Lengths over the limit (64 MiB), and one too large for any integer: the
# message is refused and its body skipped, but a header where the body was
# said to go on ends the skipping, so a lying length does not swallow the
# messages after it.
include bad-input/_begin.lsp
--> raw "Content-Length: 2147483648\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}"
--> raw "Content-Length: 1844674407370955161600\r\n\r\n{\"id\":2}"
include bad-input/_end.lsp
stderr: a message of 2147483648 bytes is over the limit of 67108864 bytes; skipped
stderr: a Content-Length too large to represent
stderr: the refused message ended after 44 bytes
stderr: the refused message ended after 8 bytes
