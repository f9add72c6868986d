#include "cli/render/dossier.hpp"

#include <fmt/format.h>

#include "cli/render/dates.hpp"
#include "cli/render/printable.hpp"
#include "cli/render/refusal.hpp"
#include "cli/render/status_words.hpp"
#include "cli/render/table.hpp"
#include "cli/render/translate.hpp"
#include "cli/render/variable_facts.hpp"
#include "engine/deadline/timers.hpp"
#include "engine/rules/rule_set.hpp"
#include "engine/runtime/action_options.hpp"

namespace regflow::cli::render {

std::string moved_words(const std::string& deadline, const std::string& from, const std::string& to,
                        const std::string& decree, const std::string& on) {
  return trf("deadline '{}' moved from {} to {} by {} on {}", deadline, from, to, decree, on);
}

std::string event_date_text(const runtime::Event& e, const char* key) {
  const auto it = e.data.find(key);
  if (it == e.data.end()) return "";
  const auto date = time::parse_date(it->second);
  return date ? date_text(*date) : it->second;
}

std::string describe_event(const runtime::Event& e) {
  using T = runtime::EventType;
  switch (e.type) {
    case T::Started:
      return trf("started in '{}'", e.to_step);
    case T::ActionTaken:
      return fmt::format("{}: {} -> {}{}", e.action, e.from_step, e.to_step,
                         e.data.count("return") ? tr(" (returned for revision)") : "");
    case T::Signed:
      // Written like every other action, under the name the reader types ("paraf").
      return e.to_step != e.from_step ? fmt::format("{}: {} -> {}{}", tr("sign"), e.from_step,
                                                    e.to_step, tr(" (sign-off complete)"))
                                      : fmt::format("{}: {}", tr("sign"), e.from_step);
    case T::DeadlineExtended:
      return trf("extended deadline '{}' to {}",
                 e.data.count("deadline") ? e.data.at("deadline") : "", event_date_text(e, "to"));
    case T::ReminderSent:
      return trf("reminder: deadline '{}' (due {})", e.action, event_date_text(e, "due"));
    case T::Escalated:
      return trf("escalated to '{}': deadline '{}' (due {})",
                 e.data.count("to_agency") ? e.data.at("to_agency") : "", e.action,
                 event_date_text(e, "due"));
    case T::AutoTransition:
      return trf("automatic: {} -> {} (deadline '{}' passed)", e.from_step, e.to_step, e.action);
    case T::DeadlineRecomputed: {
      const auto get = [&e](const char* key) {
        return e.data.count(key) ? e.data.at(key) : std::string{};
      };
      return moved_words(get("deadline"), event_date_text(e, "from"), event_date_text(e, "to"),
                         get("decree"), event_date_text(e, "on"));
    }
    case T::Imported:
      return trf("imported from '{}' as {}, renumbered",
                 e.data.count("installation") ? e.data.at("installation") : "",
                 e.data.count("original_id") ? e.data.at("original_id") : "");
    case T::Corrected: {
      std::string what;
      for (const auto& [key, value] : e.data) {
        if (key != "title" && key.rfind("bind.", 0) != 0) continue;
        const auto was = e.data.find("was." + key);
        what += fmt::format("{}{} '{}' -> '{}'", what.empty() ? "" : ", ",
                            key == "title" ? tr("title") : key.substr(5),
                            was == e.data.end() ? "" : was->second, value);
      }
      return trf("corrected {}", what);
    }
    case T::Cancelled:
      return trf("cancelled in '{}' (started by mistake)", e.from_step);
    case T::Kendala:
      return e.data.count("cleared") ? tr("kendala cleared") : tr("kendala recorded");
    case T::DocumentAttached:
      return trf("attached {} v{} '{}' at '{}'", e.data.count("kind") ? e.data.at("kind") : "",
                 e.data.count("version") ? e.data.at("version") : "",
                 e.data.count("name") ? e.data.at("name") : "", e.from_step);
  }
  return "?";
}

namespace {

// WorkflowDefinition::period_text in the reader's language ("in force from 2025-01-01").
std::string period_words(const model::WorkflowDefinition& def) {
  if (def.effective && def.until) {
    return trf("in force {} to {}", date_text(*def.effective), date_text(*def.until));
  }
  if (def.effective) return trf("in force from {}", date_text(*def.effective));
  if (def.until) return trf("in force until {}", date_text(*def.until));
  return "";
}

// The built-in sign action as the reader calls it: "paraf" in Indonesian (both are accepted).
std::string shown(const std::string& action) {
  return action == "sign" ? tr("sign") : action;
}

}  // namespace

std::string event_line(const runtime::Event& e, const model::WorkflowDefinition&) {
  return fmt::format("{} #{} {}", e.dossier_id, e.sequence, describe_event(e));
}

nlohmann::json event_json(const runtime::Event& e) {
  return {{"dossier", e.dossier_id},
          {"seq", e.sequence},
          {"type", runtime::event_type_name(e.type)},
          {"at", time::format_instant(e.at)},
          {"actor", e.actor},
          {"agency", e.agency},
          {"action", e.action},
          {"from", e.from_step},
          {"to", e.to_step},
          {"note", e.note},
          {"changes", e.changes},
          {"data", e.data},
          {"prev_hash", e.prev_hash},
          {"hash", e.hash}};
}

nlohmann::json row_json(const store::DossierRow& r) {
  return {{"id", r.id},
          {"workflow", r.workflow},
          {"title", r.title},
          {"step", r.step},
          {"step_title", r.step_title},
          {"held_by", r.owner_agency},
          {"escalated_to", r.escalated_to},
          {"pending_signers", r.pending_signers},
          {"closed", r.closed},
          {"version", r.version},
          {"started_at", time::format_instant(r.started_at)},
          {"updated_at", time::format_instant(r.updated_at)},
          {"cancelled", r.cancelled},
          {"kendala", r.kendala.empty() ? nlohmann::json() : nlohmann::json(r.kendala)}};
}

std::string days_text(const deadline::DeadlineView& v) {
  const std::string unit = time::unit_name(v.unit);
  switch (v.status) {
    case deadline::Status::Paused:
      return trf("paused, {} {} left", v.days_left, unit);
    case deadline::Status::Met:
      return tr("met");
    case deadline::Status::Missed:
      return trf("missed by {} {}", -v.days_left, unit);
    case deadline::Status::Overdue:
      return trf("{} {} overdue", -v.days_left, unit);
    case deadline::Status::DueSoon:
    case deadline::Status::OnTrack:
      return v.days_left == 0 ? tr("due today") : trf("{} {} left", v.days_left, unit);
  }
  return "";
}

nlohmann::json moves_json(const deadline::DeadlineView& v) {
  nlohmann::json moves = nlohmann::json::array();
  for (const auto& m : v.moves) {
    moves.push_back({{"on", time::format_date(m.on)},
                     {"decree", m.decree},
                     {"from", time::format_date(m.from)},
                     {"to", time::format_date(m.to)}});
  }
  return moves;
}

nlohmann::json deadline_json(const deadline::DeadlineView& v) {
  nlohmann::json rounds = nlohmann::json::array();
  for (const auto& r : v.clock->rounds) {
    rounds.push_back(
        {{"returned", time::format_date(r.returned)},
         {"back", r.back ? nlohmann::json(time::format_date(*r.back)) : nlohmann::json()},
         {"from_step", r.from_step},
         {"note", r.note}});
  }
  return {{"id", v.clock->id},
          {"title", v.clock->title},
          {"basis", v.clock->basis},
          {"status", deadline::status_name(v.status)},
          {"due", v.due ? nlohmann::json(time::format_date(*v.due)) : nlohmann::json()},
          {"computed_due",
           v.computed_due ? nlohmann::json(time::format_date(*v.computed_due)) : nlohmann::json()},
          {"extended", v.clock->extended_to.has_value()},
          {"extension_reason", v.clock->extension_reason},
          {"days_left", v.days_left},
          {"unit", time::unit_name(v.unit)},
          {"provisional", v.provisional},
          {"revision_rounds", rounds},
          {"moves", moves_json(v)}};
}

// What a timer will do, in the words of the YAML (on_miss: remind, escalate, transition).
std::string timer_does(const model::TimerSpec& spec) {
  switch (spec.kind) {
    case model::TimerKind::Remind:
      return "remind";
    case model::TimerKind::Escalate:
      return "escalate";
    case model::TimerKind::Transition:
      return "move to " + spec.target;
  }
  return "";
}

namespace {

// The same in words, for the text of show.
std::string timer_does_words(const model::TimerSpec& spec) {
  switch (spec.kind) {
    case model::TimerKind::Remind:
      return tr("remind");
    case model::TimerKind::Escalate:
      return tr("escalate");
    case model::TimerKind::Transition:
      return trf("move to {}", spec.target);
  }
  return "";
}

}  // namespace

nlohmann::json timers_json(const std::vector<deadline::ScheduledTimer>& timers) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : timers) {
    out.push_back({{"fires_on", time::format_date(t.fires_on)},
                   {"deadline", t.timer.deadline},
                   {"does", timer_does(t.timer.spec)},
                   {"note", t.timer.spec.note}});
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
  return {
      {"id", s.id},
      {"workflow", s.workflow},
      {"definition_hash", s.definition_hash},
      {"newer_definition_exists", d.newer_definition_exists},
      {"title", s.title},
      {"step", s.step},
      {"step_title", step ? step->title : s.step},
      {"held_by", step && step->kind != model::StepKind::Final
                      ? runtime::resolve_party(*d.definition, s, step->owner)
                      : ""},
      {"workflow_version", d.definition->version},
      {"workflow_effective", d.definition->effective
                                 ? nlohmann::json(time::format_date(*d.definition->effective))
                                 : nlohmann::json()},
      {"workflow_until", d.definition->until
                             ? nlohmann::json(time::format_date(*d.definition->until))
                             : nlohmann::json()},
      {"workflow_version_basis", d.definition->version_basis},
      {"escalated_to", s.escalated_to},
      {"closed", s.closed},
      {"version", s.version},
      {"started_by", s.started_by},
      {"cancelled", s.cancelled},
      {"cancel_reason", s.cancelled ? nlohmann::json(s.cancel_reason) : nlohmann::json()},
      {"kendala", s.kendala.empty() ? nlohmann::json()
                                    : nlohmann::json{{"text", s.kendala},
                                                     {"agency", s.kendala_agency},
                                                     {"at", time::format_instant(s.kendala_at)}}},
      {"variables", vars},
      {"bindings", s.bindings},
      {"signatures", s.signatures},
      {"pending_signers", runtime::pending_signers(*d.definition, s)},
      {"deadlines", deadlines},
      {"timers",
       timers_json(deadline::scheduled_timers(*d.definition, s, config.calendar(), today))}};
}

std::string dossier_text(const app::Dossier& d, app::Installation& installation, time::Date today,
                         time::Instant now, const std::optional<runtime::Actor>& actor) {
  const auto& s = d.state;
  const auto& def = *d.definition;
  const auto* step = def.find_step(s.step);
  std::string out = fmt::format("{}  {}\n", s.id, printable(s.title));
  out += trf("workflow  {} v{} ({}){}", def.name, def.version, s.definition_hash.substr(0, 12),
             d.newer_definition_exists
                 ? tr(" — a newer version of this workflow exists; this dossier stays on its own")
                 : "") +
         "\n";
  // Which version of the procedure, and why: the one in force on the day the dossier started.
  if (def.effective || !def.version_basis.empty()) {
    const auto start_day = time::local_date(s.started_at, installation.config().settings.offset);
    // A workflow with one version runs every dossier on it; say so when its dates disagree.
    const std::string why = def.in_force_on(start_day)
                                ? trf("in force on the start date {}", long_date_text(start_day))
                                : trf("the only version, although the dossier started on {}, "
                                      "outside its period",
                                      long_date_text(start_day));
    out += trf("version   v{}{}{}, {}", def.version,
               def.period_text().empty() ? "" : " " + period_words(def),
               def.version_basis.empty() ? "" : " (" + def.version_basis + ")", why) +
           "\n";
  }
  out += trf("step      {} — {}{}", s.step, step ? step->title : "",
             s.cancelled ? tr(" (cancelled)")
             : s.closed  ? tr(" (closed)")
                         : "") +
         "\n";
  if (s.cancelled) out += trf("cancelled {}", printable(s.cancel_reason)) + "\n";
  if (!s.kendala.empty()) {
    out += trf("kendala   {} ({}, {})", printable(s.kendala), s.kendala_agency,
               date_text(time::local_date(s.kendala_at, installation.config().settings.offset))) +
           "\n";
  }
  if (step != nullptr && step->kind != model::StepKind::Final && !s.cancelled) {
    out += trf("held by   {}{}", runtime::resolve_party(def, s, step->owner),
               step->with.empty() ? "" : trf(" (file is with {})", step->with)) +
           "\n";
  }
  if (!s.escalated_to.empty()) out += trf("escalated to {}", s.escalated_to) + "\n";
  if (step != nullptr && step->kind == model::StepKind::SignOff) {
    std::string signed_by;
    for (const auto& [agency, user] : s.signatures)
      signed_by += (signed_by.empty() ? "" : ", ") + agency + " (" + printable(user) + ")";
    std::string pending;
    for (const auto& a : runtime::pending_signers(def, s))
      pending += (pending.empty() ? "" : ", ") + a;
    out += trf("signed    {}", signed_by.empty() ? tr("nobody yet") : signed_by) + "\n";
    out += trf("to sign   {}", pending.empty() ? tr("nobody") : pending) + "\n";
  }
  if (const auto facts = variable_facts(def, s); !facts.empty()) {
    out += "\n" + tr("facts") + "\n";
    Table table({tr("FACT"), tr("VALUE")});
    for (const auto& fact : facts) table.add({fact.title, fact.value});
    out += table.str();
  }
  const auto views = deadline::evaluate_all(def, s, installation.config().calendar(), today);
  if (!views.empty()) {
    out += "\n" + tr("deadlines") + "\n";
    Table table({tr("DEADLINE"), tr("DUE"), tr("STATUS"), tr("LEFT"), tr("BASIS")});
    table.limit(4, 40);
    for (const auto& v : views) {
      std::string due = v.due ? date_text(*v.due) : "-";
      if (v.clock->extended_to && v.computed_due) {
        due += trf(" (computed {})", date_text(*v.computed_due));
      }
      if (v.provisional) due += tr(" (provisional)");
      // An unconfirmed counting unit is marked where the days are counted.
      std::string left = days_text(v);
      if (const auto* spec = def.find_deadline(v.clock->id);
          spec != nullptr && !spec->unit_confidence.empty()) {
        left += trf(" (unit {})", spec->unit_confidence);
      }
      table.add(
          {v.clock->id, due, status_words(deadline::status_name(v.status)), left, v.clock->basis});
    }
    out += table.str();
    for (const auto& v : views) {
      for (const auto& r : v.clock->rounds) {
        out += trf("  {}: returned {}{}{}", v.clock->id, date_text(r.returned),
                   r.back ? trf(", back {}", date_text(*r.back)) : tr(", not back yet"),
                   v.clock->on_return == model::ReturnPolicy::Pause && r.back
                       ? trf(", clock paused {} {}",
                             installation.config().calendar().days_between(r.returned, *r.back,
                                                                           v.unit),
                             time::unit_name(v.unit))
                       : "") +
               "\n";
      }
      if (v.clock->extended_to) {
        out += trf("  {}: extended — {}", v.clock->id, printable(v.clock->extension_reason)) + "\n";
      }
      // The earlier date stays visible when a change of calendar moved a running deadline.
      for (const auto& m : v.moves) {
        out += "  " +
               moved_words(v.clock->id, date_text(m.from), date_text(m.to), m.decree,
                           date_text(m.on)) +
               "\n";
      }
    }
  }
  const auto timers = deadline::scheduled_timers(def, s, installation.config().calendar(), today);
  if (!timers.empty()) {
    out += "\n" + tr("timers (what tick does if nobody acts first)") + "\n";
    Table table({tr("ON"), tr("DEADLINE"), tr("DOES")});
    for (const auto& t : timers) {
      // A day that has passed fires at the next tick.
      const std::string on = date_text(t.fires_on) + (t.fires_on <= today ? tr(" (due)") : "");
      table.add({on, t.timer.deadline, timer_does_words(t.timer.spec)});
    }
    out += table.str();
  }
  if (step != nullptr && !s.closed) {
    out += "\n" + tr("actions") + "\n";
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
                     ? fmt::format("  {:<20} {}", shown(name),
                                   trf("not available: {}", guard_text(r->detail, r->inputs)))
                     : fmt::format("  {:<20} {}", shown(name),
                                   trf("not for you: {}", refusal_text(*r)));
        } else {
          line = fmt::format("  {:<20} {}", shown(name), tr("available to you"));
        }
      } else {
        const auto* action = step->find_action(name);
        std::string who;
        if (action != nullptr) {
          for (const auto& a : runtime::agencies_allowed(def, s, *action))
            who += (who.empty() ? "" : ", ") + a;
        } else {
          for (const auto& a : runtime::pending_signers(def, s))
            who += (who.empty() ? "" : ", ") + a;
        }
        line = fmt::format("  {:<20} {}", shown(name), trf("by {}", who.empty() ? "-" : who));
        if (const auto* guard = d.workflow->guard(s.step, name)) {
          const auto result = rules::evaluate(
              *guard, runtime::eval_input(installation.context(*d.workflow, now), s),
              *d.workflow->rules);
          if (!result.is_true()) {
            std::vector<std::pair<std::string, std::string>> reads;
            for (const auto& read : result.inputs) {
              reads.emplace_back(read.name, read.value ? model::to_text(*read.value) : "");
            }
            line += "; " + trf("not available: {}", guard_text(guard->text(), reads));
          }
        }
      }
      out += line + "\n";
    }
  }
  return out;
}

std::string history_text(const app::Dossier& d, time::UtcOffset offset) {
  Table table({"#", tr("WHEN (LOCAL)"), tr("WHO"), tr("AGENCY"), tr("WHAT"), tr("NOTE")});
  table.limit(5, 50);
  for (const auto& e : d.events) {
    // An act entered by an administrator on someone's behalf, or backdated, says so where it
    // is read, not only in --json.
    std::string who = e.actor;
    if (auto by = e.data.find("administrator"); by != e.data.end())
      who += trf(" (by {})", by->second);
    if (auto entered = e.data.find("entered_at"); entered != e.data.end()) {
      const auto at =
          time::parse_instant(entered->second, time::UtcOffset{std::chrono::minutes{0}});
      who += trf(" (entered {})", at ? date_time_text(*at, offset) : entered->second);
    }
    table.add({std::to_string(e.sequence), date_time_text(e.at, offset), who, e.agency,
               describe_event(e), e.note});
  }
  return table.str();
}

}  // namespace regflow::cli::render
