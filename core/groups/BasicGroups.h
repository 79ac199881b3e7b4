#pragma once
// The group classes behind makeGroup (internal to core/groups).

#include "groups/Group.h"

namespace equiscope {

class TranslationGroup : public Group {
  public:
    std::string name() const override;
    GroupElement sample(Rng& rng, const SampleContext& context) const override;
    std::vector<ParameterSpec> parameters() const override;
    GroupElement fromParameters(const std::vector<double>& values,
                                const SampleContext& context) const override;
    std::vector<Generator> generators() const override;
};

class RotationGroup : public Group { // SO3, or O3 with reflections
  public:
    explicit RotationGroup(bool reflections) : reflections_(reflections) {}
    std::string name() const override;
    GroupElement sample(Rng& rng, const SampleContext& context) const override;
    std::vector<ParameterSpec> parameters() const override;
    GroupElement fromParameters(const std::vector<double>& values,
                                const SampleContext& context) const override;
    std::vector<Generator> generators() const override;

  private:
    bool reflections_;
};

class AxialGroup : public Group { // SO2 about an axis, or O2 with mirrors through it
  public:
    AxialGroup(Eigen::Vector3d axis, std::string axisName, bool reflections);
    std::string name() const override;
    GroupElement sample(Rng& rng, const SampleContext& context) const override;
    std::vector<ParameterSpec> parameters() const override;
    GroupElement fromParameters(const std::vector<double>& values,
                                const SampleContext& context) const override;
    std::vector<Generator> generators() const override;

  private:
    Eigen::Vector3d axis_;
    std::string axisName_;
    bool reflections_;
};

class ScaleGroup : public Group {
  public:
    std::string name() const override;
    GroupElement sample(Rng& rng, const SampleContext& context) const override;
    std::vector<ParameterSpec> parameters() const override;
    GroupElement fromParameters(const std::vector<double>& values,
                                const SampleContext& context) const override;
    std::vector<Generator> generators() const override;
};

class LinearGroup : public Group { // GL+(3), or SL(3)
  public:
    static constexpr double kSpdVariance = 0.1;
    explicit LinearGroup(bool special) : special_(special) {}
    std::string name() const override;
    GroupElement sample(Rng& rng, const SampleContext& context) const override;
    std::vector<ParameterSpec> parameters() const override;
    GroupElement fromParameters(const std::vector<double>& values,
                                const SampleContext& context) const override;
    std::vector<Generator> generators() const override;

  private:
    bool special_;
};

class PermutationGroup : public Group {
  public:
    std::string name() const override;
    GroupElement sample(Rng& rng, const SampleContext& context) const override;
    std::vector<ParameterSpec> parameters() const override;
    GroupElement fromParameters(const std::vector<double>& values,
                                const SampleContext& context) const override;
    std::vector<Generator> generators() const override;
    bool permutesNodes() const override { return true; }
};

// Shifts of the clock: time fields t -> t + s, s in the data's time units. A model that
// never reads a time field is invariant by construction.
class TimeShiftGroup : public Group {
  public:
    bool shiftsTime() const override { return true; }
    std::string name() const override;
    GroupElement sample(Rng& rng, const SampleContext& context) const override;
    std::vector<ParameterSpec> parameters() const override;
    GroupElement fromParameters(const std::vector<double>& values,
                                const SampleContext& context) const override;
    std::vector<Generator> generators() const override;
};

class ProductGroup : public Group {
  public:
    ProductGroup(std::string name, std::vector<std::unique_ptr<Group>> factors);
    std::string name() const override;
    GroupElement sample(Rng& rng, const SampleContext& context) const override;
    std::vector<ParameterSpec> parameters() const override;
    GroupElement fromParameters(const std::vector<double>& values,
                                const SampleContext& context) const override;
    std::vector<Generator> generators() const override;
    bool permutesNodes() const override;

  private:
    std::string name_;
    std::vector<std::unique_ptr<Group>> factors_;
};

} // namespace equiscope
