#include "TransformPanel.h"

#include "util/Error.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QVBoxLayout>
#include <cmath>

namespace equiscope::views {

namespace {
constexpr int kSliderSteps = 1000;
const char* kGroups[] = {"SO3",    "O3",     "SE3",   "E3",       "T3",        "SO2(z)",
                         "SO2(x)", "SO2(y)", "O2(z)", "Scale",    "SO3*Scale", "GL3",
                         "SL3",    "Aff3",   "Perm",  "SE3*Perm", "TimeShift"};
} // namespace

TransformPanel::TransformPanel(QWidget* parent) : QWidget(parent) {
    // Compact rows: the whole panel, with up to eight parameters (E3), and the Evaluation
    // dock below it fit a 1366x768 screen. Groups with more (GL3: 10, Aff3: 13) show all
    // where the screen has the height and scroll their parameters, never the buttons,
    // where it has not.
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    group_ = new QComboBox(this);
    for (const char* g : kGroups) group_->addItem(QString::fromLatin1(g));
    group_->setEditable(true); // any product the engine parses, e.g. "SO2(1,1,0)*Scale"
    group_->setToolTip(tr("Group of the current transform; products are written A*B"));
    auto* groupRow = new QHBoxLayout;
    groupRow->addWidget(new QLabel(tr("Group"), this));
    groupRow->addWidget(group_, 1);
    layout->addLayout(groupRow);
    parameterBox_ = new QWidget(this);
    form_ = new QFormLayout(parameterBox_);
    form_->setContentsMargins(0, 0, 0, 0);
    form_->setVerticalSpacing(2);
    parameterScroll_ = new QScrollArea(this);
    parameterScroll_->setWidget(parameterBox_);
    parameterScroll_->setWidgetResizable(true);
    parameterScroll_->setFrameShape(QFrame::NoFrame);
    parameterScroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(parameterScroll_, 100); // first: the rows take the room they need

    auto* buttons = new QHBoxLayout;
    auto* random = new QPushButton(tr("Random"), this);
    auto* resetButton = new QPushButton(tr("Reset"), this);
    auto* animate = new QPushButton(tr("Animate"), this);
    animate->setToolTip(tr("Move slowly from the identity to this element"));
    for (auto* b : {random, resetButton, animate}) buttons->addWidget(b);
    layout->addLayout(buttons);

    auto* stackLabel = new QLabel(tr("Applied stack"), this);
    stackLabel->setToolTip(tr("Applied first to last, then the current element; drag to reorder"));
    layout->addWidget(stackLabel);
    stackList_ = new QListWidget(this);
    stackList_->setDragDropMode(QAbstractItemView::InternalMove);
    stackList_->setToolTip(stackLabel->toolTip());
    auto* push = new QPushButton(tr("Push current"), this);
    auto* remove = new QPushButton(tr("Remove selected"), this);
    auto* stackButtons = new QVBoxLayout;
    stackButtons->addWidget(push);
    stackButtons->addWidget(remove);
    stackButtons->addStretch(1);
    auto* stackRow = new QHBoxLayout;
    stackRow->addWidget(stackList_, 1);
    stackRow->addLayout(stackButtons);
    // As high as its two buttons: three entries show, more scroll.
    stackList_->setFixedHeight(push->sizeHint().height() * 2 + 12);
    layout->addLayout(stackRow);
    layout->addStretch(1);

    connect(group_, &QComboBox::currentTextChanged, this, [this] {
        rebuildParameters();
        Q_EMIT changed();
    });
    connect(random, &QPushButton::clicked, this, &TransformPanel::randomize);
    connect(resetButton, &QPushButton::clicked, this, &TransformPanel::reset);
    connect(animate, &QPushButton::clicked, this, &TransformPanel::animateRequested);
    connect(push, &QPushButton::clicked, this, &TransformPanel::pushCurrent);
    connect(remove, &QPushButton::clicked, this, [this] {
        delete stackList_->currentItem();
        Q_EMIT changed();
    });
    connect(stackList_->model(), &QAbstractItemModel::rowsMoved, this, &TransformPanel::changed);
    rebuildParameters();
}

int TransformPanel::toSlider(std::size_t i, double v) const {
    const ParameterSpec& p = specs_[i];
    double f = p.logScale ? std::log(std::max(v, 1e-12) / p.min) / std::log(p.max / p.min)
                          : (v - p.min) / (p.max - p.min);
    return static_cast<int>(std::lround(std::clamp(f, 0.0, 1.0) * kSliderSteps));
}

double TransformPanel::fromSlider(std::size_t i, int position) const {
    const ParameterSpec& p = specs_[i];
    const double f = static_cast<double>(position) / kSliderSteps;
    return p.logScale ? p.min * std::pow(p.max / p.min, f) : p.min + f * (p.max - p.min);
}

void TransformPanel::rebuildParameters() {
    while (form_->rowCount() > 0) form_->removeRow(0);
    sliders_.clear();
    spins_.clear();
    try {
        specs_ = makeGroup(group_->currentText().toStdString())->parameters();
        group_->setToolTip(tr("Group of the current transform; products are written A*B"));
    } catch (const Error& e) {
        specs_.clear();
        group_->setToolTip(QString::fromStdString(e.what()));
        fitParameterRows();
        return;
    }
    for (std::size_t i = 0; i < specs_.size(); ++i) {
        const ParameterSpec& p = specs_[i];
        auto* row = new QWidget(parameterBox_);
        auto* h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto* slider = new QSlider(Qt::Horizontal, row);
        slider->setRange(0, kSliderSteps);
        auto* spin = new QDoubleSpinBox(row);
        spin->setRange(p.min, p.max);
        spin->setDecimals(p.unit == "deg" ? 1 : 3);
        spin->setSingleStep(p.unit == "deg" ? 5 : (p.max - p.min) / 100);
        if (p.unit == "deg")
            spin->setSuffix(QStringLiteral("°"));
        else if (p.logScale)
            spin->setSuffix(QStringLiteral("×"));
        h->addWidget(slider, 1);
        h->addWidget(spin);
        const QString label =
            QString::fromStdString(p.name) +
            (p.unit.empty() || p.unit == "deg" ? "" : " (" + QString::fromStdString(p.unit) + ")");
        form_->addRow(label, row);
        sliders_.push_back(slider);
        spins_.push_back(spin);
        connect(slider, &QSlider::valueChanged, this, [this, i](int position) {
            if (updating_) return;
            updating_ = true;
            spins_[i]->setValue(fromSlider(i, position));
            updating_ = false;
            Q_EMIT changed();
        });
        connect(spin, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this, i](double v) {
            if (updating_) return;
            updating_ = true;
            sliders_[i]->setValue(toSlider(i, v));
            updating_ = false;
            Q_EMIT changed();
        });
    }
    fitParameterRows();
    std::vector<double> defaults;
    for (const auto& p : specs_) defaults.push_back(p.defaultValue);
    setValues(defaults);
}

void TransformPanel::fitParameterRows() {
    constexpr int kRowsAlwaysShown = 8;
    // From the rows' own hints: rows added to a shown panel are hidden until the event
    // loop shows them, and the layout's hint leaves hidden rows out.
    const auto rows = static_cast<int>(specs_.size());
    const int row = spins_.empty() ? 0 : spins_.front()->sizeHint().height();
    const auto height = [&](int n) {
        return n > 0 ? n * row + (n - 1) * form_->verticalSpacing() : 0;
    };
    parameterScroll_->setMaximumHeight(height(rows));
    parameterScroll_->setMinimumHeight(height(std::min(rows, kRowsAlwaysShown)));
}

void TransformPanel::setValues(const std::vector<double>& values) {
    updating_ = true;
    for (std::size_t i = 0; i < spins_.size() && i < values.size(); ++i) {
        spins_[i]->setValue(values[i]);
        sliders_[i]->setValue(toSlider(i, values[i]));
    }
    updating_ = false;
}

Transform TransformPanel::current() const {
    Transform t{group_->currentText().toStdString(), {}};
    for (const auto* s : spins_) t.values.push_back(s->value());
    if (t.values.size() != specs_.size()) return Transform{"SO3", {0, 0, 1, 0}};
    return t;
}

std::vector<Transform> TransformPanel::stack() const {
    std::vector<Transform> out;
    for (int i = 0; i < stackList_->count(); ++i)
        out.push_back(
            Transform::parse(stackList_->item(i)->data(Qt::UserRole).toString().toStdString()));
    return out;
}

GroupElement TransformPanel::element() const {
    std::vector<Transform> all = stack();
    all.push_back(current());
    return composeStack(all, context_);
}

void TransformPanel::setCurrent(const Transform& t) {
    {
        const QSignalBlocker block(group_);
        group_->setCurrentText(QString::fromStdString(t.group));
    }
    rebuildParameters();
    setValues(t.values);
    Q_EMIT changed();
}

void TransformPanel::setStack(const std::vector<Transform>& stack) {
    stackList_->clear();
    for (const Transform& t : stack) {
        auto* item = new QListWidgetItem(QString::fromStdString(t.toString()), stackList_);
        item->setData(Qt::UserRole, QString::fromStdString(t.toString()));
    }
    Q_EMIT changed();
}

void TransformPanel::setFromElement(const GroupElement& e) {
    try {
        setValues(parametersOf(*makeGroup(group_->currentText().toStdString()), e));
    } catch (const Error&) {
        return;
    }
    Q_EMIT changed();
}

void TransformPanel::randomize() {
    try {
        const auto g = makeGroup(group_->currentText().toStdString());
        const GroupElement e = g->sample(rng_, context_);
        // Permutations cannot be read back from parameters: draw a shuffle seed instead.
        std::vector<double> values = parametersOf(*g, e);
        for (std::size_t i = 0; i < specs_.size(); ++i)
            if (specs_[i].name.find("shuffle") != std::string::npos)
                values[i] = 1 + static_cast<double>(rng_() % 999);
        setValues(values);
    } catch (const Error&) {
        return;
    }
    Q_EMIT changed();
}

void TransformPanel::reset() {
    std::vector<double> defaults;
    for (const auto& p : specs_) defaults.push_back(p.defaultValue);
    setValues(defaults);
    Q_EMIT changed();
}

void TransformPanel::pushCurrent() {
    const Transform t = current();
    auto* item = new QListWidgetItem(QString::fromStdString(t.toString()), stackList_);
    item->setData(Qt::UserRole, QString::fromStdString(t.toString()));
    reset();
}

} // namespace equiscope::views
