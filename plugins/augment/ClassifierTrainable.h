#pragma once
// The Trainable behind trainClassifier (ShapeClassifier.h): one optimiser step per batch,
// with the augmentation of the chosen mode. Includes torch: for this plugin's .cpp files.

#include "augment/ShapeClassifier.h"
#include "groups/Group.h"
#include "train/TransformFamily.h"

#include <torch/torch.h>

namespace equiscope::augment {

struct ShapeTensors {
    torch::Tensor pos;    // [S, P, 3] float32
    torch::Tensor labels; // [S] int64, 0..C-1
};

class ClassifierTrainable : public Trainable {
  public:
    ClassifierTrainable(const ClassifyConfig& config, Model& model, ShapeTensors train,
                        ShapeTensors validation, std::vector<TransformFamily> families);

    std::vector<std::string> columns() const override;
    std::vector<double> trainEpoch(int epoch, int epochs) override;
    double selectionScore(const std::vector<double>& row) const override { return row[2]; }
    void rememberBest() override;
    void restoreBest() override;
    void saveState(const std::string& directory) const override;
    void loadState(const std::string& directory) override;

    const std::vector<double>& gamma() const { return gamma_; }
    const std::vector<double>& acceptance() const { return acceptance_; }
    const std::vector<EpochHistograms>& histograms() const { return histograms_; }

  private:
    struct StepFigures {
        double total = 0, clean = 0;
        std::vector<double> augmented;               // per family
        std::vector<int64_t> proposed, accepted;     // per family
        std::vector<std::vector<double>> magnitudes; // per family: the elements used
    };
    torch::Tensor losses(const torch::Tensor& x, const torch::Tensor& y,
                         const torch::Tensor& linear);
    torch::Tensor uniformAugmentation(std::size_t family, const torch::Tensor& x,
                                      const torch::Tensor& y, StepFigures& figures);
    torch::Tensor sampledAugmentation(std::size_t family, const torch::Tensor& x,
                                      const torch::Tensor& y, StepFigures& figures);
    void step(const torch::Tensor& x, const torch::Tensor& y, StepFigures& figures);
    std::pair<double, double> validate(); // loss, accuracy

    ClassifyConfig c_;
    Model& model_;
    torch::nn::Module& net_;
    torch::optim::Adam optimizer_;
    ShapeTensors train_, validation_;
    std::vector<TransformFamily> families_;
    std::vector<torch::Tensor> elements_; // per family [M, 3, 3] on the device
    std::vector<double> gamma_, acceptance_;
    std::vector<EpochHistograms> histograms_;
    std::vector<torch::Tensor> best_;
    Rng rng_;
    bool warmingUp_ = false; // an epoch before config.dualStart: clean training only
};

} // namespace equiscope::augment
