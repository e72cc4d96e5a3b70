// Package assets holds the files nianbao embeds in its binary: the five
// Chinese fonts used for the PDF report and the user interface, and the
// application icon.
//
// The fonts are subsets of free fonts from Debian packages, converted to
// TrueType outlines so that gopdf can load them; assets/fonts/build.sh
// rebuilds them and assets/fonts/README.md tells where each comes from and
// under which licence. The package never imports Fyne, so the PDF code and
// the command line can use it without a GUI.
package assets

import _ "embed"

// FontTitle is Noto Serif CJK SC Bold (a stand-in for 方正小标宋), used for
// the report title. TrueType outlines, subset to 通用规范汉字表 ∪ GB 2312 ∪
// punctuation.
//
//go:embed fonts/title.ttf
var FontTitle []byte

// FontFang is FandolFang Regular (仿宋), used for the body text. It lacks
// about 1,500 of the 8,105 通用规范汉字 (for example 堃 and 镕): text must
// fall back to FontSong for characters it does not have.
//
//go:embed fonts/fang.ttf
var FontFang []byte

// FontHei is Noto Sans CJK SC Regular (黑体), used for 一、 headings and as
// the font of the user interface.
//
//go:embed fonts/hei.ttf
var FontHei []byte

// FontKai is "Nianbao Kai", a renamed subset of LXGW WenKai Regular (楷体),
// used for （一） headings.
//
//go:embed fonts/kai.ttf
var FontKai []byte

// FontSong is Noto Serif CJK SC Regular (宋体), the fallback for characters
// the other fonts lack and the font of page numbers. Besides the common set
// it covers the GBK hanzi, rare name characters such as 堃镕喆珺赟, and 𠮷
// (U+20BB7) through a (3,10) format 12 cmap.
//
//go:embed fonts/song.ttf
var FontSong []byte

// Icon is the application icon, a 512×512 PNG (a sheet with the red header
// bar of a 公文 and a red 年), drawn by assets/icon/gen.go. The Windows
// icon with all its sizes is assets/icon.ico, used by the packaging only.
//
//go:embed icon.png
var Icon []byte
