#pragma once
// Writes a zip archive of stored (uncompressed) members: what NumPy's np.savez writes and
// what our NPZ reader reads back.

#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace equiscope {

// members: (name, bytes). Sizes must stay below 4 GiB (no zip64).
void writeStoredZip(std::ostream& out,
                    const std::vector<std::pair<std::string, std::string>>& members);

} // namespace equiscope
