#!/bin/sh
# Add annotator to the desktop menu of the current user (XDG conventions):
#   sh packaging/linux/install-desktop.sh [BUNDLE_DIR]   # install
#   sh packaging/linux/install-desktop.sh --uninstall    # remove again
# BUNDLE_DIR is a built bundle (dist/annotator): the menu entry then starts its
# executable. Without it, the entry starts `annotator` from PATH (pip install).
# Installs into $XDG_DATA_HOME (default ~/.local/share); run `make resources` first
# so that the PNG icon sizes exist.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
ICONS="$ROOT/resources/icons"
SIZES="16 32 48 64 128 256"

refresh() {
    # Each cache tool is optional: desktops rebuild their caches on their own too.
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$DATA/mime" >/dev/null
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA/applications"
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -f -t "$DATA/icons/hicolor" || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$DATA/applications/annotator.desktop" \
        "$DATA/mime/packages/annotator.xml" \
        "$DATA/metainfo/io.github.annotator.metainfo.xml" \
        "$DATA/icons/hicolor/scalable/apps/annotator.svg"
    for size in $SIZES; do
        rm -f "$DATA/icons/hicolor/${size}x${size}/apps/annotator.png"
    done
    refresh
    echo "removed annotator from $DATA"
    exit 0
fi

if [ $# -gt 0 ]; then
    BUNDLE=$(cd "$1" && pwd)
    EXEC="$BUNDLE/annotator"
    if [ ! -x "$EXEC" ]; then
        echo "install-desktop: no executable at $EXEC (build it with: make package)" >&2
        exit 1
    fi
else
    EXEC=annotator
    if ! command -v annotator >/dev/null 2>&1; then
        echo "install-desktop: warning: 'annotator' is not on PATH; pip install it," \
            "or pass a bundle folder (make install-desktop BUNDLE=dist/annotator)" >&2
    fi
fi
for size in $SIZES; do
    if [ ! -f "$ICONS/hicolor/${size}x${size}/apps/annotator.png" ]; then
        echo "install-desktop: $ICONS/hicolor is incomplete (run: make resources)" >&2
        exit 1
    fi
done

mkdir -p "$DATA/applications" "$DATA/mime/packages" "$DATA/metainfo" \
    "$DATA/icons/hicolor/scalable/apps"
# Exec and TryExec name the executable; quoted in Exec in case its path has spaces.
sed -e "s|^Exec=annotator |Exec=\"$EXEC\" |" -e "s|^TryExec=annotator\$|TryExec=$EXEC|" \
    "$HERE/annotator.desktop" >"$DATA/applications/annotator.desktop"
cp "$HERE/annotator-mime.xml" "$DATA/mime/packages/annotator.xml"
cp "$HERE/io.github.annotator.metainfo.xml" "$DATA/metainfo/"
cp "$ICONS/annotator.svg" "$DATA/icons/hicolor/scalable/apps/annotator.svg"
for size in $SIZES; do
    mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps"
    cp "$ICONS/hicolor/${size}x${size}/apps/annotator.png" "$DATA/icons/hicolor/${size}x${size}/apps/"
done
refresh
if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default annotator.desktop application/x-annotator-project
fi
echo "installed annotator into $DATA (menu entry, icon, project file type)"
