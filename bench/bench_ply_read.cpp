// Reads a generated binary PLY (x y z nx ny nz as float) with our reader and with VTK's
// vtkPLYReader in the same run; prints both medians and the ratio.

#include "BenchSupport.h"
#include "data/Field.h"
#include "io/FormatRegistry.h"
#include "io/Writers.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>
#include <vtkNew.h>
#include <vtkPLYReader.h>
#include <vtkPolyData.h>

using namespace equiscope;

int main(int argc, char** argv) {
    const int64_t points = argc > 1 ? std::atoll(argv[1]) : 1000000;
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 7;
    const std::string path = "/tmp/equiscope_bench_" + std::to_string(::getpid()) + ".ply";

    std::vector<double> pos, normal;
    for (int64_t i = 0; i < points; ++i) {
        const double t = 0.001 * static_cast<double>(i);
        pos.insert(pos.end(), {std::cos(t) * (1 + 0.1 * std::sin(7 * t)), std::sin(t), 0.01 * t});
        normal.insert(normal.end(), {std::cos(t), std::sin(t), 0.0});
    }
    Sample sample;
    sample.setField(Field::perNode("pos", FieldType::Position, points, 3, std::move(pos)));
    sample.setField(Field::perNode("normal", FieldType::Vector, points, 3, std::move(normal)));
    writePly(path, sample);
    std::printf("binary PLY, %lld points, x y z nx ny nz as float, %d runs each\n",
                static_cast<long long>(points), repeats);

    int64_t checkOurs = 0, checkVtk = 0;
    const auto ours = bench::timeRuns(
        repeats, [&] { checkOurs = FormatRegistry::builtin().read(path).samples[0].nodeCount(); });
    const auto vtk = bench::timeRuns(repeats, [&] {
        vtkNew<vtkPLYReader> reader;
        reader->SetFileName(path.c_str());
        reader->Update();
        checkVtk = reader->GetOutput()->GetNumberOfPoints();
    });
    std::remove(path.c_str());
    if (checkOurs != points || checkVtk != points) {
        std::fprintf(stderr, "point counts differ: ours %lld, VTK %lld\n",
                     static_cast<long long>(checkOurs), static_cast<long long>(checkVtk));
        return 1;
    }
    bench::printRow("equiscope FormatRegistry", ours);
    bench::printRow("vtkPLYReader", vtk);
    std::printf("ratio (VTK / ours, medians): %.2fx\n", bench::median(vtk) / bench::median(ours));
    return 0;
}
