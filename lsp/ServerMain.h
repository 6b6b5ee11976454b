#pragma once
// Running the server as a process: stdio, or one TCP client for debugging.

#include <string>

#include "WorkspaceReports.h"

namespace nianbao::lsp {

struct ServerOptions {
  std::string listen;  // "" for stdio, else "HOST:PORT" (PORT 0: any free port, printed on stderr)
  ReadReportFile readFile;  // how the workspace's report files are read (decoded)
};

// Serves until exit or end of input; returns the process exit code (0 after
// shutdown and exit, 1 otherwise, 2 when the server could not start).
int runServer(const ServerOptions& options);

}  // namespace nianbao::lsp
