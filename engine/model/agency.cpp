#include "engine/model/agency.hpp"

namespace regflow::model {

bool AgencyDirectory::add(Agency agency) {
  auto code = agency.code;
  return agencies_.emplace(std::move(code), std::move(agency)).second;
}

const Agency* AgencyDirectory::find(const std::string& code) const {
  auto it = agencies_.find(code);
  return it == agencies_.end() ? nullptr : &it->second;
}

std::string AgencyDirectory::name_of(const std::string& code) const {
  const Agency* agency = find(code);
  return agency == nullptr ? code : agency->name;
}

const Agency* AgencyDirectory::parent_of(const std::string& code) const {
  const Agency* agency = find(code);
  return agency == nullptr || agency->parent.empty() ? nullptr : find(agency->parent);
}

std::vector<std::string> AgencyDirectory::codes() const {
  std::vector<std::string> out;
  out.reserve(agencies_.size());
  for (const auto& [code, agency] : agencies_) out.push_back(code);
  return out;
}

}  // namespace regflow::model
