// Memory-aware batching (`--batch auto`): the probe sees LibTorch's allocations, the batch
// follows one forward's peak and the device's budget, and the errors do not depend on it.

#include "EvaluationSupport.h"
#include "HostModel.h"
#include "TestSupport.h"
#include "groups/Group.h"
#include "metrics/AutoBatch.h"
#include "metrics/Equivariance.h"
#include "util/MemoryProbe.h"

#include <QtTest>
#include <random>
#include <torch/torch.h>

using namespace equiscope;

namespace {

// Per node, the mean over all nodes of tanh(|x_i - x_j|²) times x_i: rotation-equivariant,
// translation-variant, and its working set grows as N² per element like a fully
// connected EGNN's.
class PairwiseModel : public test::HostModel {
  public:
    std::string name() const override { return "pairwise"; }
    at::Tensor forward(const at::Tensor& pos, const at::Tensor&, const at::Tensor&) override {
        batches.push_back(pos.size(0));
        const torch::Tensor d = torch::cdist(pos, pos).pow(2); // [B,N,N]
        return torch::tanh(d).mean(-1, true) * pos;
    }

    std::vector<int64_t> batches;

  private:
};

Sample cloud(int64_t n) {
    std::mt19937_64 rng(3);
    std::normal_distribution<double> normal;
    std::vector<double> xyz(static_cast<std::size_t>(3 * n));
    for (double& v : xyz) v = normal(rng);
    Sample s;
    s.setField(Field::perNode("pos", FieldType::Position, n, 3, xyz));
    return s;
}

EvaluationOptions options(int batch) {
    return test::float64Options(batch, 8, 2);
}

} // namespace

class TestAutoBatch : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void probeSeesThePeakNotTheSum() {
        const PeakMemory none = measurePeakMemory([] {});
        QCOMPARE(none.cpuBytes, int64_t(0));
        constexpr int64_t kBytes = int64_t(8) << 20;
        const PeakMemory two = measurePeakMemory([] {
            for (int i = 0; i < 2; ++i) { // one after the other: the peak is one of them
                const torch::Tensor t = torch::ones({kBytes / 8}, torch::kFloat64);
                QVERIFY(t.sum().item<double>() > 0);
            }
        });
        QVERIFY2(two.cpuBytes >= kBytes && two.cpuBytes < kBytes + kBytes / 8,
                 qPrintable(QString::number(two.cpuBytes)));
        QCOMPARE(two.cudaBytes, int64_t(0));
    }

    void batchFitsTheBudget() {
        const BatchBudget budget{int64_t(64) << 20, "test"};
        QCOMPARE(autoBatchSize(0, budget), kMaxAutoBatch);
        QCOMPARE(autoBatchSize(int64_t(1) << 20, budget), 64);
        QCOMPARE(autoBatchSize((int64_t(1) << 20) / 3 * 2, budget), 64); // 96 fit: a power of 2
        QCOMPARE(autoBatchSize(int64_t(1) << 30, budget), 1);            // never below one
        QCOMPARE(autoBatchSize(1, budget), kMaxAutoBatch);
        const BatchBudget cpu = batchBudget(DeviceKind::Cpu);
        QVERIFY(cpu.bytes > 0 && cpu.bytes <= kMaxCpuBudget);
        QVERIFY(!cpu.source.empty());
    }

    void bigForwardsGoFewPerBatchAndGiveTheSameErrors() {
        const auto group = makeGroup("SE3");
        PairwiseModel small, big, reference;
        const Sample few = cloud(64), many = cloud(1500);
        const Evaluator smallAuto(small, few, options(kBatchAuto));
        const Evaluator bigAuto(big, many, options(kBatchAuto));
        // 1500² float64 distances are 18 MB per element: a 64 MiB budget takes three.
        QVERIFY2(bigAuto.forwardBytes() >= 1500 * 1500 * 8,
                 qPrintable(QString::number(bigAuto.forwardBytes())));
        QVERIFY2(bigAuto.batch() <= 3, bigAuto.batchChoice().c_str());
        QVERIFY2(smallAuto.batch() >= 64, smallAuto.batchChoice().c_str());
        QVERIFY(QString::fromStdString(bigAuto.batchChoice()).startsWith("auto: "));
        const ErrorReport r = bigAuto.check(*group);
        for (std::size_t i = 1; i < big.batches.size(); ++i) // after f(x), batch() per forward
            QVERIFY(big.batches[i] <= bigAuto.batch());
        const Evaluator oneByOne(reference, many, options(1));
        QCOMPARE(oneByOne.batch(), 1);
        QVERIFY(QString::fromStdString(oneByOne.batchChoice()).contains("--batch 1"));
        const ErrorReport expected = oneByOne.check(*group);
        QVERIFY(r.meanError > 1e-3); // translations break it: the comparison means something
        for (std::size_t e = 0; e < r.elementMean.size(); ++e)
            QVERIFY(std::abs(r.elementMean[e] - expected.elementMean[e]) < 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestAutoBatch)
#include "test_auto_batch.moc"
