// A user's TorchScript model (model-format.md): the spec from the extra file
// equiscope.json, else a sidecar FILE.pt.json or FILE.json, else options given by the caller.

#include "models/Layers.h"
#include "models/ModelRegistry.h"
#include "util/Error.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <torch/script.h>

namespace equiscope {

namespace {

std::string readText(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string firstLine(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

// What went wrong, in one line: LibTorch's own errors say it first; TorchScript's
// interpreter says it last, after its traceback ("RuntimeError: ...").
std::string reason(const std::exception& e) {
    const auto* c10error = dynamic_cast<const c10::Error*>(&e);
    const std::string text = c10error ? c10error->what_without_backtrace() : e.what();
    if (text.rfind("The following operation failed in the TorchScript interpreter", 0) != 0)
        return firstLine(text);
    const std::size_t end = text.find_last_not_of("\n ");
    if (end == std::string::npos) return firstLine(text);
    const std::size_t start = text.rfind('\n', end);
    return text.substr(start == std::string::npos ? 0 : start + 1, end + 1 - (start + 1));
}

bool outOfMemory(const std::string& reason) {
    for (const char* phrase : {"out of memory", "not enough memory", "can't allocate memory"})
        if (reason.find(phrase) != std::string::npos) return true;
    return false;
}

class TorchScriptModel : public Model {
  public:
    TorchScriptModel(std::string path, const ModelOptions& overrides) : path_(std::move(path)) {
        torch::jit::ExtraFilesMap extra{{"equiscope.json", ""}};
        try {
            module_ = torch::jit::load(path_, torch::kCPU, extra);
        } catch (const std::exception& e) {
            throw Error(path_ +
                        ": not a TorchScript file (save it with torch.jit.save): " + reason(e));
        }
        module_.eval();
        std::string specText = extra["equiscope.json"],
                    where = path_ + " (extra file equiscope.json)";
        if (specText.empty()) {
            const std::string stem = path_.substr(0, path_.find_last_of('.'));
            for (const std::string& sidecar : {path_ + ".json", stem + ".json"})
                if (std::ifstream(sidecar).good()) {
                    specText = readText(sidecar);
                    where = sidecar;
                    break;
                }
        }
        applyOverrides(specText, where, overrides);
        if (!module_.find_method("forward"))
            throw Error(path_ + ": the module has no forward method");
    }

    std::string name() const override { return path_; }
    const ModelSpec& spec() const override { return spec_; }

    at::Tensor forward(const at::Tensor& pos, const at::Tensor& feat,
                       const at::Tensor& edgeIndex) override {
        std::vector<c10::IValue> args{pos, feat};
        if (spec_.usesEdges()) {
            if (!edgeIndex.defined())
                throw Error(path_ + ": the model takes edge_index but the data has no edges");
            args.emplace_back(edgeIndex);
        }
        c10::IValue out;
        try {
            torch::NoGradGuard noGrad;
            out = module_.forward(args);
        } catch (const c10::OutOfMemoryError&) {
            throw; // the evaluator retries with a smaller batch (Equivariance.h)
        } catch (const std::exception& e) {
            const std::string why = reason(e);
            // The interpreter turns an out-of-memory error into a plain one: restore its kind.
            if (outOfMemory(why))
                throw c10::OutOfMemoryError({__func__, __FILE__, __LINE__}, path_ + ": " + why);
            throw Error(path_ + ": forward failed: " + why);
        }
        if (!out.isTensor())
            throw Error(path_ + ": forward must return a Tensor, it returned " + out.tagKind());
        const at::Tensor y = out.toTensor();
        checkShape(y, pos);
        checkFinite(y, pos, feat);
        return y;
    }

    void setDevice(DeviceKind device) override {
        device_ = device;
        module_.to(device == DeviceKind::Cuda ? torch::kCUDA : torch::kCPU);
    }
    void setFloat64(bool float64) override {
        float64_ = float64;
        module_.to(float64 ? torch::kFloat64 : torch::kFloat32);
    }
    DeviceKind device() const override { return device_; }
    bool float64() const override { return float64_; }

    void save(const std::string& path) const override {
        torch::jit::ExtraFilesMap extra{{"equiscope.json", toJson(spec_)}};
        module_.save(path, extra);
    }
    void load(const std::string& path) override { *this = TorchScriptModel(path, {}); }

    std::map<std::string, double> symmetryLevels() override {
        const auto it = spec_.methods.find("symmetry_levels");
        if (it == spec_.methods.end()) return {};
        const auto method = module_.find_method(it->second);
        if (!method)
            throw Error(path_ + ": spec names method '" + it->second + "' but the module has none");
        const c10::IValue result = (*method)({});
        if (!result.isGenericDict())
            throw Error(path_ + ": " + it->second + "() must return Dict[str, float]");
        std::map<std::string, double> levels;
        for (const auto& entry : result.toGenericDict())
            levels[entry.key().toStringRef()] = entry.value().toDouble();
        return levels;
    }

    bool hasPartition() const override { return spec_.methods.count("partition") > 0; }
    at::Tensor partition(const at::Tensor& pos, const at::Tensor& feat) override {
        if (!hasPartition()) return Model::partition(pos, feat);
        const std::string& name = spec_.methods.at("partition");
        const auto method = module_.find_method(name);
        if (!method)
            throw Error(path_ + ": spec names method '" + name + "' but the module has none");
        c10::IValue out;
        try {
            torch::NoGradGuard noGrad;
            out = (*method)({pos, feat});
        } catch (const std::exception& e) {
            throw Error(path_ + ": " + name + " failed: " + reason(e));
        }
        if (!out.isTensor() || out.toTensor().dim() != 3 || out.toTensor().size(0) != pos.size(0) ||
            out.toTensor().size(1) != pos.size(1))
            throw Error(path_ + ": " + name + "(pos, feat) must return part probabilities [B,N,K]");
        return out.toTensor();
    }

  private:
    // The spec text (if any) with the caller's answers (output, per, feature_dim) filled in.
    void applyOverrides(const std::string& specText, const std::string& where,
                        const ModelOptions& overrides) {
        if (specText.empty() && overrides.empty())
            throw Error(path_ + ": has no equiscope.json (extra file or sidecar " + path_ +
                        ".json); give --output, --per and --feature-dim, or see model-format.md");
        nlohmann::json j = nlohmann::json::object();
        if (!specText.empty()) {
            j = nlohmann::json::parse(specText, nullptr, false);
            if (j.is_discarded() || !j.is_object())
                return void(spec_ = parseModelSpec(specText, where));
        }
        for (const auto& [k, v] : overrides) {
            if (k == "output" || k == "per")
                j[k] = v;
            else if (k == "feature_dim")
                j[k] = OptionReader(path_, overrides).integer(k, 0, 1 << 20);
            else
                throw Error(path_ + ": a TorchScript model takes no option '" + k +
                            "' (only output, per, feature_dim)");
        }
        spec_ = parseModelSpec(j.dump(), where);
    }

    void checkShape(const at::Tensor& y, const at::Tensor& pos) const {
        const int64_t b = pos.size(0), n = pos.size(1), c = spec_.channels();
        std::ostringstream got;
        got << y.sizes();
        if (spec_.perNode && (y.dim() != 3 || y.size(0) != b || y.size(1) != n || y.size(2) != c))
            throw Error(path_ + ": forward returned shape " + got.str() + "; per node " +
                        std::string(fieldTypeName(spec_.output)) + " output needs [" +
                        std::to_string(b) + ", " + std::to_string(n) + ", " + std::to_string(c) +
                        "]");
        if (!spec_.perNode && (y.dim() != 2 || y.size(0) != b || y.size(1) != c))
            throw Error(path_ + ": forward returned shape " + got.str() + "; per graph " +
                        std::string(fieldTypeName(spec_.output)) + " output needs [" +
                        std::to_string(b) + ", " + std::to_string(c) + "]");
    }

    // Where the inputs are finite, so must the output be: a NaN or Inf there is the model's.
    void checkFinite(const at::Tensor& y, const at::Tensor& pos, const at::Tensor& feat) const {
        at::Tensor finiteIn = torch::isfinite(pos).all(-1);
        if (feat.defined() && feat.dim() == 3) finiteIn = finiteIn & torch::isfinite(feat).all(-1);
        if (!spec_.perNode) finiteIn = finiteIn.all(-1, true);
        const at::Tensor finiteOut = torch::isfinite(y).reshape({y.size(0), finiteIn.size(1), -1});
        const at::Tensor bad = finiteIn & ~finiteOut.all(-1);
        if (!bad.any().item<bool>()) return;
        const at::Tensor first = bad.nonzero()[0].cpu();
        const std::string sample = std::to_string(first[0].item<int64_t>());
        throw Error(path_ + ": forward returned NaN or Inf for finite inputs (" +
                    (spec_.perNode ? "node " + std::to_string(first[1].item<int64_t>()) + " of "
                                   : std::string()) +
                    "sample " + sample + ")");
    }

    std::string path_;
    torch::jit::Module module_;
    ModelSpec spec_;
    DeviceKind device_ = DeviceKind::Cpu;
    bool float64_ = false;
};

} // namespace

std::unique_ptr<Model> loadTorchScriptModel(const std::string& path,
                                            const ModelOptions& overrides) {
    return std::make_unique<TorchScriptModel>(path, overrides);
}

} // namespace equiscope
