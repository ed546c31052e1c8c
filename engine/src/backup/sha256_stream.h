// A SHA-256 of bytes that come in pieces (a file read block by block), with libsodium.
#pragma once

#include <sodium.h>

#include <string>
#include <string_view>

namespace kidwiki::engine {

class Sha256Stream {
 public:
  Sha256Stream();
  void update(std::string_view bytes);
  // The digest in lowercase hex. Call once, after the last update.
  std::string hex();

 private:
  crypto_hash_sha256_state state_;
};

}  // namespace kidwiki::engine
