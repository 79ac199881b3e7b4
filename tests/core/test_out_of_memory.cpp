// Running out of memory during an evaluation: the evaluator halves the batch and tries
// again (then, on CUDA, moves the model to the CPU). A model that throws
// c10::OutOfMemoryError above a batch size stands in for a full GPU; the errors must equal
// those of an evaluation that never ran out.

#include "EvaluationSupport.h"
#include "HostModel.h"
#include "TestSupport.h"
#include "groups/Group.h"
#include "io/LoadDataset.h"
#include "metrics/Equivariance.h"
#include "util/Error.h"

#include <algorithm>
#include <torch/torch.h>

using namespace equiscope;

namespace {

// tanh(x W) per node, not equivariant (so the errors are not all zero), that refuses
// batches of more than `limit` elements as a full GPU would.
class BatchLimitedModel : public test::HostModel {
  public:
    explicit BatchLimitedModel(int64_t limit) : limit_(limit) {}
    std::string name() const override { return "batch-limited"; }
    at::Tensor forward(const at::Tensor& pos, const at::Tensor&, const at::Tensor&) override {
        batches.push_back(pos.size(0));
        if (pos.size(0) > limit_)
            throw c10::OutOfMemoryError({__func__, __FILE__, __LINE__},
                                        "CUDA out of memory (a test's stand-in)");
        return torch::tanh(pos.matmul(weights().to(pos.options())));
    }

    std::vector<int64_t> batches; // the batch size of every forward tried

  private:
    static torch::Tensor weights() {
        return torch::tensor({0.9, -0.4, 0.2, 0.3, 1.1, -0.7, -0.5, 0.6, 0.8}, torch::kFloat64)
            .reshape({3, 3});
    }
    int64_t limit_;
};

EvaluationOptions options(int batch) {
    return test::float64Options(batch, 16, 5);
}

} // namespace

class TestOutOfMemory : public QObject {
    Q_OBJECT
    const Sample sample_ = loadDataset("demo:sphere").samples.front();

  private Q_SLOTS:
    void halvedBatchesGiveTheUnbatchedErrors() {
        const auto group = makeGroup("SO3");
        BatchLimitedModel limited(3), unlimited(1 << 20);
        const Evaluator batched(limited, sample_, options(16));
        const ErrorReport a = batched.check(*group);
        const Evaluator oneByOne(unlimited, sample_, options(1));
        const ErrorReport b = oneByOne.check(*group);

        QCOMPARE(a.elementMean.size(), std::size_t{16});
        QVERIFY(a.meanError > 1e-3); // a model with errors, so equal errors mean something
        for (std::size_t i = 0; i < a.elementMean.size(); ++i) {
            QVERIFY2(test::close(a.elementMean[i], b.elementMean[i], 1e-12),
                     qPrintable(QString::number(i)));
            QVERIFY(test::close(a.elementMax[i], b.elementMax[i], 1e-12));
        }
        QVERIFY(test::close(a.meanError, b.meanError, 1e-12));

        // 16 failed, then 8 and 4; from then on no batch above 2 was tried again.
        const std::vector<int64_t>& tried = limited.batches;
        const auto firstFit =
            std::find_if(tried.begin() + 1, tried.end(), [](int64_t size) { return size <= 3; });
        QVERIFY(std::count(tried.begin(), tried.end(), 16) == 1);
        QVERIFY(std::count(tried.begin(), tried.end(), 8) >= 1);
        QVERIFY(std::all_of(firstFit, tried.end(), [](int64_t size) { return size <= 2; }));
        QVERIFY(!batched.notes().empty());
        QVERIFY2(QString::fromStdString(batched.notes().front()).contains("retrying with 8"),
                 batched.notes().front().c_str());
        QVERIFY(oneByOne.notes().empty());
    }

    void oneElementThatDoesNotFitOnTheCpuIsAnError() {
        BatchLimitedModel none(0);
        std::string message;
        try {
            const Evaluator e(none, sample_, options(16));
        } catch (const Error& e) {
            message = e.what();
        }
        QVERIFY2(message.find("batch-limited: out of memory evaluating one element on the CPU") !=
                     std::string::npos,
                 message.c_str());
        QVERIFY2(message.find("a test's stand-in") != std::string::npos, message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestOutOfMemory)
#include "test_out_of_memory.moc"
