// What a user's role lets them do. Roles are declared by the installation (settings.yaml,
// `roles:`), so that a legal bureau decides, and can read, who may extend a deadline or initial
// for their agency; the engine enforces them on every write, whatever the shell.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace regflow::model {

enum class Permission {
  Act,        ///< take the actions of steps their agency owns (`advance`), start dossiers
  Sign,       ///< initial (paraf) a sign-off step for their agency
  Extend,     ///< extend a deadline of a step their agency owns
  Administer  ///< register users, act for another user on the command line (`--as`)
};

/// "act", "sign", "extend", "administer".
std::string permission_name(Permission permission);
std::optional<Permission> parse_permission(const std::string& name);
std::vector<std::string> permission_names();

struct UserRole {
  std::string name;   ///< e.g. "kepala"
  std::string title;  ///< e.g. "Kepala perangkat daerah"
  std::vector<Permission> may;

  bool allows(Permission permission) const;
};

class RoleDirectory {
 public:
  /// The roles an installation has when settings.yaml declares none: `admin` (administer only),
  /// `kepala` (act, sign, extend) and `staf` (act, sign). The shipped settings.yaml declares the
  /// same, written out.
  static RoleDirectory standard();

  void add(UserRole role);
  const UserRole* find(const std::string& name) const;
  bool allows(const std::string& role, Permission permission) const;
  std::vector<std::string> names() const;
  /// The roles that grant `permission`, for refusals ("roles that may: 'kepala'").
  std::vector<std::string> granting(Permission permission) const;

 private:
  std::vector<UserRole> roles_;
};

}  // namespace regflow::model
