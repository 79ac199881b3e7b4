#pragma once
// A transform as a user writes it: a group and named parameter values, e.g.
// "SO3:axis=0,0,1;angle=45" or "SE3:angle=30;t=1,0,0". A key fills the parameters whose
// names start with it (for products also after the factor's name), one value each, in
// order: "axis=0,0,1" fills "axis x", "axis y", "axis z". Unnamed parameters keep
// their defaults. A stack of transforms composes in order (the first is applied first).

#include "groups/Group.h"

#include <memory>
#include <string>
#include <vector>

namespace equiscope {

struct Transform {
    std::string group;          // as makeGroup takes it
    std::vector<double> values; // one per parameter of the group

    static Transform parse(const std::string& text); // throws Error naming the bad part
    static Transform identity(const std::string& group);
    GroupElement element(const SampleContext& context) const;
    std::string toString() const; // "SO3:axis x=0;axis y=0;..."
};

// Composition of a stack: stack[0] first, then stack[1], ...
GroupElement composeStack(const std::vector<Transform>& stack, const SampleContext& context);

// Best-effort inverse of fromParameters for the UI (rotation -> axis-angle, translation,
// scale): the parameter values of `group` closest to `element`'s action. Parameters it
// cannot recover keep their defaults.
std::vector<double> parametersOf(const Group& group, const GroupElement& element);

} // namespace equiscope
