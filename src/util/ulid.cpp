#include "util/ulid.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <mutex>

#include "util/crypto.hpp"

namespace agenthq::util {
namespace {

constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::uint64_t kMaxTimestamp = (std::uint64_t{1} << 48) - 1;

// The 80 random bits as a 16-bit high part and a 64-bit low part, so incrementing is plain integer math.
struct Entropy {
  std::uint16_t hi = 0;
  std::uint64_t lo = 0;
};

struct State {
  std::mutex mutex;
  std::uint64_t last_ms = 0;
  Entropy last;
};

State& state() {
  static State s;
  return s;
}

Entropy fresh_entropy() {
  const std::string r = random_bytes(10);
  Entropy e;
  e.hi =
      static_cast<std::uint16_t>((static_cast<unsigned char>(r[0]) << 8) | static_cast<unsigned char>(r[1]));
  for (int i = 2; i < 10; ++i) e.lo = (e.lo << 8) | static_cast<unsigned char>(r[i]);
  return e;
}

// Returns false when all 80 bits wrap around to zero.
bool increment(Entropy& e) {
  if (++e.lo != 0) return true;
  return ++e.hi != 0;
}

std::string encode(std::uint64_t ms, const Entropy& e) {
  std::string out(26, '0');
  // Timestamp: 10 chars x 5 bits = 50 bits, the top 2 always zero.
  for (int i = 9; i >= 0; --i) {
    out[i] = kCrockford[ms & 0x1f];
    ms >>= 5;
  }
  // Entropy: 16 chars x 5 bits = exactly 80 bits, taken from the low end.
  std::uint64_t lo = e.lo;
  std::uint64_t hi = e.hi;
  for (int i = 25; i >= 10; --i) {
    out[i] = kCrockford[lo & 0x1f];
    lo = (lo >> 5) | ((hi & 0x1f) << 59);
    hi >>= 5;
  }
  return out;
}

std::uint64_t now_ms() {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count();
  return ms < 0 ? 0 : static_cast<std::uint64_t>(ms) & kMaxTimestamp;
}

}  // namespace

std::string new_ulid() {
  const std::uint64_t ms = now_ms();
  // Draw randomness before taking the lock; it is wasted only in the same-millisecond case.
  const Entropy drawn = fresh_entropy();

  State& s = state();
  std::lock_guard lock(s.mutex);
  if (ms > s.last_ms) {
    s.last_ms = ms;
    s.last = drawn;
  } else if (!increment(s.last)) {
    // 2^80 ids in one millisecond cannot happen with a random start, but if the entropy wraps, borrow
    // the next millisecond rather than emit an id that sorts before its predecessor.
    s.last_ms = std::min(s.last_ms + 1, kMaxTimestamp);
    s.last = drawn;
  }
  return encode(s.last_ms, s.last);
}

}  // namespace agenthq::util
