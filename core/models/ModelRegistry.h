#pragma once
// Built-in model families register here by name with their options and defaults; a path
// to a .pt file opens a user's TorchScript model instead.

#include "models/Model.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace equiscope {

struct OptionSpec {
    std::string name, defaultValue, help;
};

struct ModelInfo {
    std::string name, description;
    std::vector<OptionSpec> options;
    std::vector<std::string> symmetries; // claimed with the default options
    std::function<std::unique_ptr<Model>(const ModelOptions& options)> create;
};

class ModelRegistry {
  public:
    void add(ModelInfo info);
    const ModelInfo* find(const std::string& name) const;
    std::vector<const ModelInfo*> all() const;

    // A registered name (options checked against its schema, defaults filled in), or a
    // TorchScript file (options: output, per, feature_dim override a missing spec).
    std::unique_ptr<Model> create(const std::string& nameOrFile,
                                  const ModelOptions& options = {}) const;

  private:
    std::vector<ModelInfo> models_;
};

// Typed access to options that the registry already completed with defaults.
class OptionReader {
  public:
    OptionReader(std::string model, const ModelOptions& options)
        : model_(std::move(model)), options_(options) {}
    std::string text(const std::string& key) const;
    int64_t integer(const std::string& key, int64_t min, int64_t max) const;
    double number(const std::string& key) const;
    bool flag(const std::string& key) const;
    std::string choice(const std::string& key, const std::vector<std::string>& allowed) const;

  private:
    std::string model_;
    const ModelOptions& options_;
};

// Parses "k=v" (the CLI's --model-option) into options; throws Error without '='.
void addOption(ModelOptions& options, const std::string& keyEqualsValue);

std::unique_ptr<Model> loadTorchScriptModel(const std::string& path, const ModelOptions& overrides);

} // namespace equiscope
