#include "runner/corpus/test262_checkouts.h"

namespace settle {

Test262Checkouts::Test262Checkouts(const std::optional<std::string>& root) {
  if (root) given_ = std::make_unique<Test262Checkout>(std::filesystem::absolute(*root));
}

Test262Checkout* Test262Checkouts::for_test(const std::string& file) {
  if (given_) return given_.get();
  std::optional<std::filesystem::path> root = find_test262_root(file);
  if (!root) return nullptr;
  auto& checkout = found_[*root];
  if (!checkout) checkout = std::make_unique<Test262Checkout>(*root);
  return checkout.get();
}

}  // namespace settle
