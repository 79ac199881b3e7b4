#pragma once
// Command-line parsing shared by the model commands (check, sweep, profile, lie).

#include "data/Sample.h"
#include "metrics/Equivariance.h"
#include "models/Model.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace equiscope::cli {

// "--key value" and "--flag" arguments; positional arguments are not used.
class Arguments {
  public:
    // `flags` take no value; `repeatable` may be given several times.
    Arguments(const std::vector<std::string>& args, const std::vector<std::string>& valued,
              const std::vector<std::string>& flags,
              const std::vector<std::string>& repeatable = {});
    bool has(const std::string& key) const { return values_.count(key) > 0; }
    std::string get(const std::string& key, const std::string& fallback = "") const;
    std::vector<std::string> all(const std::string& key) const;
    double number(const std::string& key, double fallback) const;
    int64_t integer(const std::string& key, int64_t fallback, int64_t min, int64_t max) const;

  private:
    std::multimap<std::string, std::string> values_;
};

std::vector<std::string> splitList(const std::string& text, char separator = ',');

// What --model, --model-option, --load, --output/--per/--feature-dim, --data,
// --samples, --seed, --dtype, --device, --features, --batch, --graph-reuse, --index,
// --frame describe.
struct Session {
    std::string modelName, dataName;
    std::unique_ptr<Model> model;
    Dataset data;
    EvaluationOptions options;
};

// The valued options every model command accepts.
std::vector<std::string> sessionOptions();
Session openSession(const Arguments& args);
// The parts of a session that do not depend on the data (what a scan shares over units).
// `overrides` replace the model options given on the command line.
std::unique_ptr<Model> createSessionModel(const Arguments& args,
                                          const ModelOptions& overrides = {});
EvaluationOptions evaluationOptions(const Arguments& args);

} // namespace equiscope::cli
