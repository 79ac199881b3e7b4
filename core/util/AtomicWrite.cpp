#include "util/AtomicWrite.h"

#include "util/Error.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <unistd.h>

namespace equiscope {

void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    const std::string temp = path + ".tmp-" + std::to_string(::getpid());
    try {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw Error(path + ": cannot write: " + std::strerror(errno));
        write(out);
        out.flush();
        if (!out) throw Error(path + ": write failed: " + std::strerror(errno));
        out.close();
        if (std::rename(temp.c_str(), path.c_str()) != 0)
            throw Error(path + ": cannot replace: " + std::strerror(errno));
    } catch (...) {
        std::remove(temp.c_str());
        throw;
    }
}

} // namespace equiscope
