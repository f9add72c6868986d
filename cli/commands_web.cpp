// serve, user passwd: the web application, and the passwords its users sign in with. The
// terminal work (no-echo prompts, the start-up line) is here; everything else is in web/.
#include <fmt/format.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/render/suggestion.hpp"
#include "cli/render/translate.hpp"
#include "engine/app/user_administration.hpp"
#include "engine/auth/password.hpp"
#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"
#include "web/http_server.hpp"
#include "web/routes.hpp"
#include "web/web_app.hpp"

namespace regflow::cli {
namespace {

// Reads one line from the terminal without echoing it.
std::string read_hidden(const std::string& prompt) {
  std::cerr << prompt << std::flush;
  termios old_mode{};
  tcgetattr(STDIN_FILENO, &old_mode);
  termios quiet = old_mode;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::string line;
  std::getline(std::cin, line);
  tcsetattr(STDIN_FILENO, TCSANOW, &old_mode);
  std::cerr << "\n";
  return line;
}

std::string read_password(bool from_stdin) {
  if (from_stdin) {
    std::string line;
    if (!std::getline(std::cin, line)) {
      throw InputError(
          render::tr("--password-stdin: nothing on standard input; give the password as one line"));
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  if (isatty(STDIN_FILENO) == 0) {
    throw InputError(render::tr(
        "standard input is not a terminal, so the password cannot be asked for; give it as one "
        "line with --password-stdin"));
  }
  const std::string first = read_hidden(render::tr("New password: "));
  if (auto problem = auth::password_problem(first)) throw InputError(*problem);
  const std::string second = read_hidden(render::tr("Again: "));
  if (first != second)
    throw InputError(render::tr("the two passwords differ; nothing was changed"));
  return first;
}

struct Listen {
  std::string address;
  unsigned short port = 0;
};

Listen parse_listen(const std::string& text) {
  const auto colon = text.rfind(':');
  const auto fail = [&text] {
    return InputError(render::trf(
        "--listen '{}' is not HOST:PORT; give e.g. 127.0.0.1:8080 (port 0 picks a free one)",
        text));
  };
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) throw fail();
  const std::string port = text.substr(colon + 1);
  if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) throw fail();
  const int number = std::stoi(port);
  if (number > 65535) throw fail();
  std::string address = text.substr(0, colon);
  if (address.size() > 2 && address.front() == '[' && address.back() == ']') {
    address = address.substr(1, address.size() - 2);
  }
  return {address, static_cast<unsigned short>(number)};
}

struct ServeArgs {
  std::string listen = "127.0.0.1:8080";
  int threads = 4;
  double request_timeout = 10;
  std::size_t max_connections = 512;
  std::string tls_cert, tls_key;
};

void run_serve(Context& ctx, const ServeArgs& args) {
  const auto listen = parse_listen(args.listen);
  if (args.tls_cert.empty() != args.tls_key.empty()) {
    throw InputError(
        render::tr("give both --tls-cert and --tls-key (PEM files), or neither for plain HTTP"));
  }
  const auto& config = ctx.config();
  auto& store = ctx.store();  // opens (and migrates) the database before serving it
  const auto dossiers = store.list({}).size();

  web::SiteSettings settings;
  settings.db_path = ctx.db_path();
  settings.web_dir = web::default_web_dir(REGFLOW_SOURCE_CONFIG_DIR, REGFLOW_INSTALLED_CONFIG_DIR);
  if (!ctx.options.now.empty() || std::getenv("REGFLOW_NOW") != nullptr) {
    settings.fixed_now = ctx.now();
  }
  auto log =
      std::make_shared<spdlog::logger>("web", std::make_shared<spdlog::sinks::stderr_sink_mt>());
  log->set_level(spdlog::level::info);
  log->set_pattern("%Y-%m-%dT%H:%M:%S%z %v");
  settings.log = log;
  settings.tls = !args.tls_cert.empty();
  web::WebApp site(settings, config);

  web::ServerOptions options;
  options.address = listen.address;
  options.port = listen.port;
  options.threads = std::max(1, args.threads);
  options.read_timeout =
      std::chrono::milliseconds(static_cast<long long>(args.request_timeout * 1000));
  options.max_connections = args.max_connections;
  options.tls_cert = args.tls_cert;
  options.tls_key = args.tls_key;
  // Uploads are received beside the database: on its disk, not in a memory-backed /tmp.
  options.spool_folder = std::filesystem::absolute(ctx.db_path()).parent_path();
  // The document upload may carry a whole document; every other request keeps the small limit.
  const auto document_limit = static_cast<std::size_t>(config.settings.documents.max_size);
  const std::size_t small_limit = options.body_limit;
  options.body_limit_for = [document_limit, small_limit](std::string_view method,
                                                         std::string_view target) {
    return web::body_limit_for(method, target, small_limit, document_limit);
  };
  web::HttpServer server(
      options, [&site](const web::Request& r) { return site.handle(r); }, log);

  const std::string host =
      listen.address.find(':') != std::string::npos ? "[" + listen.address + "]" : listen.address;
  std::cout << render::trf(
                   "regflow: serving {} on {}://{}:{} ({} workflows, {} dossiers); "
                   "Ctrl-C stops\n",
                   ctx.db_path(), settings.tls ? "https" : "http", host, server.port(),
                   config.workflow_names().size(), dossiers)
            << std::flush;
  server.run();
  std::cout << "regflow: " << render::tr("stopped") << "\n";
}

}  // namespace

void add_web_commands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ServeArgs>();
  auto* serve =
      app.add_subcommand("serve", render::tr("Serve the board, queues and dossiers to browsers"))
          ->group(render::tr("Web"));
  serve->add_option("--listen", args->listen,
                    render::tr("HOST:PORT to listen on (default 127.0.0.1:8080)"));
  serve->add_option("--threads", args->threads, render::tr("Requests handled at once (default 4)"));
  serve->add_option("--request-timeout", args->request_timeout,
                    render::tr("Seconds a client has to send a whole request; a document's upload or "
                               "download also gets the time its bytes take at 32 KiB/s (default 10)"));
  serve->add_option("--max-connections", args->max_connections,
                    render::tr("Open connections at most; more get 503 (default 512)"));
  serve->add_option(
      "--tls-cert", args->tls_cert,
      render::tr("PEM certificate (chain): serve HTTPS instead of HTTP (with --tls-key)"));
  serve->add_option("--tls-key", args->tls_key, render::tr("PEM private key of --tls-cert"));
  serve->footer(render::tr("Example: regflow serve --db babel.db --listen 127.0.0.1:8080"));
  serve->callback([&ctx, args] { run_serve(ctx, *args); });

  auto* user = app.get_subcommand("user");
  auto name = std::make_shared<std::string>();
  auto from_stdin = std::make_shared<bool>(false);
  auto* passwd =
      user->add_subcommand("passwd", render::tr("Set a user's password for signing in on the web"));
  passwd->add_option("name", *name, render::tr("User name"))->required();
  passwd->add_flag("--password-stdin", *from_stdin,
                   render::tr("Read the password as one line from stdin"));
  passwd->footer(render::tr("Example: regflow user passwd sari   (asks twice, without echo)"));
  passwd->callback([&ctx, name, from_stdin] {
    auto& store = ctx.store();
    if (!store.find_user(*name)) {
      std::vector<std::string> names;
      for (const auto& u : store.users()) names.push_back(u.name);
      throw InputError(
          render::trf("unknown user '{}'{}; register them first with 'regflow user "
                      "add {} --agency AGENCY'",
                      *name, render::did_you_mean(*name, names), *name));
    }
    // Only the user or an administrator: a password set by anyone else would sign them in.
    app::check_may_set_password(
        ctx.config_without_workflows(), store, *name,
        ctx.administrators_designated() ? ctx.actor_if_given() : std::nullopt);
    const std::string password = read_password(*from_stdin);
    if (auto problem = auth::password_problem(password)) throw InputError(*problem);
    store.set_password_hash(*name, auth::hash_password(password));
    std::cout << render::trf("password of {} set; their open sessions were signed out\n", *name);
  });
}

}  // namespace regflow::cli
