#include "models/ModelSpec.h"

#include "groups/Irreps.h"
#include "util/Error.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace equiscope {

bool ModelSpec::usesEdges() const {
    return std::find(inputs.begin(), inputs.end(), "edge_index") != inputs.end();
}

int ModelSpec::channels() const {
    if (const int fixed = requiredWidth(output)) return fixed;
    switch (output) {
    case FieldType::Irreps:
        return Irreps::parse(outputIrreps).dim();
    default:
        return outputWidth > 0 ? outputWidth : 1;
    }
}

ModelSpec parseModelSpec(const std::string& text, const std::string& where) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(where + ": equiscope.json is not valid JSON: " + e.what());
    }
    if (!j.is_object()) throw Error(where + ": equiscope.json must be a JSON object");
    auto fail = [&](const std::string& key, const std::string& what) -> Error {
        return Error(where + ": equiscope.json key '" + key + "': " + what);
    };
    auto requireString = [&](const char* key) {
        if (!j.contains(key)) throw fail(key, "missing (required)");
        if (!j[key].is_string()) throw fail(key, "expected a string");
        return j[key].get<std::string>();
    };
    ModelSpec s;
    const std::string output = requireString("output");
    const auto type = fieldTypeFromString(output);
    if (!type || *type == FieldType::Categorical || *type == FieldType::Time)
        throw fail("output",
                   "expected scalar, vector, pseudovector, position, tensor2 or irreps, got '" +
                       output + "'");
    s.output = *type;
    const std::string per = requireString("per");
    if (per != "node" && per != "graph")
        throw fail("per", "expected node or graph, got '" + per + "'");
    s.perNode = per == "node";
    if (!j.contains("feature_dim")) throw fail("feature_dim", "missing (required)");
    if (!j["feature_dim"].is_number_integer() || j["feature_dim"].get<int>() < 0)
        throw fail("feature_dim", "expected an integer >= 0");
    s.featureDim = j["feature_dim"].get<int>();
    if (j.contains("symmetries")) {
        if (!j["symmetries"].is_array()) throw fail("symmetries", "expected a list of group names");
        for (const auto& v : j["symmetries"]) {
            if (!v.is_string()) throw fail("symmetries", "expected a list of strings");
            s.symmetries.push_back(v.get<std::string>());
        }
    }
    if (j.contains("inputs")) {
        if (!j["inputs"].is_array())
            throw fail("inputs", "expected a list such as [\"pos\", \"feat\"]");
        s.inputs.clear();
        for (const auto& v : j["inputs"]) {
            if (!v.is_string()) throw fail("inputs", "expected a list of strings");
            const std::string in = v.get<std::string>();
            if (in != "pos" && in != "feat" && in != "edge_index")
                throw fail("inputs", "expected pos, feat or edge_index, got '" + in + "'");
            s.inputs.push_back(in);
        }
        if (s.inputs.size() < 2 || s.inputs[0] != "pos" || s.inputs[1] != "feat")
            throw fail("inputs", "must start with \"pos\", \"feat\"");
    }
    if (s.output == FieldType::Irreps) {
        s.outputIrreps = requireString("output_irreps");
        try {
            Irreps::parse(s.outputIrreps);
        } catch (const Error& e) {
            throw fail("output_irreps", e.what());
        }
    }
    if (j.contains("output_width")) {
        if (!j["output_width"].is_number_integer() || j["output_width"].get<int>() < 1)
            throw fail("output_width", "expected an integer >= 1");
        s.outputWidth = j["output_width"].get<int>();
    }
    if (j.contains("methods")) {
        if (!j["methods"].is_object())
            throw fail("methods", "expected an object such as {\"partition\": \"partition\"}");
        for (const auto& [k, v] : j["methods"].items()) {
            if (!v.is_string()) throw fail("methods", "expected method names as strings");
            s.methods[k] = v.get<std::string>();
        }
    }
    return s;
}

std::string toJson(const ModelSpec& s) {
    nlohmann::json j = {{"output", std::string(fieldTypeName(s.output))},
                        {"per", s.perNode ? "node" : "graph"},
                        {"feature_dim", s.featureDim},
                        {"symmetries", s.symmetries},
                        {"inputs", s.inputs}};
    if (s.output == FieldType::Irreps) j["output_irreps"] = s.outputIrreps;
    if (s.outputWidth > 0) j["output_width"] = s.outputWidth;
    if (!s.methods.empty()) j["methods"] = s.methods;
    return j.dump();
}

} // namespace equiscope
