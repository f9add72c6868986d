// Agencies (OPD and outside bodies) are data, loaded from workflows/agencies.yaml. The parent
// link is how an overdue step escalates: from a Dinas to the Sekda, from a Biro to its Asisten.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/diagnostic.hpp"

namespace regflow::model {

struct Agency {
  std::string code;      ///< e.g. "biro-hukum"
  std::string name;      ///< e.g. "Biro Hukum Sekretariat Daerah"
  std::string parent;    ///< code of the parent agency, empty at the top
  bool outside = false;  ///< an outside body (DPRD, a ministry): its steps are waiting steps
  SourceLocation location;

  friend bool operator==(const Agency&, const Agency&) = default;
};

class AgencyDirectory {
 public:
  /// Adds an agency; returns false when the code is already known.
  bool add(Agency agency);
  const Agency* find(const std::string& code) const;
  bool contains(const std::string& code) const { return find(code) != nullptr; }
  /// The agency's name as people read it; the code itself when it is not in the directory.
  std::string name_of(const std::string& code) const;
  /// The parent of `code`, or nullptr at the top or for an unknown code.
  const Agency* parent_of(const std::string& code) const;
  std::vector<std::string> codes() const;
  const std::map<std::string, Agency>& all() const { return agencies_; }

 private:
  std::map<std::string, Agency> agencies_;
};

}  // namespace regflow::model
