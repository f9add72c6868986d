#include "web/http_server.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <csignal>
#include <limits>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

#include "cli/render/translate.hpp"
#include "engine/model/error.hpp"
#include "web/request_language.hpp"
#include "web/spooled_file.hpp"

namespace regflow::web {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

struct Shared {
  ServerOptions options;
  Handler handler;
  std::shared_ptr<spdlog::logger> log;
  std::atomic<std::size_t> connections{0};
};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// One connection, over plain TCP (Stream = beast::tcp_stream) or TLS
// (beast::ssl_stream<beast::tcp_stream>): the TLS one shakes hands first and says goodbye last.
template <typename Stream>
class Connection : public std::enable_shared_from_this<Connection<Stream>> {
  static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

 public:
  template <typename... Args>
  explicit Connection(Shared& shared, Args&&... args)
      : stream_(std::forward<Args>(args)...), shared_(shared) {
    beast::error_code ec;
    const auto endpoint = beast::get_lowest_layer(stream_).socket().remote_endpoint(ec);
    peer_ = ec ? std::string("?") : endpoint.address().to_string();
  }
  ~Connection() { --shared_.connections; }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void start() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Connection::begin, this->shared_from_this()));
  }

 private:
  void begin() {
    if constexpr (kTls) {
      beast::get_lowest_layer(stream_).expires_after(shared_.options.read_timeout);
      stream_.async_handshake(
          net::ssl::stream_base::server,
          beast::bind_front_handler(&Connection::on_handshake, this->shared_from_this()));
    } else {
      read();
    }
  }

  void on_handshake(beast::error_code ec) {
    if (ec) {
      shared_.log->info("{} closed: TLS handshake failed: {}", peer_, ec.message());
      return;
    }
    read();
  }

  // The header first: the body limit depends on the route (an upload may be large, nothing
  // else may), so it is set only once the method and target are known.
  void read() {
    parser_.emplace();
    spool_parser_.reset();
    discard_parser_.reset();
    spool_.reset();
    parser_->header_limit(static_cast<std::uint32_t>(shared_.options.header_limit));
    // No limit while the header is read: Beast would check Content-Length against it at the
    // end of the header, before the route is known. on_header sets the route's limit. (Not
    // boost::none: Beast 1.74 compares Content-Length with the optional, and anything is
    // greater than none.)
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    limit_ = shared_.options.body_limit;
    beast::get_lowest_layer(stream_).expires_after(shared_.options.read_timeout);
    http::async_read_header(
        stream_, buffer_, *parser_,
        beast::bind_front_handler(&Connection::on_header, this->shared_from_this()));
  }

  // True when `ec` ended the request (the connection is being closed or answered).
  bool failed(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == net::error::eof ||
        ec == net::error::connection_reset) {
      close();
      return true;
    }
    if (ec == beast::error::timeout) {
      shared_.log->info("{} closed: no complete request within {} ms{}", peer_,
                        shared_.options.read_timeout.count(),
                        transferred_ > 0 ? fmt::format(" and {} bytes at {} bytes/s", transferred_,
                                                       shared_.options.min_transfer_rate)
                                         : std::string{});
      return true;  // the stream closed the socket
    }
    if (ec == http::error::header_limit) {
      const cli::render::LanguageScope scope(refusal_language());
      refuse(431, cli::render::trf("the request's headers are larger than {} bytes",
                                   shared_.options.header_limit));
      return true;
    }
    if (ec == http::error::body_limit) {
      // A chunked body past its limit: what arrived so far was at most the limit.
      answer_too_large();
      return true;
    }
    if (ec == http::error::partial_message) {
      close();
      return true;
    }
    if (ec.category() == http::make_error_code(http::error::bad_method).category()) {
      const cli::render::LanguageScope scope(refusal_language());
      refuse(400, cli::render::trf("malformed HTTP request: {}", ec.message()));
      return true;
    }
    if (ec) {
      close();
      return true;
    }
    return false;
  }

  // A large body or response may take the read time-out plus the time its bytes take at the
  // minimum rate: a slow link that keeps sending is served, a stalled one is not.
  void extend_deadline(std::size_t bytes) {
    transferred_ += bytes;
    const auto allowance = std::chrono::milliseconds(static_cast<std::int64_t>(
        transferred_ * 1000 / std::max<std::size_t>(1, shared_.options.min_transfer_rate)));
    beast::get_lowest_layer(stream_).expires_at(transfer_started_ + shared_.options.read_timeout +
                                                allowance);
  }

  void start_transfer() {
    transfer_started_ = std::chrono::steady_clock::now();
    transferred_ = 0;
    extend_deadline(0);
  }

  void on_header(beast::error_code ec, std::size_t) {
    if (failed(ec)) return;
    const auto& header = parser_->get();
    if (shared_.options.body_limit_for) {
      limit_ = shared_.options.body_limit_for(
          std::string_view(header.method_string().data(), header.method_string().size()),
          std::string_view(header.target().data(), header.target().size()));
    }
    if (const auto length = parser_->content_length(); length && *length > limit_) {
      // Read and drop it (within reason) before answering: a browser takes an answer only once
      // it has sent its request, and shows "connection reset" otherwise.
      if (*length <= 2 * static_cast<std::uint64_t>(limit_)) return discard_body();
      return answer_too_large();
    }
    if (limit_ > shared_.options.body_limit) return spool_body();
    parser_->body_limit(limit_);  // a chunked body is counted as it arrives
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Connection::on_read, this->shared_from_this()));
  }

  // A body allowed to be large goes to a temporary file as it arrives.
  void spool_body() {
    try {
      spool_ = std::make_shared<SpooledFile>(spool_folder());
      beast::file file;
      file.native_handle(spool_->duplicate_descriptor());
      spool_parser_.emplace(std::move(*parser_));
      parser_.reset();
      spool_parser_->body_limit(limit_);
      beast::error_code ec;
      spool_parser_->get().body().reset(std::move(file), ec);
      if (ec) throw Error("cannot receive into a temporary file: " + ec.message());
    } catch (const std::exception& e) {
      shared_.log->error("{} cannot receive a body: {}", peer_, e.what());
      refuse(500, "internal error; the server's log says what happened");
      return;
    }
    start_transfer();
    read_spooled_piece();
  }

  void read_spooled_piece() {
    http::async_read_some(
        stream_, buffer_, *spool_parser_,
        beast::bind_front_handler(&Connection::on_spooled_piece, this->shared_from_this()));
  }

  void on_spooled_piece(beast::error_code ec, std::size_t bytes) {
    if (failed(ec)) return;
    extend_deadline(bytes);
    if (!spool_parser_->is_done()) return read_spooled_piece();
    Request request = request_of(spool_parser_->get());
    request.body_file = spool_;
    respond(std::move(request), spool_parser_->get().version(), spool_parser_->get().keep_alive());
  }

  // The body over the limit, read into a small buffer and dropped.
  void discard_body() {
    discard_parser_.emplace(std::move(*parser_));
    parser_.reset();
    discard_buffer_.resize(64 * 1024);
    start_transfer();
    read_discarded_piece();
  }

  void read_discarded_piece() {
    discard_parser_->get().body().data = discard_buffer_.data();
    discard_parser_->get().body().size = discard_buffer_.size();
    http::async_read_some(
        stream_, buffer_, *discard_parser_,
        beast::bind_front_handler(&Connection::on_discarded_piece, this->shared_from_this()));
  }

  void on_discarded_piece(beast::error_code ec, std::size_t bytes) {
    if (ec == http::error::need_buffer) ec = {};  // the buffer is full: it is simply reused
    if (failed(ec)) return;
    extend_deadline(bytes);
    if (!discard_parser_->is_done()) return read_discarded_piece();
    answer_too_large();
  }

  // The handler's 413 page (in the request's language: WebApp::handle chooses it from the
  // header, which has always been read by now), and the connection closed.
  void answer_too_large() {
    shared_.log->info("{} refused 413: the request's body is larger than {} bytes", peer_, limit_);
    Request request;
    if (parser_) request = request_of(parser_->get());
    if (spool_parser_) request = request_of(spool_parser_->get());
    if (discard_parser_) request = request_of(discard_parser_->get());
    request.body_over_limit = limit_;
    respond(std::move(request), 11, false);
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (failed(ec)) return;
    auto& message = parser_->get();
    Request request = request_of(message);
    request.body = std::move(message.body());
    respond(std::move(request), message.version(), message.keep_alive());
  }

  template <typename Message>
  Request request_of(const Message& message) const {
    Request request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    for (const auto& field : message) {
      request.headers[lower(std::string(field.name_string()))] = std::string(field.value());
    }
    request.peer = peer_;
    request.tls = kTls;
    return request;
  }

  void respond(Request&& request, unsigned version, bool keep_alive) {
    const auto started = std::chrono::steady_clock::now();
    Response response;
    try {
      response = shared_.handler(request);
    } catch (const std::exception& e) {
      shared_.log->error("{} \"{} {}\": internal error: {}", peer_, request.method,
                         loggable_target(request.target), e.what());
      const cli::render::LanguageScope scope(
          request_language(request, cli::render::current_language()).language);
      response =
          Response{500,
                   {{"Content-Type", "text/plain; charset=utf-8"}},
                   cli::render::tr("internal error; the server's log says what happened") + "\n"};
    }
    // The upload's temporary file is closed (and so gone) here.
    request.body_file.reset();
    spool_.reset();
    spool_parser_.reset();
    discard_parser_.reset();
    const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);
    shared_.log->info("{} \"{} {}\" {} {} {:.1f}ms", peer_, request.method,
                      loggable_target(request.target), response.status,
                      response.body_file ? response.body_file->size() : response.body.size(),
                      static_cast<double>(elapsed.count()) / 1000.0);
    send(std::move(response), version, keep_alive);
  }

  // The language of a refusal made before the application saw the request: the one the request
  // asks for (`?lang=`, the cookie, Accept-Language) once its header has been read, else the
  // installation's.
  cli::render::Language refusal_language() const {
    if (!parser_ || !parser_->is_header_done()) return cli::render::current_language();
    return request_language(request_of(parser_->get()), cli::render::current_language()).language;
  }

  void refuse(int status, const std::string& why) {
    shared_.log->info("{} refused {}: {}", peer_, status, why);
    Response response{
        status,
        {{"Content-Type", "text/plain; charset=utf-8"},
         {"Content-Language", cli::render::language_code(cli::render::current_language())}},
        why + "\n"};
    send(std::move(response), 11, false);
  }

  void send(Response&& response, unsigned version, bool keep_alive) {
    if (response.body_file) return send_file(std::move(response), version, keep_alive);
    res_ = {};
    res_.version(version);
    res_.result(static_cast<unsigned>(response.status));
    for (auto& [name, value] : response.headers) res_.set(name, value);
    res_.set(http::field::server, "regflow");
    res_.body() = std::move(response.body);
    res_.keep_alive(keep_alive);
    res_.prepare_payload();
    beast::get_lowest_layer(stream_).expires_after(shared_.options.read_timeout);
    http::async_write(
        stream_, res_,
        beast::bind_front_handler(&Connection::on_write, this->shared_from_this(), !keep_alive));
  }

  // A response from a temporary file, written piece by piece with the deadline extended as its
  // bytes go out.
  void send_file(Response&& response, unsigned version, bool keep_alive) {
    file_res_.emplace();
    file_res_->version(version);
    file_res_->result(static_cast<unsigned>(response.status));
    for (auto& [name, value] : response.headers) file_res_->set(name, value);
    file_res_->set(http::field::server, "regflow");
    beast::error_code ec;
    beast::file file;
    try {
      file.native_handle(response.body_file->duplicate_descriptor());
    } catch (const std::exception& e) {
      shared_.log->error("{} cannot send a body: {}", peer_, e.what());
      return close();
    }
    file_res_->body().reset(std::move(file), ec);
    if (ec) {
      shared_.log->error("{} cannot send a body: {}", peer_, ec.message());
      return close();
    }
    file_res_->keep_alive(keep_alive);
    file_res_->prepare_payload();
    file_serializer_.emplace(*file_res_);
    close_after_ = !keep_alive;
    start_transfer();
    write_file_piece();
  }

  void write_file_piece() {
    http::async_write_some(
        stream_, *file_serializer_,
        beast::bind_front_handler(&Connection::on_file_piece, this->shared_from_this()));
  }

  void on_file_piece(beast::error_code ec, std::size_t bytes) {
    if (ec) return;
    extend_deadline(bytes);
    if (!file_serializer_->is_done()) return write_file_piece();
    file_serializer_.reset();
    file_res_.reset();  // closes the descriptor: a finished download's temporary file is gone
    on_write(close_after_, ec, 0);
  }

  void on_write(bool close_after, beast::error_code ec, std::size_t) {
    if (ec) return;
    if (close_after) return close();
    read();
  }

  // Stops sending, then reads and drops what the client still sends until it closes too, for
  // at most the read time-out: closing a socket with unread bytes sends a reset, and a browser
  // still sending an upload would then show "connection reset" instead of the answer.
  void close() {
    if constexpr (kTls) {
      beast::get_lowest_layer(stream_).expires_after(shared_.options.read_timeout);
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {});
    } else {
      beast::error_code ec;
      stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
      if (ec) return;
      discard_buffer_.resize(64 * 1024);
      stream_.expires_after(shared_.options.read_timeout);
      linger();
    }
  }

  void linger() {
    stream_.async_read_some(net::buffer(discard_buffer_),
                            [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                              if (!ec) self->linger();
                            });
  }

  std::filesystem::path spool_folder() const {
    return shared_.options.spool_folder.empty() ? std::filesystem::temp_directory_path()
                                                : shared_.options.spool_folder;
  }

  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  // The same request once its header is read, when its body goes to a file or is dropped.
  std::optional<http::request_parser<http::file_body>> spool_parser_;
  std::optional<http::request_parser<http::buffer_body>> discard_parser_;
  std::shared_ptr<SpooledFile> spool_;
  std::vector<char> discard_buffer_;
  http::response<http::string_body> res_;
  std::optional<http::response<http::file_body>> file_res_;
  std::optional<http::response_serializer<http::file_body>> file_serializer_;
  bool close_after_ = false;
  Shared& shared_;
  std::string peer_;
  std::size_t limit_ = 0;  ///< the body limit of the request being read
  std::chrono::steady_clock::time_point transfer_started_;
  std::uint64_t transferred_ = 0;  ///< bytes of the large body or response so far
};

using PlainConnection = Connection<beast::tcp_stream>;
using TlsConnection = Connection<beast::ssl_stream<beast::tcp_stream>>;

}  // namespace

struct HttpServer::Impl {
  Shared shared;
  std::unique_ptr<net::ssl::context> tls;  ///< null: plain HTTP
  net::io_context ioc;
  tcp::acceptor acceptor{ioc};
  net::signal_set signals{ioc, SIGINT, SIGTERM};

  void accept() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (ec) {
        if (ec != net::error::operation_aborted) {
          shared.log->warn("accept failed: {}", ec.message());
          accept();
        }
        return;
      }
      if (shared.connections.load() >= shared.options.max_connections) {
        // Over the cap: say so and close at once, without reading the request.
        static constexpr std::string_view kBusy =
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
            "Content-Length: 36\r\nConnection: close\r\nRetry-After: 5\r\n\r\n"
            "too many connections; retry shortly\n";
        beast::error_code ignored;
        socket.non_blocking(true, ignored);
        socket.write_some(net::buffer(kBusy.data(), kBusy.size()), ignored);
        socket.shutdown(tcp::socket::shutdown_both, ignored);
        socket.close(ignored);
        shared.log->warn("refused a connection: {} open (the cap)", shared.options.max_connections);
      } else {
        ++shared.connections;
        if (tls) {
          std::make_shared<TlsConnection>(shared, std::move(socket), *tls)->start();
        } else {
          std::make_shared<PlainConnection>(shared, std::move(socket))->start();
        }
      }
      accept();
    });
  }
};

HttpServer::HttpServer(const ServerOptions& options, Handler handler,
                       std::shared_ptr<spdlog::logger> log)
    : impl_(std::make_unique<Impl>()) {
  impl_->shared.options = options;
  impl_->shared.handler = std::move(handler);
  impl_->shared.log = std::move(log);
  beast::error_code ec;
  if (!options.tls_cert.empty()) {
    auto tls = std::make_unique<net::ssl::context>(net::ssl::context::tls_server);
    tls->set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
                     net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 |
                     net::ssl::context::no_tlsv1_1);
    tls->use_certificate_chain_file(options.tls_cert, ec);
    if (ec) {
      throw InputError(fmt::format("--tls-cert '{}': {}; give a PEM certificate (chain) file",
                                   options.tls_cert, ec.message()));
    }
    tls->use_private_key_file(options.tls_key, net::ssl::context::pem, ec);
    if (ec) {
      throw InputError(
          fmt::format("--tls-key '{}': {}; give the PEM private key of the --tls-cert certificate",
                      options.tls_key, ec.message()));
    }
    impl_->tls = std::move(tls);
  }
  const auto address = net::ip::make_address(options.address, ec);
  if (ec) {
    throw InputError(fmt::format("--listen '{}' is not an IP address; give e.g. 127.0.0.1:8080",
                                 options.address));
  }
  const tcp::endpoint endpoint{address, options.port};
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    throw InputError(
        fmt::format("cannot listen on {}:{}: {}", options.address, options.port, ec.message()));
  }
}

HttpServer::~HttpServer() = default;

unsigned short HttpServer::port() const {
  return impl_->acceptor.local_endpoint().port();
}

void HttpServer::run() {
  impl_->signals.async_wait([this](beast::error_code ec, int signal) {
    if (ec) return;
    impl_->shared.log->info("signal {} received; stopping", signal);
    stop();
  });
  impl_->accept();
  std::vector<std::thread> threads;
  const int count = std::max(1, impl_->shared.options.threads);
  for (int i = 1; i < count; ++i) threads.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& thread : threads) thread.join();
}

void HttpServer::stop() {
  net::post(impl_->ioc, [this] {
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
    impl_->signals.cancel(ignored);
    impl_->ioc.stop();
  });
}

}  // namespace regflow::web
