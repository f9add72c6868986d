#include "cli/render/dossier.hpp"

#include "cli/render/printable.hpp"

#include <fmt/format.h>

#include "cli/render/refusal.hpp"
#include "cli/render/table.hpp"
#include "engine/deadline/timers.hpp"
#include "engine/runtime/action_options.hpp"
#include "engine/rules/rule_set.hpp"

namespace regflow::cli::render {
namespace {

std::string local_time(time::Instant at, time::UtcOffset offset) {
  const auto local = at + offset.minutes;
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::hh_mm_ss hms{local - day};
  return fmt::format("{} {:02}:{:02}", time::format_date(day), hms.hours().count(), hms.minutes().count());
}

}  // namespace

std::string describe_event(const runtime::Event& e) {
  using T = runtime::EventType;
  switch (e.type) {
    case T::Started: return fmt::format("started in '{}'", e.to_step);
    case T::ActionTaken:
      return fmt::format("{}: {} -> {}{}", e.action, e.from_step, e.to_step,
                         e.data.count("return") ? " (returned for revision)" : "");
    case T::Signed:
      return e.to_step != e.from_step ? fmt::format("signed '{}'; sign-off complete -> {}", e.from_step, e.to_step)
                                      : fmt::format("signed '{}'", e.from_step);
    case T::DeadlineExtended:
      return fmt::format("extended deadline '{}' to {}", e.data.count("deadline") ? e.data.at("deadline") : "",
                         e.data.count("to") ? e.data.at("to") : "");
    case T::ReminderSent:
      return fmt::format("reminder: deadline '{}' (due {})", e.action, e.data.count("due") ? e.data.at("due") : "");
    case T::Escalated:
      return fmt::format("escalated to '{}': deadline '{}' (due {})",
                         e.data.count("to_agency") ? e.data.at("to_agency") : "", e.action,
                         e.data.count("due") ? e.data.at("due") : "");
    case T::AutoTransition:
      return fmt::format("automatic: {} -> {} (deadline '{}' passed)", e.from_step, e.to_step, e.action);
    case T::DeadlineRecomputed: {
      const auto get = [&e](const char* key) {
        return e.data.count(key) ? e.data.at(key) : std::string{};
      };
      return fmt::format("deadline '{}' moved {} -> {} by {} (signed {})", get("deadline"),
                         get("from"), get("to"), get("decree"), get("on"));
    }
    case T::Imported:
      return fmt::format("imported from '{}' as {}, renumbered",
                         e.data.count("installation") ? e.data.at("installation") : "",
                         e.data.count("original_id") ? e.data.at("original_id") : "");
    case T::Corrected: {
      std::string what;
      for (const auto& [key, value] : e.data) {
        if (key != "title" && key.rfind("bind.", 0) != 0) continue;
        const auto was = e.data.find("was." + key);
        what += fmt::format("{}{} '{}' -> '{}'", what.empty() ? "" : ", ",
                            key == "title" ? "title" : key.substr(5),
                            was == e.data.end() ? "" : was->second, value);
      }
      return "corrected " + what;
    }
    case T::Cancelled:
      return fmt::format("cancelled in '{}' (started by mistake)", e.from_step);
    case T::Kendala:
      return e.data.count("cleared") ? std::string("kendala cleared") : std::string("kendala recorded");
    case T::DocumentAttached:
      return fmt::format("attached {} v{} '{}' at '{}'",
                         e.data.count("kind") ? e.data.at("kind") : "",
                         e.data.count("version") ? e.data.at("version") : "",
                         e.data.count("name") ? e.data.at("name") : "", e.from_step);
  }
  return "?";
}

std::string event_line(const runtime::Event& e, const model::WorkflowDefinition&) {
  return fmt::format("{} #{} {}", e.dossier_id, e.sequence, describe_event(e));
}

nlohmann::json event_json(const runtime::Event& e) {
  return {{"dossier", e.dossier_id}, {"seq", e.sequence}, {"type", runtime::event_type_name(e.type)},
          {"at", time::format_instant(e.at)}, {"actor", e.actor}, {"agency", e.agency},
          {"action", e.action}, {"from", e.from_step}, {"to", e.to_step}, {"note", e.note},
          {"changes", e.changes}, {"data", e.data}, {"prev_hash", e.prev_hash}, {"hash", e.hash}};
}

nlohmann::json row_json(const store::DossierRow& r) {
  return {{"id", r.id}, {"workflow", r.workflow}, {"title", r.title}, {"step", r.step},
          {"step_title", r.step_title}, {"held_by", r.owner_agency}, {"escalated_to", r.escalated_to},
          {"pending_signers", r.pending_signers}, {"closed", r.closed}, {"version", r.version},
          {"started_at", time::format_instant(r.started_at)}, {"updated_at", time::format_instant(r.updated_at)},
          {"cancelled", r.cancelled}, {"kendala", r.kendala.empty() ? nlohmann::json() : nlohmann::json(r.kendala)}};
}

std::string days_text(const deadline::DeadlineView& v) {
  const std::string unit = time::unit_name(v.unit);
  switch (v.status) {
    case deadline::Status::Paused: return fmt::format("paused, {} {} left", v.days_left, unit);
    case deadline::Status::Met: return "met";
    case deadline::Status::Missed: return fmt::format("missed by {} {}", -v.days_left, unit);
    case deadline::Status::Overdue: return fmt::format("{} {} overdue", -v.days_left, unit);
    case deadline::Status::DueSoon:
    case deadline::Status::OnTrack:
      return v.days_left == 0 ? "due today" : fmt::format("{} {} left", v.days_left, unit);
  }
  return "";
}

nlohmann::json moves_json(const deadline::DeadlineView& v) {
  nlohmann::json moves = nlohmann::json::array();
  for (const auto& m : v.moves) {
    moves.push_back({{"on", time::format_date(m.on)}, {"decree", m.decree},
                     {"from", time::format_date(m.from)}, {"to", time::format_date(m.to)}});
  }
  return moves;
}

nlohmann::json deadline_json(const deadline::DeadlineView& v) {
  nlohmann::json rounds = nlohmann::json::array();
  for (const auto& r : v.clock->rounds) {
    rounds.push_back({{"returned", time::format_date(r.returned)},
                      {"back", r.back ? nlohmann::json(time::format_date(*r.back)) : nlohmann::json()},
                      {"from_step", r.from_step}, {"note", r.note}});
  }
  return {{"id", v.clock->id}, {"title", v.clock->title}, {"basis", v.clock->basis},
          {"status", deadline::status_name(v.status)},
          {"due", v.due ? nlohmann::json(time::format_date(*v.due)) : nlohmann::json()},
          {"computed_due", v.computed_due ? nlohmann::json(time::format_date(*v.computed_due)) : nlohmann::json()},
          {"extended", v.clock->extended_to.has_value()}, {"extension_reason", v.clock->extension_reason},
          {"days_left", v.days_left}, {"unit", time::unit_name(v.unit)}, {"provisional", v.provisional},
          {"revision_rounds", rounds}, {"moves", moves_json(v)}};
}

// What a timer will do, in the words of the YAML (on_miss: remind, escalate, transition).
std::string timer_does(const model::TimerSpec& spec) {
  switch (spec.kind) {
    case model::TimerKind::Remind: return "remind";
    case model::TimerKind::Escalate: return "escalate";
    case model::TimerKind::Transition: return "move to " + spec.target;
  }
  return "";
}

nlohmann::json timers_json(const std::vector<deadline::ScheduledTimer>& timers) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : timers) {
    out.push_back({{"fires_on", time::format_date(t.fires_on)}, {"deadline", t.timer.deadline},
                   {"does", timer_does(t.timer.spec)}, {"note", t.timer.spec.note}});
  }
  return out;
}

nlohmann::json dossier_json(const app::Dossier& d, const load::ConfigSet& config, time::Date today,
                            const std::optional<runtime::Actor>&) {
  const auto& s = d.state;
  nlohmann::json deadlines = nlohmann::json::array();
  for (const auto& v : deadline::evaluate_all(*d.definition, s, config.calendar(), today)) {
    auto entry = deadline_json(v);
    const auto* spec = d.definition->find_deadline(v.clock->id);
    entry["unit_confidence"] = spec != nullptr ? spec->unit_confidence : "";
    deadlines.push_back(std::move(entry));
  }
  nlohmann::json vars = nlohmann::json::object();
  for (const auto& [k, v] : s.variables) vars[k] = model::to_text(v);
  const auto* step = d.definition->find_step(s.step);
  return {{"id", s.id}, {"workflow", s.workflow}, {"definition_hash", s.definition_hash},
          {"newer_definition_exists", d.newer_definition_exists}, {"title", s.title},
          {"step", s.step}, {"step_title", step ? step->title : s.step},
          {"held_by", step && step->kind != model::StepKind::Final ? runtime::resolve_party(*d.definition, s, step->owner) : ""},
          {"workflow_version", d.definition->version},
          {"workflow_effective", d.definition->effective ? nlohmann::json(time::format_date(*d.definition->effective)) : nlohmann::json()},
          {"workflow_until", d.definition->until ? nlohmann::json(time::format_date(*d.definition->until)) : nlohmann::json()},
          {"workflow_version_basis", d.definition->version_basis},
          {"escalated_to", s.escalated_to}, {"closed", s.closed}, {"version", s.version},
          {"started_by", s.started_by}, {"cancelled", s.cancelled},
          {"cancel_reason", s.cancelled ? nlohmann::json(s.cancel_reason) : nlohmann::json()},
          {"kendala", s.kendala.empty() ? nlohmann::json()
                                        : nlohmann::json{{"text", s.kendala},
                                                         {"agency", s.kendala_agency},
                                                         {"at", time::format_instant(s.kendala_at)}}},
          {"variables", vars}, {"bindings", s.bindings}, {"signatures", s.signatures},
          {"pending_signers", runtime::pending_signers(*d.definition, s)}, {"deadlines", deadlines},
          {"timers", timers_json(deadline::scheduled_timers(*d.definition, s, config.calendar(), today))}};
}

std::string dossier_text(const app::Dossier& d, app::Installation& installation, time::Date today,
                         time::Instant now, const std::optional<runtime::Actor>& actor) {
  const auto& s = d.state;
  const auto& def = *d.definition;
  const auto* step = def.find_step(s.step);
  std::string out = fmt::format("{}  {}\n", s.id, printable(s.title));
  out += fmt::format("workflow  {} v{} ({}){}\n", def.name, def.version, s.definition_hash.substr(0, 12),
                     d.newer_definition_exists ? " — a newer version of this workflow exists; this dossier stays on its own" : "");
  // Which version of the procedure, and why: the one in force on the day the dossier started.
  if (def.effective || !def.version_basis.empty()) {
    const auto start_day = time::local_date(s.started_at, installation.config().settings.offset);
    // A workflow with one version runs every dossier on it; say so when its dates disagree.
    const std::string why = def.in_force_on(start_day)
                                ? "in force on the start date " + time::format_date(start_day)
                                : "the only version, although the dossier started on " +
                                      time::format_date(start_day) + ", outside its period";
    out += fmt::format("version   v{}{}{}, {}\n", def.version,
                       def.period_text().empty() ? "" : " " + def.period_text(),
                       def.version_basis.empty() ? "" : " (" + def.version_basis + ")", why);
  }
  out += fmt::format("step      {} — {}{}\n", s.step, step ? step->title : "",
                     s.cancelled ? " (cancelled)" : s.closed ? " (closed)" : "");
  if (s.cancelled) out += fmt::format("cancelled {}\n", printable(s.cancel_reason));
  if (!s.kendala.empty()) {
    out += fmt::format("kendala   {} ({}, {})\n", printable(s.kendala), s.kendala_agency,
                       time::format_date(time::local_date(s.kendala_at,
                                                          installation.config().settings.offset)));
  }
  if (step != nullptr && step->kind != model::StepKind::Final && !s.cancelled) {
    out += fmt::format("held by   {}{}\n", runtime::resolve_party(def, s, step->owner),
                       step->with.empty() ? "" : " (file is with " + step->with + ")");
  }
  if (!s.escalated_to.empty()) out += fmt::format("escalated to {}\n", s.escalated_to);
  if (step != nullptr && step->kind == model::StepKind::SignOff) {
    std::string signed_by;
    for (const auto& [agency, user] : s.signatures) signed_by += (signed_by.empty() ? "" : ", ") + agency + " (" + printable(user) + ")";
    std::string pending;
    for (const auto& a : runtime::pending_signers(def, s)) pending += (pending.empty() ? "" : ", ") + a;
    out += fmt::format("signed    {}\n", signed_by.empty() ? "nobody yet" : signed_by);
    out += fmt::format("to sign   {}\n", pending.empty() ? "nobody" : pending);
  }
  if (!s.variables.empty()) {
    std::string vars;
    for (const auto& [k, v] : s.variables) vars += (vars.empty() ? "" : ", ") + k + "=" + printable(model::to_text(v));
    out += fmt::format("variables {}\n", vars);
  }
  const auto views = deadline::evaluate_all(def, s, installation.config().calendar(), today);
  if (!views.empty()) {
    out += "\ndeadlines\n";
    Table table({"DEADLINE", "DUE", "STATUS", "LEFT", "BASIS"});
    table.limit(4, 40);
    for (const auto& v : views) {
      std::string due = v.due ? time::format_date(*v.due) : "-";
      if (v.clock->extended_to && v.computed_due) due += " (computed " + time::format_date(*v.computed_due) + ")";
      if (v.provisional) due += " (provisional)";
      // An unconfirmed counting unit is marked where the days are counted.
      std::string left = days_text(v);
      if (const auto* spec = def.find_deadline(v.clock->id); spec != nullptr && !spec->unit_confidence.empty()) {
        left += " (unit " + spec->unit_confidence + ")";
      }
      table.add({v.clock->id, due, deadline::status_name(v.status), left, v.clock->basis});
    }
    out += table.str();
    for (const auto& v : views) {
      for (const auto& r : v.clock->rounds) {
        out += fmt::format("  {}: returned {}{}{}\n", v.clock->id, time::format_date(r.returned),
                           r.back ? ", back " + time::format_date(*r.back) : ", not back yet",
                           v.clock->on_return == model::ReturnPolicy::Pause && r.back
                               ? fmt::format(", clock paused {} {}",
                                             installation.config().calendar().days_between(r.returned, *r.back, v.unit),
                                             time::unit_name(v.unit))
                               : "");
      }
      if (v.clock->extended_to) out += fmt::format("  {}: extended — {}\n", v.clock->id, printable(v.clock->extension_reason));
      // The earlier date stays visible when a change of calendar moved a running deadline.
      for (const auto& m : v.moves) {
        out += fmt::format("  {}: moved {} → {} on {} by {}\n", v.clock->id, time::format_date(m.from),
                           time::format_date(m.to), time::format_date(m.on), m.decree);
      }
    }
  }
  const auto timers = deadline::scheduled_timers(def, s, installation.config().calendar(), today);
  if (!timers.empty()) {
    out += "\ntimers (what tick does if nobody acts first)\n";
    Table table({"ON", "DEADLINE", "DOES"});
    for (const auto& t : timers) {
      // A day that has passed fires at the next tick.
      const std::string on = time::format_date(t.fires_on) + (t.fires_on <= today ? " (due)" : "");
      table.add({on, t.timer.deadline, timer_does(t.timer.spec)});
    }
    out += table.str();
  }
  if (step != nullptr && !s.closed) {
    out += "\nactions\n";
    std::vector<std::string> candidates;
    if (step->kind == model::StepKind::SignOff) candidates.push_back("sign");
    for (const auto& a : step->actions) candidates.push_back(a.name);
    std::map<std::string, std::optional<runtime::Refusal>> answers;
    if (actor) {
      for (auto& option :
           runtime::action_options(installation.context(*d.workflow, now), s, *actor)) {
        answers.emplace(option.name, std::move(option.refusal));
      }
    }
    for (const auto& name : candidates) {
      std::string line;
      if (actor) {
        const auto& refusal = answers[name];
        if (const auto* r = refusal ? &*refusal : nullptr) {
          // A false guard is about the dossier, not about who asks.
          line = r->kind == runtime::RefusalKind::GuardFalse
                     ? fmt::format("  {:<20} not available: {}", name,
                                   guard_text(r->detail, r->inputs))
                     : fmt::format("  {:<20} not for you: {}", name, refusal_text(*r));
        } else {
          line = fmt::format("  {:<20} available to you", name);
        }
      } else {
        const auto* action = step->find_action(name);
        std::string who;
        if (action != nullptr) {
          for (const auto& a : runtime::agencies_allowed(def, s, *action)) who += (who.empty() ? "" : ", ") + a;
        } else {
          for (const auto& a : runtime::pending_signers(def, s)) who += (who.empty() ? "" : ", ") + a;
        }
        line = fmt::format("  {:<20} by {}", name, who.empty() ? "-" : who);
        if (const auto* guard = d.workflow->guard(s.step, name)) {
          const auto result = rules::evaluate(
              *guard, runtime::eval_input(installation.context(*d.workflow, now), s),
              *d.workflow->rules);
          if (!result.is_true()) {
            std::vector<std::pair<std::string, std::string>> reads;
            for (const auto& read : result.inputs) {
              reads.emplace_back(read.name, read.value ? model::to_text(*read.value) : "");
            }
            line += "; not available: " + guard_text(guard->text(), reads);
          }
        }
      }
      out += line + "\n";
    }
  }
  return out;
}

std::string history_text(const app::Dossier& d, time::UtcOffset offset) {
  Table table({"#", "WHEN (LOCAL)", "WHO", "AGENCY", "WHAT", "NOTE"});
  table.limit(5, 50);
  for (const auto& e : d.events) {
    // An act entered by an administrator on someone's behalf, or backdated, says so where it
    // is read, not only in --json.
    std::string who = e.actor;
    if (auto by = e.data.find("administrator"); by != e.data.end()) who += " (by " + by->second + ")";
    if (auto entered = e.data.find("entered_at"); entered != e.data.end()) {
      const auto at = time::parse_instant(entered->second, time::UtcOffset{std::chrono::minutes{0}});
      who += " (entered " + (at ? local_time(*at, offset) : entered->second) + ")";
    }
    table.add({std::to_string(e.sequence), local_time(e.at, offset), who, e.agency,
               describe_event(e), e.note});
  }
  return table.str();
}

}  // namespace regflow::cli::render
