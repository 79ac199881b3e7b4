#include "train/Collective.h"

namespace equiscope {

namespace {

class SingleProcess final : public Collective {
  public:
    int rank() const override { return 0; }
    int size() const override { return 1; }
    void allReduceSum(double*, std::size_t) override {}
    void broadcastFromRoot(double*, std::size_t) override {}
};

} // namespace

Collective& singleProcess() {
    static SingleProcess one;
    return one;
}

} // namespace equiscope
