// Exceptions are for failures only (I/O, the database, corrupt archives, bugs); expected
// outcomes such as an invalid definition or a refused command are values.
#pragma once

#include <stdexcept>
#include <string>

#include "engine/model/message.hpp"

namespace regflow {

/// Base of every exception regflow throws on purpose. It carries what it says as a Message, so
/// that the command line and the web word it in the reader's language (render::words(e.said()));
/// what() is the English text, for logs.
class Error : public std::runtime_error {
 public:
  explicit Error(model::Message said)
      : std::runtime_error(model::english(said)), said_(std::move(said)) {}
  /// A text written whole in English, shown as it is (logs, failures of the platform).
  explicit Error(const std::string& english)
      : std::runtime_error(english), said_(model::verbatim(english)) {}
  explicit Error(const char* english) : Error(std::string(english)) {}

  const model::Message& said() const { return said_; }

 private:
  model::Message said_;
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
