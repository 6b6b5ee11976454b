# A negative Content-Length: skipped and logged; the next message is read.
include bad-input/_begin.lsp
--> raw "Content-Length: -8\r\n\r\n{\"id\":1}"
include bad-input/_end.lsp
stderr: Content-Length is negative: "-8"
