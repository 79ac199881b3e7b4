#pragma once
// Batch mode (--screenshot): once the session is shown — and after the asked-for model
// result, analysis, per-part check or training — the viewport, the window or the Training
// tab is written to a PNG of exactly the asked-for size, and the application exits (0, or
// 2 on a failure, with the message on stderr).

#include "CommandLine.h"

namespace equiscope::gui {

class MainWindow;

// Fixes the sizes and connects what leads to the capture; call before the session opens.
void prepareBatchCapture(MainWindow& window, const LaunchOptions& options);

} // namespace equiscope::gui
