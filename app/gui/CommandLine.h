#pragma once
// The desktop application's command line: a session to open (data, model, transform,
// colouring) and, for batch runs, what to capture into a PNG after which analysis.

#include "Session.h"

#include <QSize>
#include <QStringList>
#include <optional>

namespace equiscope::gui {

struct LaunchOptions {
    SessionState state;
    bool dataGiven = false, modelGiven = false;
    QString screenshot;           // empty: interactive
    QSize size{1024, 768};        // of what --capture names
    QString capture = "viewport"; // viewport, window or training
    QString analysis;             // sweep, profile, lie, parts or empty
    QString train;                // inertia, cossim, motion or empty
    int trainEpochs = 0;          // of --train; 0: the task's default
    QString view;                 // spherical (the Spherical functions view) or empty
    QString scanResults;          // a scan's results: the Dataset dock and its worst unit
};

// Parses `arguments` (argv as Qt sees it). Prints help/version and exits for those; on a
// bad argument returns nothing and sets `error`.
std::optional<LaunchOptions> parseCommandLine(const QStringList& arguments, QString& error);

} // namespace equiscope::gui
