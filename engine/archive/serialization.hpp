// Boost.Serialization of the archive records. Every record has a class version: a later build
// that adds a field raises that record's version and reads the field only `if (version >= N)`,
// so archives written by this build stay readable (tests/data/archive/ holds one, read by
// tests/engine/archive/compatibility_test.cpp). Never reorder or remove a field below.
// Tracking is off: records are serialized by value, never through pointers.
#pragma once

#include <boost/serialization/map.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/vector.hpp>
#include <boost/serialization/version.hpp>

#include "engine/archive/model.hpp"

namespace boost::serialization {

template <typename Archive>
void serialize(Archive& ar, regflow::archive::ArchiveHeader& h, unsigned /*version*/) {
  ar& h.format_version& h.installation& h.exported_at& h.selection& h.dossier_count;
}

template <typename Archive>
void serialize(Archive& ar, regflow::archive::ArchivedDefinition& d, unsigned /*version*/) {
  ar& d.hash& d.name& d.version& d.source_path& d.text;
}

template <typename Archive>
void serialize(Archive& ar, regflow::archive::ArchivedAgency& a, unsigned /*version*/) {
  ar& a.code& a.name& a.parent& a.outside;
}

template <typename Archive>
void serialize(Archive& ar, regflow::archive::ArchivedUser& u, unsigned /*version*/) {
  ar& u.name& u.agencies& u.role;
}

template <typename Archive>
void serialize(Archive& ar, regflow::archive::ArchivedEvent& e, unsigned /*version*/) {
  ar& e.sequence& e.type& e.at& e.actor& e.agency& e.action& e.from_step& e.to_step& e.note& e
      .changes& e.data& e.prev_hash& e.hash;
}

template <typename Archive>
void serialize(Archive& ar, regflow::archive::ArchivedDossier& d, unsigned /*version*/) {
  ar& d.id& d.workflow& d.definition_hash& d.title& d.step& d.closed& d.variables& d.bindings& d
      .events;
}

template <typename Archive>
void serialize(Archive& ar, regflow::archive::ArchivedDocument& d, unsigned /*version*/) {
  ar& d.sha256& d.bytes;
}

template <typename Archive>
void serialize(Archive& ar, regflow::archive::Archive& a, unsigned version) {
  ar& a.header& a.definitions& a.agencies& a.users& a.dossiers;
  if (version >= 2) ar& a.documents;
}

}  // namespace boost::serialization

BOOST_CLASS_VERSION(regflow::archive::ArchiveHeader, 1)
BOOST_CLASS_VERSION(regflow::archive::ArchivedDefinition, 1)
BOOST_CLASS_VERSION(regflow::archive::ArchivedAgency, 1)
BOOST_CLASS_VERSION(regflow::archive::ArchivedUser, 1)
BOOST_CLASS_VERSION(regflow::archive::ArchivedEvent, 1)
BOOST_CLASS_VERSION(regflow::archive::ArchivedDossier, 1)
BOOST_CLASS_VERSION(regflow::archive::ArchivedDocument, 1)
BOOST_CLASS_VERSION(regflow::archive::Archive, 2)

BOOST_CLASS_TRACKING(regflow::archive::ArchiveHeader, boost::serialization::track_never)
BOOST_CLASS_TRACKING(regflow::archive::ArchivedDefinition, boost::serialization::track_never)
BOOST_CLASS_TRACKING(regflow::archive::ArchivedAgency, boost::serialization::track_never)
BOOST_CLASS_TRACKING(regflow::archive::ArchivedUser, boost::serialization::track_never)
BOOST_CLASS_TRACKING(regflow::archive::ArchivedEvent, boost::serialization::track_never)
BOOST_CLASS_TRACKING(regflow::archive::ArchivedDossier, boost::serialization::track_never)
BOOST_CLASS_TRACKING(regflow::archive::ArchivedDocument, boost::serialization::track_never)
BOOST_CLASS_TRACKING(regflow::archive::Archive, boost::serialization::track_never)
