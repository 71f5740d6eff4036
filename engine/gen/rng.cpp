#include "engine/gen/rng.h"

#include <algorithm>

namespace corpusflow::gen {

WeightedChoice::WeightedChoice(const std::vector<double>& weights) {
  cumulative_.reserve(weights.size());
  double total = 0;
  for (double weight : weights) {
    total += weight > 0 ? weight : 0;
    cumulative_.push_back(total);
  }
}

WeightedChoice WeightedChoice::zipf(size_t n, double exponent) {
  std::vector<double> weights(n);
  for (size_t i = 0; i < n; ++i) weights[i] = 1.0 / std::pow(static_cast<double>(i + 1), exponent);
  return WeightedChoice(weights);
}

size_t WeightedChoice::operator()(Rng& rng) const {
  if (cumulative_.empty()) return 0;
  const double target = rng.unit() * cumulative_.back();
  const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), target);
  const size_t index = static_cast<size_t>(it - cumulative_.begin());
  return index < cumulative_.size() ? index : cumulative_.size() - 1;
}

}  // namespace corpusflow::gen
