#include "engine/model/document_policy.hpp"

namespace regflow::model {

const DocumentKind* DocumentPolicy::find(const std::string& name) const {
  for (const auto& kind : kinds) {
    if (kind.name == name) return &kind;
  }
  return nullptr;
}

std::vector<std::string> DocumentPolicy::names() const {
  std::vector<std::string> out;
  out.reserve(kinds.size());
  for (const auto& kind : kinds) out.push_back(kind.name);
  return out;
}

DocumentPolicy DocumentPolicy::standard() {
  DocumentPolicy policy;
  policy.kinds = {
      {"naskah", "Naskah rancangan"},
      {"naskah_akademik", "Naskah akademik"},
      {"surat", "Surat"},
      {"berita_acara", "Berita acara"},
      {"hasil_harmonisasi", "Hasil pengharmonisasian"},
      {"hasil_fasilitasi", "Hasil fasilitasi / evaluasi"},
      {"produk_final", "Produk hukum yang ditandatangani"},
      {"lainnya", "Lainnya"},
  };
  return policy;
}

}  // namespace regflow::model
