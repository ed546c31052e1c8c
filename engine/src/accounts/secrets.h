// Passwords and random tokens, through libsodium.
#pragma once

#include <string>
#include <string_view>

namespace kidwiki::engine {

struct PasswordCost {
  unsigned long long ops;
  unsigned long long memory_bytes;
};

// argon2id in libsodium's string format (algorithm, cost and salt included), so that the cost can
// be raised later without invalidating stored hashes.
std::string hash_password(std::string_view password, PasswordCost cost);
bool verify_password(const std::string& hash, std::string_view password);

// 32 random bytes, URL-safe base64 without padding: for session cookies and CSRF tokens.
std::string random_token();
// The hex BLAKE2b hash under which a session token is stored.
std::string token_hash(std::string_view token);

}  // namespace kidwiki::engine
