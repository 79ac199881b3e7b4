#pragma once
// Runs equiscope-cli under mpirun as CI does: as root, with more ranks than cores allowed.
// For tests built with EQUISCOPE_MPI (EQUISCOPE_MPIEXEC names mpiexec).

#include "TestSupport.h"

#include <QProcess>

namespace equiscope::test {

inline CliRun mpirun(int ranks, const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("OMPI_ALLOW_RUN_AS_ROOT", "1");
    env.insert("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
    env.insert("OMPI_MCA_btl_vader_single_copy_mechanism", "none"); // no CMA in containers
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(EQUISCOPE_MPIEXEC),
            QStringList{"--oversubscribe", "-n", QString::number(ranks),
                        QStringLiteral(EQUISCOPE_BIN_DIR "/equiscope-cli")} +
                args);
    if (!p.waitForFinished(180000)) qFatal("mpirun did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace equiscope::test
