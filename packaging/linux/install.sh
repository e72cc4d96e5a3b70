#!/bin/sh
# Installs nianbao (政府信息公开年报) from this unpacked folder.
#
#   ./install.sh            for the current user (~/.local), no root needed
#   sudo ./install.sh --system   for every user (/opt/nianbao, /usr/share)
#   ./install.sh --uninstall     (or sudo ./install.sh --system --uninstall)
#
# It installs the program, a menu entry 政府信息公开年报, the icon and the
# .nianbao file type. Uninstalling removes only these: reports you saved are
# never touched.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
system=0 uninstall=0
for a in "$@"; do
	case $a in
	--system) system=1 ;;
	--uninstall) uninstall=1 ;;
	*) echo "用法: $0 [--system] [--uninstall]" >&2; exit 2 ;;
	esac
done
if [ $system = 1 ]; then
	prefix=/opt/nianbao share=/usr/share bindir=/usr/local/bin
else
	data=${XDG_DATA_HOME:-$HOME/.local/share}
	prefix=$data/nianbao share=$data bindir=$HOME/.local/bin
fi
app=cn.nianbao.app

refresh() {
	command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$share/mime" >/dev/null 2>&1 || true
	command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$share/applications" >/dev/null 2>&1 || true
	command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" >/dev/null 2>&1 || true
}

if [ $uninstall = 1 ]; then
	rm -f "$prefix/nianbao" "$bindir/nianbao" "$share/applications/$app.desktop" \
		"$share/icons/hicolor/512x512/apps/$app.png" "$share/mime/packages/$app.xml" \
		"$prefix/LICENSE.txt" "$prefix/使用说明.html" "$prefix"/licenses/*.txt
	rmdir "$prefix/licenses" "$prefix" 2>/dev/null || true
	refresh
	echo "已卸载政府信息公开年报（您保存的报告没有被删除）。"
	exit 0
fi

mkdir -p "$prefix" "$bindir" "$share/applications" "$share/icons/hicolor/512x512/apps" "$share/mime/packages"
install -m 755 "$here/nianbao" "$prefix/nianbao"
mkdir -p "$prefix/licenses"
install -m 644 "$here/LICENSE.txt" "$prefix/LICENSE.txt"
install -m 644 "$here/使用说明.html" "$prefix/使用说明.html"
install -m 644 "$here"/licenses/*.txt "$prefix/licenses/"
ln -sf "$prefix/nianbao" "$bindir/nianbao"
install -m 644 "$here/$app.png" "$share/icons/hicolor/512x512/apps/$app.png"
install -m 644 "$here/$app.xml" "$share/mime/packages/$app.xml"
sed -e "s|^Exec=.*|Exec=\"$prefix/nianbao\" %f|" -e "s|^TryExec=.*|TryExec=$prefix/nianbao|" \
	"$here/$app.desktop" >"$share/applications/$app.desktop"
chmod 644 "$share/applications/$app.desktop"
refresh
echo "已安装政府信息公开年报：在应用菜单中打开，或运行 $prefix/nianbao"
