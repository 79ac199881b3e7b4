#pragma once
// The one owner of what the points show: every colour quantity of a structure, in the
// order registered, and which one is shown. Views register and update quantities; only
// show() changes what is drawn, and the colour combo is its one caller from the GUI.

#include "ColorQuantity.h"

#include <QObject>
#include <QStringList>
#include <deque>

namespace equiscope::views {

class QuantityRegistry : public QObject {
    Q_OBJECT
  public:
    explicit QuantityRegistry(QObject* parent = nullptr) : QObject(parent) {}

    // Adds the quantity, or replaces the one of that name in place.
    void put(ColorQuantity quantity);
    // Replaces everything `owner` registered with `quantities`.
    void replaceOwned(const QString& owner, std::vector<ColorQuantity> quantities);
    void removeOwned(const QString& owner);

    // Shows `name`. A name not registered yet is shown once it is (what a session asks
    // for before the model has run). When the shown quantity goes away, the first one
    // registered (the best default) is shown.
    void show(const QString& name);
    QString shown() const { return shown_; }
    const ColorQuantity* current() const { return find(shown_); }
    const ColorQuantity* find(const QString& name) const;
    QStringList names() const;
    // The shown quantity's colormap (Scalar quantities only).
    void setColormap(const QString& colormap);

  Q_SIGNALS:
    void listChanged();    // a quantity was added or removed
    void displayChanged(); // what is drawn changed: another quantity, or the shown one's data

  private:
    ColorQuantity* findMutable(const QString& name);
    void fallBackIfGone();

    std::deque<ColorQuantity> quantities_;
    QString shown_, wanted_;
};

} // namespace equiscope::views
