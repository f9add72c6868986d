// What the stored deadline projections were computed with. A due date in working days, and so
// a dossier's next timer day, moves when the holiday calendar changes (an SKB revised, a
// provisional year confirmed, the cuti bersama setting turned), yet nothing about the dossier
// changes: no event, no new version. `tick` compares this fingerprint with the one it stored and
// recomputes every open dossier's projections when they differ.
#pragma once

#include <string>

#include "engine/time/calendar.hpp"

namespace regflow::app {

/// Key of the stored fingerprint in the database's settings.
inline constexpr const char* kProjectionBasisKey = "projected_with";

/// A SHA-256 over what moves a date: every listed day off and its kind, the cuti bersama
/// setting, every covered year and whether it is provisional, and the version of the rules that
/// turn them into due dates and timer days. Names and decrees do not move a date and are left
/// out, so that correcting one does not recompute every dossier.
std::string projection_basis(const time::HolidayCalendar& calendar);

}  // namespace regflow::app
