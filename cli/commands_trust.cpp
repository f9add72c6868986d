// key, seal (and trust): the installation's Ed25519 key, the signed checkpoints of the hash
// chains, and the installations whose archives this one accepts.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/render/table.hpp"
#include "cli/render/translate.hpp"
#include "engine/app/sealing.hpp"
#include "engine/model/error.hpp"
#include "engine/seal/key_files.hpp"
#include "engine/seal/trust_list.hpp"

namespace regflow::cli {
namespace {

// A public key given on the command line: the path of a .key.pub file, or its text.
std::string public_key_argument(const std::string& given) {
  std::string text = given;
  std::error_code ec;
  if (std::filesystem::is_regular_file(given, ec)) {
    std::ifstream in(given, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    text = bytes.str().substr(0, 4096);
  }
  if (auto raw = seal::parse_public_key_text(text)) return *raw;
  throw InputError(render::trf(
      "'{}' is neither a public key file nor a public key; give the other installation's "
      "<db>.key.pub, or the line 'regflow key show' prints there "
      "('regflow-ed25519-public-key' and 64 hex digits, quoted)",
      given.substr(0, 200)));
}

}  // namespace

void add_trust_commands(CLI::App& app, Context& ctx) {
  auto* key =
      app.add_subcommand(
             "key", render::tr("The installation's Ed25519 key: it signs checkpoints and archives"))
          ->group(render::tr("Trust"))
          ->require_subcommand(1);
  key->footer(render::tr(
      "The private key is <db>.key (mode 0600; keep it readable only by the account that runs "
      "'seal' and 'export'), the public key <db>.key.pub."));
  key->add_subcommand("init",
                      render::tr("Make the installation's key (once; 'seal' also makes it)"))
      ->callback([&ctx] {
        ctx.store();  // the database must exist: the key belongs to it
        const auto files = seal::trust_files(ctx.db_path());
        bool created = false;
        const auto made = seal::load_signing_key(files, true, created);
        std::cout << (created
                          ? render::trf("made key {} ({})", seal::fingerprint(made.public_key()),
                                        files.private_key.string())
                          : render::trf("key already made {} ({})",
                                        seal::fingerprint(made.public_key()),
                                        files.private_key.string()))
                  << "\n";
      });
  key->add_subcommand(
         "show",
         render::tr("Print the public key and its fingerprint, to give to other installations"))
      ->callback([&ctx] {
        const auto files = seal::trust_files(ctx.db_path());
        auto public_key = seal::load_public_key(files);
        std::error_code ec;
        if (!public_key && std::filesystem::exists(files.private_key, ec)) {
          bool created = false;  // writes the public half again from the private key
          public_key = seal::load_signing_key(files, false, created).public_key();
        }
        if (!public_key) {
          throw InputError(
              render::trf("this installation has no key yet ('{}' does not exist); 'regflow key "
                          "init' makes one",
                          files.public_key.string()));
        }
        if (ctx.options.json) {
          print_json(nlohmann::json{{"public_key", seal::public_key_text(*public_key)},
                                    {"fingerprint", seal::fingerprint(*public_key)},
                                    {"file", files.public_key.string()}});
          return;
        }
        std::cout << seal::public_key_text(*public_key) << "\n"
                  << render::trf("fingerprint {}", seal::fingerprint(*public_key)) << "\n";
      });

  auto print = std::make_shared<bool>(false);
  auto* seal_command =
      app.add_subcommand(
             "seal",
             render::tr(
                 "Sign where every hash chain ends into the checkpoint log (<db>.checkpoints)"))
          ->group(render::tr("Trust"));
  seal_command->add_flag("--print", *print,
                         render::tr("Also print the log's last line, for the paper archive"));
  seal_command->footer(
      render::tr("Run it from a timer after 'tick' (it adds a line only when a chain moved):\n"
                 "  */15 * * * *  regflow --db /var/lib/regflow/babel.db seal"));
  seal_command->callback([&ctx, print] {
    const auto files = seal::trust_files(ctx.db_path());
    const auto report = app::seal_chains(ctx.store(), files, ctx.now());
    if (ctx.options.json) {
      print_json(nlohmann::json{{"key", report.fingerprint},
                                {"key_created", report.key_created},
                                {"dossiers", report.dossiers},
                                {"written", report.written.has_value()},
                                {"checkpoints", report.checkpoints},
                                {"last_line", report.last_line}});
      return;
    }
    if (report.key_created) {
      std::cout << render::trf("made key {} ({}, mode 0600)\n", report.fingerprint,
                               files.private_key.string());
    }
    if (report.written) {
      std::cout << render::trf(
          "checkpoint {}: {} chain(s), {} moved since the last one, signed by {}\n",
          report.written->number, report.dossiers, report.written->changed.size(),
          report.fingerprint);
    } else {
      std::cout << render::trf("no chain moved since checkpoint {}; nothing written\n",
                               report.checkpoints);
    }
    if (*print) std::cout << report.last_line << "\n";
  });

  auto* trust =
      app.add_subcommand("trust",
                         render::tr("The installations whose signed archives 'import' accepts"))
          ->group(render::tr("Trust"))
          ->require_subcommand(1);
  trust->footer(render::tr(
      "The list is <db>.trusted, beside the database (keep it writable only by administrators).\n"
      "This installation's own key is always trusted."));
  struct TrustArgs {
    std::string key, name;
  };
  auto args = std::make_shared<TrustArgs>();
  auto* add = trust->add_subcommand(
      "add", render::tr("Trust the archives signed by another installation's key"));
  add->add_option("key", args->key,
                  render::tr("Its <db>.key.pub file, or the line 'regflow key show' prints there"))
      ->required();
  add->add_option("--name", args->name,
                  render::tr("What to call that installation, e.g. pemkab-bangka"))
      ->required();
  add->footer(render::tr(
      "Example: regflow trust add /media/usb/pemkab-bangka.db.key.pub --name pemkab-bangka"));
  add->callback([&ctx, args] {
    ctx.store();  // the list belongs to a database that exists
    const auto raw = public_key_argument(args->key);
    seal::add_trusted(seal::trust_files(ctx.db_path()).trusted, {args->name, raw});
    if (ctx.options.json) {
      print_json(nlohmann::json{{"name", args->name}, {"fingerprint", seal::fingerprint(raw)}});
      return;
    }
    std::cout << render::trf(
        "trusted '{}': import accepts the archives its key signs ('regflow trust list' shows its "
        "fingerprint; compare it with 'regflow key show' there)\n",
        args->name);
  });
  trust
      ->add_subcommand("list",
                       render::tr("List the trusted installations and their key fingerprints"))
      ->callback([&ctx] {
        const auto files = seal::trust_files(ctx.db_path());
        render::Table table({render::tr("NAME"), render::tr("FINGERPRINT")});
        nlohmann::json out = nlohmann::json::array();
        if (const auto own = seal::load_public_key(files)) {
          table.add({render::tr("(this installation)"), seal::fingerprint(*own)});

          out.push_back(
              {{"name", nullptr}, {"fingerprint", seal::fingerprint(*own)}, {"own", true}});
        }
        for (const auto& k : seal::read_trusted(files.trusted)) {
          table.add({k.name, seal::fingerprint(k.public_key)});
          out.push_back(
              {{"name", k.name}, {"fingerprint", seal::fingerprint(k.public_key)}, {"own", false}});
        }
        if (ctx.options.json) {
          print_json(out);
        } else {
          std::cout << table.str();
        }
      });
  auto remove_name = std::make_shared<std::string>();
  auto* remove =
      trust->add_subcommand("remove", render::tr("Stop trusting an installation's archives"));
  remove->add_option("name", *remove_name, render::tr("The name it was trusted under"))->required();
  remove->callback([&ctx, remove_name] {
    const auto files = seal::trust_files(ctx.db_path());
    if (!seal::remove_trusted(files.trusted, *remove_name)) {
      std::vector<std::string> names;
      for (const auto& k : seal::read_trusted(files.trusted)) names.push_back(k.name);
      throw InputError(render::trf(
          "no installation is trusted as '{}'; trusted: {}", *remove_name,
          names.empty() ? render::tr("none") : fmt::format("{}", fmt::join(names, ", "))));
    }
    std::cout << render::trf("'{}' is no longer trusted\n", *remove_name);
  });
}

}  // namespace regflow::cli
