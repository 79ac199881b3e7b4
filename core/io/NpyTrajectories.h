#pragma once
// NumPy trajectories: [T,N,D] (one trajectory) or [S,T,N,D] / NRI's [S,T,D,N] (S
// trajectories), D = 2 or 3, 2-D lifted to z = 0. Beside a positions file whose name holds
// "loc" (NRI: loc_valid_springs5.npy), the same name with "vel" gives velocities and with
// "edges" the interaction graphs ([S,N,N] adjacency, an undirected edge per nonzero pair).

#include "data/Sample.h"
#include "io/NpyArray.h"

#include <string>

namespace equiscope {

Dataset trajectoriesFromNpy(const std::string& path, const NpyArray& positions);

// The same from arrays already read (NPZ members): optional velocities (positions' shape),
// interaction graphs [S,N,N] and charges [S,N] (a per-node scalar field "charge").
Dataset trajectoriesFromArrays(const std::string& where, const NpyArray& positions,
                               const NpyArray* velocities, const NpyArray* edges,
                               const NpyArray* charges);

} // namespace equiscope
