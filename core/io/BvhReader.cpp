// BVH motion capture: the HIERARCHY (joints with OFFSET and CHANNELS, End Sites), then
// MOTION with the frame count, the frame time and one line of channel values per frame.
// Joint positions per frame come from forward kinematics: a joint's transform is its
// parent's times a translation (OFFSET, plus the position channels where it has them) times
// its rotation channels applied in the order listed (degrees). End Sites are nodes too;
// bones (parent-child pairs) are the edges; each node's body segment (the chain between two
// branching joints) is its part label.

#include "io/BuiltinReaders.h"
#include "io/InputLimits.h"
#include "io/TextScanner.h"
#include "util/Error.h"
#include "util/ExactNumber.h"
#include "util/MappedFile.h"
#include "util/ReadBudget.h"

#include <Eigen/Geometry>
#include <array>

namespace equiscope {

namespace {

enum class Channel { Xposition, Yposition, Zposition, Xrotation, Yrotation, Zrotation };

struct Joint {
    std::string name;
    int parent = -1;
    Eigen::Vector3d offset = Eigen::Vector3d::Zero();
    std::vector<Channel> channels;
    int firstChannel = 0; // index into a frame's values
    int children = 0;
};

constexpr int kMaxJoints = 100000;

Channel parseChannel(TextScanner& scan) {
    const std::string_view t = scan.requireToken("a channel name");
    static const std::array<std::pair<std::string_view, Channel>, 6> names = {{
        {"Xposition", Channel::Xposition},
        {"Yposition", Channel::Yposition},
        {"Zposition", Channel::Zposition},
        {"Xrotation", Channel::Xrotation},
        {"Yrotation", Channel::Yrotation},
        {"Zrotation", Channel::Zrotation},
    }};
    for (const auto& [name, c] : names)
        if (t == name) return c;
    scan.fail("unknown channel " + quoted(t) + " (expected X/Y/Z position or rotation)");
}

void expect(TextScanner& scan, std::string_view word) {
    const std::string_view t = scan.requireToken(std::string(word).c_str());
    if (t != word) scan.fail("expected '" + std::string(word) + "', got " + quoted(t));
}

Eigen::Vector3d readOffset(TextScanner& scan) {
    expect(scan, "OFFSET");
    Eigen::Vector3d v;
    for (int k = 0; k < 3; ++k) v[k] = scan.requireDouble("an OFFSET value");
    return v;
}

// One joint's block after its name: { OFFSET CHANNELS (JOINT | End Site)* }.
void readJoint(TextScanner& scan, std::vector<Joint>& joints, int index, int& channels,
               int depth = 1) {
    requireNesting(scan.here(), depth, "joints");
    expect(scan, "{");
    joints[static_cast<std::size_t>(index)].offset = readOffset(scan);
    expect(scan, "CHANNELS");
    const int64_t count = scan.requireInteger("the channel count");
    if (count < 0 || count > 6)
        scan.fail("a joint has 0 to 6 channels, got " + std::to_string(count));
    joints[static_cast<std::size_t>(index)].firstChannel = channels;
    for (int64_t c = 0; c < count; ++c)
        joints[static_cast<std::size_t>(index)].channels.push_back(parseChannel(scan));
    channels += static_cast<int>(count);
    while (true) {
        const std::string_view t = scan.requireToken("JOINT, End Site or '}'");
        if (t == "}") return;
        if (joints.size() >= kMaxJoints) scan.fail("more than 100000 joints");
        Joint child;
        child.parent = index;
        ++joints[static_cast<std::size_t>(index)].children;
        if (t == "JOINT") {
            child.name = std::string(scan.requireToken("a joint name"));
            joints.push_back(child);
            readJoint(scan, joints, static_cast<int>(joints.size()) - 1, channels, depth + 1);
        } else if (t == "End") {
            expect(scan, "Site");
            child.name = joints[static_cast<std::size_t>(index)].name + "_end";
            expect(scan, "{");
            child.offset = readOffset(scan);
            expect(scan, "}");
            joints.push_back(child);
        } else {
            scan.fail("expected JOINT, End Site or '}', got " + quoted(t));
        }
    }
}

// Segment of each node: the nearest ancestor-or-self whose parent branches (or the root).
std::vector<int64_t> segments(const std::vector<Joint>& joints, std::vector<std::string>& names) {
    std::vector<int64_t> part(joints.size());
    for (std::size_t j = 0; j < joints.size(); ++j) {
        const int p = joints[j].parent;
        if (p < 0 || joints[static_cast<std::size_t>(p)].children > 1) {
            part[j] = static_cast<int64_t>(names.size());
            names.push_back(joints[j].name);
        } else {
            part[j] = part[static_cast<std::size_t>(p)];
        }
    }
    return part;
}

// Frames x channels against the bytes left (every value takes at least two bytes, "0 ", a
// frame without channels its newline; the last value may end the file), and frames x joints
// against the read budget, before either is allocated.
void checkMotion(const TextScanner& scan, const std::string& path, int64_t frames, int channels,
                 int64_t joints) {
    if (frames < 0) scan.fail("expected a frame count >= 0, got " + std::to_string(frames));
    requireFits(scan.here(), static_cast<uint64_t>(frames),
                channels > 0 ? 2 * static_cast<uint64_t>(channels) : 1, scan.remaining() + 1,
                std::to_string(frames) + " frames of " + std::to_string(channels) + " channels");
    ReadBudget::charge(path, static_cast<uint64_t>(frames),
                       (static_cast<uint64_t>(joints) * 3 + static_cast<uint64_t>(channels)) *
                           sizeof(double),
                       std::to_string(frames) + " frames of " + std::to_string(joints) + " joints");
}

class BvhReader : public FormatReader {
  public:
    std::string name() const override { return "BVH"; }
    std::vector<std::string> extensions() const override { return {".bvh"}; }
    int sniff(std::string_view head) const override {
        std::size_t i = 0;
        while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
        return head.substr(i, 9) == "HIERARCHY" ? 2 : 0;
    }

    Dataset read(const std::string& path, const Progress& progress) const override {
        const MappedFile file(path);
        TextScanner scan(file.data(), file.data() + file.size(), path);
        expect(scan, "HIERARCHY");
        expect(scan, "ROOT");
        std::vector<Joint> joints(1);
        joints[0].name = std::string(scan.requireToken("the root's name"));
        int channels = 0;
        readJoint(scan, joints, 0, channels);
        expect(scan, "MOTION");
        expect(scan, "Frames:");
        const int64_t frames = scan.requireInteger("the frame count");
        expect(scan, "Frame");
        expect(scan, "Time:");
        const double frameTime = scan.requireDouble("the frame time");
        const auto n = static_cast<int64_t>(joints.size());
        checkMotion(scan, path, frames, channels, n);
        std::vector<double> values(static_cast<std::size_t>(frames * channels));
        std::vector<double> pos(static_cast<std::size_t>(frames * n * 3));
        std::vector<Eigen::Isometry3d> global(joints.size());
        for (int64_t f = 0; f < frames; ++f) {
            double* v = values.data() + f * channels;
            for (int c = 0; c < channels; ++c) v[c] = scan.requireDouble("a channel value");
            for (std::size_t j = 0; j < joints.size(); ++j) {
                const Joint& joint = joints[j];
                Eigen::Vector3d t = joint.offset;
                Eigen::Matrix3d r = Eigen::Matrix3d::Identity();
                for (std::size_t c = 0; c < joint.channels.size(); ++c) {
                    const double x = v[joint.firstChannel + static_cast<int>(c)];
                    const Channel ch = joint.channels[c];
                    if (ch <= Channel::Zposition) {
                        t[static_cast<int>(ch)] += x;
                    } else {
                        const int axis = static_cast<int>(ch) - 3;
                        r = r * Eigen::AngleAxisd(x * M_PI / 180.0, Eigen::Vector3d::Unit(axis))
                                    .toRotationMatrix();
                    }
                }
                Eigen::Isometry3d local = Eigen::Isometry3d::Identity();
                local.translation() = t;
                local.linear() = r;
                global[j] = joint.parent < 0
                                ? local
                                : global[static_cast<std::size_t>(joint.parent)] * local;
                const Eigen::Vector3d p = global[j].translation();
                for (int k = 0; k < 3; ++k)
                    pos[static_cast<std::size_t>((f * n + static_cast<int64_t>(j)) * 3 + k)] = p[k];
            }
            if (f % 256 == 0)
                progress.report(static_cast<double>(f) /
                                    static_cast<double>(std::max<int64_t>(frames, 1)),
                                "frame " + std::to_string(f));
        }

        Sample s;
        s.kind = SampleKind::Trajectory;
        Field p;
        p.name = Sample::kPositions;
        p.type = FieldType::Position;
        p.shape = {frames, n, 3};
        p.values = std::move(pos);
        p.storage = Storage::Float64;
        s.setField(std::move(p));
        std::vector<double> codes(static_cast<std::size_t>(n));
        for (int64_t j = 0; j < n; ++j) codes[static_cast<std::size_t>(j)] = static_cast<double>(j);
        Field names = Field::perNode("joint", FieldType::Categorical, n, 1, std::move(codes),
                                     Storage::Integer);
        for (const Joint& joint : joints) names.categories.push_back(joint.name);
        std::vector<std::string> segmentNames;
        s.parts = segments(joints, segmentNames);
        Field segment =
            Field::perNode("segment", FieldType::Categorical, n, 1,
                           std::vector<double>(s.parts.begin(), s.parts.end()), Storage::Integer);
        segment.categories = std::move(segmentNames);
        s.setField(std::move(names));
        s.setField(std::move(segment));
        for (int64_t j = 1; j < n; ++j)
            s.edgeIndex.push_back(joints[static_cast<std::size_t>(j)].parent);
        for (int64_t j = 1; j < n; ++j) s.edgeIndex.push_back(j);
        Field raw;
        raw.name = "channels";
        raw.shape = {frames, channels};
        raw.values = std::move(values);
        raw.storage = Storage::Float64;
        s.frameFields.push_back(std::move(raw));
        s.metadata["frame_time"] = exactNumber(frameTime);
        s.metadata["channels"] = std::to_string(channels);
        s.metadata["up_axis"] = "y"; // BVH is Y-up: the viewer stands the figure upright
        return Dataset::of(std::move(s));
    }
};

} // namespace

std::unique_ptr<FormatReader> makeBvhReader() {
    return std::make_unique<BvhReader>();
}

} // namespace equiscope
