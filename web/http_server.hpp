// The connection layer of `regflow serve`: Boost.Beast on Asio, shaped like Beast's own
// http_server_async example and kept as dull: a listener that accepts, one object per
// connection that reads a request with a deadline and size limits, hands it to the handler as
// plain data (web/http_message.hpp), and writes the response. It knows nothing of dossiers.
//
// What it refuses by itself, each with a clear status and a closed connection: a header block
// over the limit (431), malformed HTTP (400); a client that does not finish its request within
// the read time-out is cut off; past the connection cap a new connection gets a 503 and is
// closed. A body over its route's limit is read and dropped up to twice the limit (so that a
// browser still sending it takes the answer instead of a reset connection), then the handler
// answers 413 (Request::body_over_limit).
//
// A route whose body limit is over the in-memory one (the document upload) has its body
// received into a temporary file (Request::body_file), and a response may be sent from one
// (Response::body_file): memory does not grow with a document's size. Such a body, and such a
// response, has the read time-out plus the time its bytes take at `min_transfer_rate`. SIGINT and
// SIGTERM stop it. With a certificate it speaks TLS (1.2 and later) instead of plain HTTP.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "web/http_message.hpp"

namespace spdlog {
class logger;
}

namespace regflow::web {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  ///< 0: any free port (see HttpServer::port)
  std::size_t header_limit = 8 * 1024;
  std::size_t body_limit = 64 * 1024;
  /// The body limit of one request by its method and target, asked once its header is read
  /// (the document upload gets the document size limit, every other route `body_limit`);
  /// empty: `body_limit` for every request.
  std::function<std::size_t(std::string_view method, std::string_view target)> body_limit_for;
  /// A request must arrive whole within this, and a response be taken within it; an idle
  /// kept-alive connection is closed after it.
  std::chrono::milliseconds read_timeout{std::chrono::seconds(10)};
  /// Bytes per second a large body (or a response from a file) must keep up on average: each
  /// byte received or sent adds 1/rate seconds to the read time-out. 32 KiB/s is a weak mobile
  /// link; a client slower than that (or one that stalls) is cut off all the same.
  std::size_t min_transfer_rate = 32 * 1024;
  /// Where large bodies are received; empty: the system's temporary folder.
  std::filesystem::path spool_folder;
  std::size_t max_connections = 512;
  int threads = 4;
  /// PEM files; when tls_cert is set, the server speaks HTTPS only (Asio's OpenSSL stream).
  std::string tls_cert;
  std::string tls_key;
};

using Handler = std::function<Response(const Request&)>;

class HttpServer {
 public:
  /// Binds the listening socket; throws Error naming the address when it cannot (in use,
  /// not an address of this machine).
  HttpServer(const ServerOptions& options, Handler handler, std::shared_ptr<spdlog::logger> log);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// The port actually bound (useful with port 0).
  unsigned short port() const;
  /// Serves until SIGINT, SIGTERM or stop(); returns when every thread has finished.
  void run();
  /// Stops run() from any thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace regflow::web
