#include "ServerMain.h"

#include <csignal>
#include <iostream>
#include <optional>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "LspServer.h"
#include "Transport.h"
#include "templates/BuiltinTemplates.h"

namespace nianbao::lsp {

namespace {

int serve(boost::asio::io_context& io, int inFd, int outFd, const ServerOptions& options) {
  FdTransport transport(inFd, outFd);
  int exitCode = 1;
  {
    ServerConfig config;
    config.readFile = options.readFile;
    LspServer server(io, transport, governmentInformationDisclosure2021(), config);
    server.onExit = [&](int code) {
      exitCode = code;
      io.stop();
    };
    transport.start({[&](std::string body) { server.receive(std::move(body)); },
                     [&](std::string error) { server.badFrame(std::move(error)); },
                     [&](std::string warning) { server.frameWarning(std::move(warning)); },
                     [&] { server.inputClosed(); }});
    auto work = boost::asio::make_work_guard(io);
    io.run();
    transport.close();  // flush what is queued; no more input is delivered
  }
  return exitCode;
}

}  // namespace

int runServer(const ServerOptions& options) {
  // A client that goes away mid-write must give EPIPE, not kill the process.
  std::signal(SIGPIPE, SIG_IGN);
  boost::asio::io_context io(1);
  if (options.listen.empty()) return serve(io, 0, 1, options);

  auto colon = options.listen.rfind(':');
  if (colon == std::string::npos) {
    std::cerr << "nianbao server: --listen takes HOST:PORT, e.g. 127.0.0.1:7070, not '" << options.listen << "'\n";
    return 2;
  }
  std::string host = options.listen.substr(0, colon), portText = options.listen.substr(colon + 1);
  try {
    auto address = boost::asio::ip::make_address(host);
    unsigned long port = std::stoul(portText);
    if (port > 65535) throw std::out_of_range("port");
    if (!address.is_loopback())
      std::cerr << "nianbao server: warning: listening on " << host << ", which is not loopback; anyone who can "
                << "reach it can read the documents sent to the server\n";
    boost::asio::ip::tcp::acceptor acceptor(io, {address, static_cast<unsigned short>(port)});
    std::cerr << "nianbao server: listening on " << acceptor.local_endpoint() << std::endl;
    boost::asio::ip::tcp::socket socket(io);
    acceptor.accept(socket);
    acceptor.close();  // one client: a debugging aid, not a service
    std::cerr << "nianbao server: client connected from " << socket.remote_endpoint() << std::endl;
    int fd = socket.native_handle();
    return serve(io, fd, fd, options);
  } catch (const std::invalid_argument&) {
    std::cerr << "nianbao server: --listen: '" << portText << "' is not a port number\n";
  } catch (const std::out_of_range&) {
    std::cerr << "nianbao server: --listen: port " << portText << " is out of range (0-65535)\n";
  } catch (const boost::system::system_error& e) {
    std::cerr << "nianbao server: --listen " << options.listen << ": " << e.what() << "\n";
  }
  return 2;
}

}  // namespace nianbao::lsp
