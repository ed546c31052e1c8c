#include "media/webp_container.h"

#include <cstdint>

namespace kidwiki::engine::media {
namespace {

constexpr std::size_t kHeaderSize = 12;  // "RIFF", size, "WEBP"
constexpr std::size_t kChunkHeaderSize = 8;

// VP8X flags of the metadata chunks: ICC profile, EXIF, XMP.
constexpr unsigned char kMetadataFlags = 0x20 | 0x08 | 0x04;

bool is_webp(std::string_view bytes) {
  return bytes.size() >= kHeaderSize && bytes.substr(0, 4) == "RIFF" &&
         bytes.substr(8, 4) == "WEBP";
}

std::uint64_t little_endian_32(std::string_view bytes, std::size_t at) {
  std::uint64_t value = 0;
  for (int i = 3; i >= 0; --i) value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

void append_little_endian_32(std::string& bytes, std::uint64_t value) {
  for (int i = 0; i < 4; ++i) bytes += static_cast<char>(value >> (8 * i) & 0xFF);
}

struct Chunk {
  std::string_view name;
  std::string_view whole;  // header, payload and padding
  std::string_view payload;
};

// The chunk at the start of `chunks`, or nullopt when it does not fit in them.
std::optional<Chunk> chunk_at(std::string_view chunks) {
  if (chunks.size() < kChunkHeaderSize) return std::nullopt;
  const std::uint64_t size = little_endian_32(chunks, 4);
  const std::uint64_t padded = size + (size & 1);
  if (padded > chunks.size() - kChunkHeaderSize) return std::nullopt;
  return Chunk{chunks.substr(0, 4), chunks.substr(0, kChunkHeaderSize + padded),
               chunks.substr(kChunkHeaderSize, size)};
}

// The name of the first image chunk ("VP8 " or "VP8L") among `chunks`. An animation's first frame
// (ANMF) is 16 bytes of frame header followed by chunks of its own. Empty when there is none.
std::string_view first_image_chunk(std::string_view chunks, bool in_frame) {
  while (auto chunk = chunk_at(chunks)) {
    if (chunk->name == "VP8 " || chunk->name == "VP8L") return chunk->name;
    if (chunk->name == "ANMF") {
      const bool has_chunks = !in_frame && chunk->payload.size() > 16;
      return has_chunks ? first_image_chunk(chunk->payload.substr(16), true) : "";
    }
    chunks.remove_prefix(chunk->whole.size());
  }
  return "";
}

bool is_picture_chunk(std::string_view name) {
  return name == "VP8X" || name == "ALPH" || name == "VP8 " || name == "VP8L" || name == "ANIM" ||
         name == "ANMF";
}

}  // namespace

bool is_lossless_webp(std::string_view bytes) {
  return is_webp(bytes) && first_image_chunk(bytes.substr(kHeaderSize), false) == "VP8L";
}

std::optional<std::string> webp_without_metadata(std::string_view bytes) {
  if (!is_webp(bytes)) return std::nullopt;
  std::string chunks;
  std::string_view rest = bytes.substr(kHeaderSize);
  while (!rest.empty()) {
    const auto chunk = chunk_at(rest);
    if (!chunk) return std::nullopt;
    rest.remove_prefix(chunk->whole.size());
    if (!is_picture_chunk(chunk->name)) continue;
    const std::size_t at = chunks.size();
    chunks += chunk->whole;
    if (chunk->name == "VP8X" && !chunk->payload.empty()) {
      chunks[at + kChunkHeaderSize] &= static_cast<char>(~kMetadataFlags);
    }
  }
  std::string trimmed = "RIFF";
  append_little_endian_32(trimmed, 4 + chunks.size());
  trimmed += "WEBP";
  return trimmed + chunks;
}

}  // namespace kidwiki::engine::media
