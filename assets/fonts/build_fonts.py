#!/usr/bin/python3
"""Build the five embedded fonts of nianbao from Debian's font packages.

Run through build.sh (which installs the Debian packages first). Uses only
Debian's python3-fonttools. For every output font it:

  1. opens the source face (a face of a .ttc collection, an .otf or a .ttf),
  2. subsets it to the wanted character set (dropping hinting and the
     GSUB/GPOS/BASE/vertical tables that gopdf and Fyne do not use),
  3. converts CFF outlines to TrueType quadratic outlines (Cu2QuPen +
     TTGlyphPen), because gopdf only loads fonts starting with 00 01 00 00,
  4. writes a fresh cmap: (3,1) format 4 always, (3,10) format 12 when the
     font maps characters beyond U+FFFF,
  5. renames the font where its licence requires it (LXGW WenKai: the OFL
     Reserved Font Names "LXGW" and "霞鹜" may not be used by a modified
     version) and records what was done in the version string.

Usage: build_fonts.py OUTDIR   (prints a JSON report on stdout)
"""

import bz2
import json
import os
import sys
import time

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables._c_m_a_p import cmap_format_4, cmap_format_12

NOTO = "/usr/share/fonts/opentype/noto"
SOURCES = {
    "title": dict(path=NOTO + "/NotoSerifCJK-Bold.ttc", family="Noto Serif CJK SC",
                  package="fonts-noto-cjk"),
    "fang": dict(path="/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf",
                 family=None, package="texlive-lang-chinese"),
    "hei": dict(path=NOTO + "/NotoSansCJK-Regular.ttc", family="Noto Sans CJK SC",
                package="fonts-noto-cjk"),
    "kai": dict(path="/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
                family=None, package="fonts-lxgw-wenkai",
                rename=("Nianbao Kai", "NianbaoKai-Regular", "年报楷体")),
    "song": dict(path=NOTO + "/NotoSerifCJK-Regular.ttc", family="Noto Serif CJK SC",
                 package="fonts-noto-cjk", fallback=True),
}

# Characters whose presence the fallback font guarantees beyond the common
# set: personal-name characters often missing from GB2312-era fonts, and a
# character outside the BMP.
FALLBACK_EXTRA = "堃镕喆珺赟\U00020BB7"

UNIHAN = "/usr/share/unicode/Unihan_OtherMappings.txt.bz2"
UNIHAN_VARIANTS = "/usr/share/unicode/Unihan_Variants.txt.bz2"


def tongyong_guifan():
    """Return the 8105 characters of 通用规范汉字表 (2013), from Unihan kTGH."""
    chars = set()
    with bz2.open(UNIHAN, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3 and parts[1] == "kTGH":
                chars.add(chr(int(parts[0][2:], 16)))
    if len(chars) != 8105:
        raise SystemExit("expected 8105 kTGH characters in %s, found %d" % (UNIHAN, len(chars)))
    return chars


def decode_dbcs(codec, leads, trails):
    """Return every character a double-byte codec decodes from leads x trails."""
    out = set()
    for a in leads:
        for b in trails:
            try:
                s = bytes([a, b]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(s) == 1 and not (0xE000 <= ord(s) <= 0xF8FF):
                out.add(s)
    return out


def gb2312():
    """Return the characters of GB 2312 (python's gb2312 codec)."""
    return decode_dbcs("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))


def gbk():
    """Return the characters of GBK (python's gbk codec), private use excluded."""
    return decode_dbcs("gbk", range(0x81, 0xFF), [t for t in range(0x40, 0xFF) if t != 0x7F])


def traditional_only():
    """Return the hanzi that Unihan gives a simplified form other than themselves.

    These traditional forms make up about 4,500 of GBK's hanzi; leaving them
    out keeps the fallback font under 8 MB while it still covers every
    simplified GBK hanzi.
    """
    out = set()
    with bz2.open(UNIHAN_VARIANTS, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3 and parts[1] == "kSimplifiedVariant":
                c = chr(int(parts[0][2:], 16))
                simplified = {chr(int(v[2:].split("<")[0], 16)) for v in parts[2].split()}
                if c not in simplified:
                    out.add(c)
    return out


def is_hanzi(c):
    o = ord(c)
    return (0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x3FFFF or o == 0x3007)


def punctuation():
    """ASCII, CJK punctuation, full-width forms, quotes, dashes and numbering."""
    s = set(chr(c) for c in range(0x20, 0x7F))
    s |= set(chr(c) for c in range(0x3000, 0x3040))       # CJK symbols and punctuation
    s |= set(chr(c) for c in range(0xFF01, 0xFF5F))       # full-width ASCII
    s |= set(chr(c) for c in range(0xFFE0, 0xFFE7))       # full-width signs ￠￡￢￣￤￥￦
    s |= set("\u2014\u2015\u2026\u00B7\u2018\u2019\u201C\u201D\u2022\u00D7\u00F7\u00B0\u2030"
             "\u2103\u00A5\u2116\u00A0\u30FB\u2013\u2025\u00A7\u2160\u2161\u2162\u2163\u2164"
             "\u2165\u2166\u2167\u2168\u2169\u216A\u216B\u2170\u2171\u2172\u2173\u2174\u2175"
             "\u2176\u2177\u2178\u2179\u2212\u00B1\u2264\u2265\u2260\u221A\u2192\u2190\u2191"
             "\u2193\u25A1\u25A0\u25CB\u25CF\u2606\u2605\u203B\u00AE\u00A9\u2122\uFE30")
    s |= set(chr(c) for c in range(0x2460, 0x24A0))       # ①..⑳ ⑴..⒇ ⒈..⒛
    s |= set(chr(c) for c in range(0x3220, 0x322A))       # ㈠..㈩
    s |= set(chr(c) for c in range(0x3251, 0x3260))       # ㉑..㉟
    s |= set(chr(c) for c in range(0x32B1, 0x32C0))       # ㊱..㊿
    s |= set(chr(c) for c in range(0x2776, 0x2794))       # ❶.. dingbat circled digits
    return s


def select_face(path, family):
    """Open the face of path whose family name (nameID 1) is family."""
    if not path.endswith(".ttc"):
        return TTFont(path, lazy=False)
    from fontTools.ttLib import TTCollection
    n = len(TTCollection(path).fonts)
    for i in range(n):
        f = TTFont(path, fontNumber=i, lazy=False)
        if f["name"].getDebugName(1) == family:
            return f
    raise SystemExit("no face %r in %s" % (family, path))


def subset_font(font, chars):
    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx",
                         "gasp", "DSIG", "meta", "STAT", "JSTF", "MATH"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.recalc_bounds = True
    opts.prune_unicode_ranges = True
    opts.glyph_names = False
    s = subset.Subsetter(options=opts)
    s.populate(unicodes=[ord(c) for c in chars])
    s.subset(font)


def cff_to_glyf(font, max_err=1.0):
    """Replace the CFF table of font by glyf/loca with quadratic outlines."""
    order = font.getGlyphOrder()
    gs = font.getGlyphSet()
    glyphs = {}
    for name in order:
        tt = TTGlyphPen(gs)
        gs[name].draw(Cu2QuPen(tt, max_err, reverse_direction=True))
        glyphs[name] = tt.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, g in glyphs.items():
        adv, _ = hmtx.metrics[name]
        hmtx.metrics[name] = (adv, getattr(g, "xMin", 0) if g.numberOfContours else 0)
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones",):
        setattr(maxp, attr, 1)
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions"):
        setattr(maxp, attr, 0)
    maxp.maxComponentElements = 0
    maxp.maxComponentDepth = 0
    maxp.numGlyphs = len(order)
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def rebuild_cmap(font):
    """Keep only Windows subtables: (3,1) format 4, plus (3,10) format 12 if needed."""
    best = font.getBestCmap()
    bmp = {c: g for c, g in best.items() if c <= 0xFFFF}
    tables = []
    t4 = cmap_format_4(4)
    t4.platformID, t4.platEncID, t4.language, t4.cmap = 3, 1, 0, bmp
    tables.append(t4)
    if any(c > 0xFFFF for c in best):
        t12 = cmap_format_12(12)
        t12.platformID, t12.platEncID, t12.language, t12.cmap = 3, 10, 0, dict(best)
        tables.append(t12)
    font["cmap"].tables = tables
    return best


def post_format3(font):
    post = font["post"]
    post.formatType = 3.0
    for attr in ("extraNames", "mapping", "glyphOrder"):
        if hasattr(post, attr):
            delattr(post, attr)


def rename(font, family, psname, zh_family):
    """Give font a new family name, dropping every old (localised) family name."""
    name = font["name"]
    name.names = [n for n in name.names if n.nameID not in (1, 2, 3, 4, 6, 16, 17, 18, 21, 22)]
    for plat, enc, lang in ((3, 1, 0x409), (1, 0, 0)):
        name.setName(family, 1, plat, enc, lang)
        name.setName("Regular", 2, plat, enc, lang)
        name.setName(family + " Regular;nianbao", 3, plat, enc, lang)
        name.setName(family, 4, plat, enc, lang)
        name.setName(psname, 6, plat, enc, lang)
    name.setName(zh_family, 1, 3, 1, 0x804)
    name.setName("Regular", 2, 3, 1, 0x804)
    name.setName(zh_family, 4, 3, 1, 0x804)


def note_version(font, note):
    name = font["name"]
    for n in list(name.names):
        if n.nameID == 5:
            name.setName(n.toUnicode() + "; " + note, 5, n.platformID, n.platEncID, n.langID)


def build(key, outdir, common, fallback_set):
    src = SOURCES[key]
    t0 = time.time()
    font = select_face(src["path"], src["family"])
    wanted = set(common)
    if src.get("fallback"):
        wanted |= fallback_set | set(FALLBACK_EXTRA)
    src_cmap = font.getBestCmap()
    missing_common = sorted(c for c in common if ord(c) not in src_cmap)
    subset_font(font, wanted)
    cff = "CFF " in font
    if cff:
        cff_to_glyf(font, src.get("max_err", 1.0))
    if "rename" in src:
        rename(font, *src["rename"])
        note_version(font, "renamed subset made by nianbao (Reserved Font Names removed)")
    else:
        note_version(font, "subset converted to TrueType by nianbao")
    best = rebuild_cmap(font)
    post_format3(font)
    out = os.path.join(outdir, key + ".ttf")
    # Keep the source's head.modified so that reruns give identical files.
    font.recalcTimestamp = False
    font.save(out)
    hanzi = [c for c in best if is_hanzi(chr(c))]
    tg = tongyong_guifan()
    return dict(
        file=key + ".ttf", source=src["path"], package=src["package"],
        face=font["name"].getDebugName(4), converted_cff=cff,
        glyphs=len(font.getGlyphOrder()), mapped=len(best), hanzi=len(hanzi),
        tongyong_8105=sum(1 for c in tg if ord(c) in best),
        gb2312_hanzi=sum(1 for c in gb2312() if is_hanzi(c) and ord(c) in best),
        gbk_hanzi=sum(1 for c in gbk() if is_hanzi(c) and ord(c) in best),
        missing_common=len(missing_common),
        missing_tongyong_sample="".join(c for c in missing_common if c in tg)[:40],
        bytes=os.path.getsize(out), seconds=round(time.time() - t0, 1))


def main():
    outdir = sys.argv[1]
    keys = sys.argv[2:] or list(SOURCES)
    common = tongyong_guifan() | gb2312() | punctuation()
    # The fallback adds GBK (symbols and simplified hanzi; not the traditional
    # forms, to stay under 8 MB).
    fallback_set = gbk() - (traditional_only() - common)
    report = [build(k, outdir, common, fallback_set) for k in keys]
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
