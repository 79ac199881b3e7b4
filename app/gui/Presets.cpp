#include "Presets.h"

#include <QObject>

namespace equiscope::gui {

std::vector<Preset> presets() {
    const Transform tilt = Transform::parse("SO3:axis=1,1,0;angle=60");
    return {
        {QObject::tr("EGNN under rotation"),
         QObject::tr(
             "An E(3)-equivariant graph network: rotate the data and the outputs rotate with it. "
             "The colours stay at round-off (about 1e-7)."),
         QStringLiteral("demo"),
         QStringLiteral("egnn"),
         {},
         tilt},
        {QObject::tr("MLP under the same rotation"),
         QObject::tr("A plain MLP on coordinates has no reason to commute with rotations: "
                     "the error is large and varies across the scene. Compare with EGNN."),
         QStringLiteral("demo"),
         QStringLiteral("mlp"),
         {{"output", "vector"}},
         tilt},
        {QObject::tr("Frame averaging on a symmetric shape"),
         QObject::tr(
             "Frame averaging builds its frames from the PCA of the points. On a sampled sphere "
             "the eigenvalues nearly coincide (the Model dock shows the tiny eigen-gaps), yet "
             "they still differ, so the frames are defined and the error stays at round-off: "
             "only exact ties, as on a perfectly symmetric shape, break it."),
         QStringLiteral("demo:sphere"),
         QStringLiteral("frame_averaging"),
         {{"output", "vector"}},
         tilt},
        {QObject::tr("PointNet and permutations"),
         QObject::tr("Shuffling the points leaves PointNet's output unchanged (a "
                     "permutation-invariant model), "
                     "but a rotation does not."),
         QStringLiteral("demo"),
         QStringLiteral("pointnet"),
         {},
         Transform::parse("Perm:shuffle=7")},
        {QObject::tr("Rotations about gravity only"),
         QObject::tr("A rotation about z (SO(2), the gravity axis) versus a tilt: try SO2(z) and "
                     "then SO3 with "
                     "the same model to see which symmetry a model keeps."),
         QStringLiteral("demo"),
         QStringLiteral("tinvnn"),
         {},
         Transform::parse("SO2(z):angle=45")},
    };
}

} // namespace equiscope::gui
