// Exceptions are for failures only (I/O, the database, corrupt archives, bugs); expected
// outcomes such as an invalid definition or a refused command are values.
#pragma once

#include <stdexcept>
#include <string>

namespace regflow {

/// Base of every exception regflow throws on purpose.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A file could not be read, or a configuration folder is missing.
class LoadError : public Error {
 public:
  using Error::Error;
};

/// The database could not be opened, read or written; the message names the path and operation.
class StoreError : public Error {
 public:
  using Error::Error;
};

/// Another writer moved the dossier first; nothing was written.
class ConflictError : public Error {
 public:
  using Error::Error;
};

/// An archive is truncated, edited, foreign or of an unknown version.
class ArchiveError : public Error {
 public:
  using Error::Error;
};

/// Input that a user gave on the command line was not acceptable (bad date, bad k=v pair).
class InputError : public Error {
 public:
  using Error::Error;
};

}  // namespace regflow
