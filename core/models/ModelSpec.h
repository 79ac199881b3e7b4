#pragma once
// The description of a model's inputs and outputs (model-format.md, "The spec").

#include "data/FieldType.h"

#include <map>
#include <string>
#include <vector>

namespace equiscope {

struct ModelSpec {
    FieldType output = FieldType::Vector;
    bool perNode = true;                 // "per": "node" | "graph"
    int featureDim = 1;                  // F, the width of feat
    std::vector<std::string> symmetries; // claimed (shown, always measured)
    std::vector<std::string> inputs{"pos", "feat"};
    std::string outputIrreps; // when output = irreps
    int outputWidth = 0;      // C for scalar outputs (0: 1); derived for the other types
    std::map<std::string, std::string> methods; // "symmetry_levels", "partition"

    bool usesEdges() const;
    int channels() const; // C of the output
};

// Parses and validates the JSON spec; errors name `where` and the offending key.
ModelSpec parseModelSpec(const std::string& json, const std::string& where);
std::string toJson(const ModelSpec& spec);

} // namespace equiscope
