#include "engine/model/user_role.hpp"

#include <algorithm>

namespace regflow::model {

std::string permission_name(Permission permission) {
  switch (permission) {
    case Permission::Act: return "act";
    case Permission::Sign: return "sign";
    case Permission::Extend: return "extend";
    case Permission::Administer: return "administer";
  }
  return "act";
}

std::optional<Permission> parse_permission(const std::string& name) {
  for (auto p : {Permission::Act, Permission::Sign, Permission::Extend, Permission::Administer}) {
    if (permission_name(p) == name) return p;
  }
  return std::nullopt;
}

std::vector<std::string> permission_names() {
  return {"act", "sign", "extend", "administer"};
}

bool UserRole::allows(Permission permission) const {
  return std::find(may.begin(), may.end(), permission) != may.end();
}

RoleDirectory RoleDirectory::standard() {
  RoleDirectory roles;
  roles.add({"admin", "Administrator regflow", {Permission::Administer}});
  roles.add({"kepala", "Kepala perangkat daerah",
             {Permission::Act, Permission::Sign, Permission::Extend}});
  roles.add({"staf", "Staf", {Permission::Act, Permission::Sign}});
  return roles;
}

void RoleDirectory::add(UserRole role) {
  for (auto& existing : roles_) {
    if (existing.name == role.name) {
      existing = std::move(role);
      return;
    }
  }
  roles_.push_back(std::move(role));
}

const UserRole* RoleDirectory::find(const std::string& name) const {
  for (const auto& role : roles_) {
    if (role.name == name) return &role;
  }
  return nullptr;
}

bool RoleDirectory::allows(const std::string& role, Permission permission) const {
  const auto* found = find(role);
  return found != nullptr && found->allows(permission);
}

std::vector<std::string> RoleDirectory::names() const {
  std::vector<std::string> out;
  for (const auto& role : roles_) out.push_back(role.name);
  return out;
}

std::vector<std::string> RoleDirectory::granting(Permission permission) const {
  std::vector<std::string> out;
  for (const auto& role : roles_) {
    if (role.allows(permission)) out.push_back(role.name);
  }
  return out;
}

}  // namespace regflow::model
