# Qt 6 Core and Test for the test suites, also in a build without the GUI
# (EQUISCOPE_GUI=OFF with EQUISCOPE_CORE_TESTS=ON: the sanitizer build, build-asan).
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Test)
qt_standard_project_setup()
# Qt's "signals"/"slots"/"emit" macros collide with LibTorch headers: use Q_SIGNALS etc.
add_compile_definitions(QT_NO_KEYWORDS)
