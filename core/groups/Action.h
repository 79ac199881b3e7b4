#pragma once
// How a group element acts on each field type (model-format.md, "How the group acts"),
// on the host in float64. The batched LibTorch action (metrics) uses fieldMatrix too, so
// there is one definition of the convention.

#include "data/Sample.h"
#include "groups/GroupElement.h"

#include <Eigen/Core>

namespace equiscope {

// The C x C matrix M acting on one row of a field (row -> M row): identity for scalar
// and categorical, A for vector and position, det(A) A^-T for pseudovector (a cross
// product's rule; det(R) R for orthogonal R), A (x) A for tensor2 stored row-major,
// Wigner-D blocks for irreps. Position rows also get the translation added.
Eigen::MatrixXd fieldMatrix(FieldType type, int64_t width, const std::string& irreps,
                            const GroupElement& g);

// g acting on one field: rows mapped by fieldMatrix, per-node rows permuted.
Field transformField(const Field& field, const GroupElement& g, int64_t nodes);

// g acting on a whole sample: every field, the part labels, and edges re-indexed.
Sample transformSample(const Sample& sample, const GroupElement& g);

} // namespace equiscope
