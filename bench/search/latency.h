// Timing for the benchmark: a stopwatch and percentiles of samples.
#pragma once

#include <chrono>
#include <vector>

namespace kidwiki::bench {

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  double milliseconds() const { return seconds() * 1000.0; }

 private:
  std::chrono::steady_clock::time_point start_;
};

// The q-quantile (0 < q <= 1) by the nearest-rank method; 0 for no samples.
double percentile(std::vector<double> samples, double q);

}  // namespace kidwiki::bench
