//go:build ignore

// Command gen draws nianbao's application icon: a sheet of paper with the red
// header bar of a 公文 and a large red 年 below it. Every size is drawn on
// its own (at 8× and scaled down), not scaled from the 512 px image, so that
// 16 px and 24 px stay crisp: below 48 px the character is set in the sans
// (黑体) face, which survives small sizes better than the serif title face.
//
// Run from the repository root:
//
//	go run assets/icon/gen.go
//
// It writes assets/icon.png (512 px) and assets/icon.ico (16, 24, 32, 48,
// 64 and 256 px; 32-bit BMP entries below 256 px, a PNG entry at 256 px),
// plus nianbao-icon-preview-*.png in the temporary directory for looking at
// the small sizes.
package main

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
	"path/filepath"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

var (
	red   = color.NRGBA{0xC8, 0x10, 0x2E, 0xFF} // 公文 red
	paper = color.NRGBA{0xFF, 0xFD, 0xF7, 0xFF}
	edge  = color.NRGBA{0xB8, 0xB0, 0xA0, 0xFF}
	white = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
)

func main() {
	title := loadFont("assets/fonts/title.ttf")
	hei := loadFont("assets/fonts/hei.ttf")

	big := draw(512, title, hei)
	writePNG("assets/icon.png", big)

	sizes := []int{16, 24, 32, 48, 64, 256}
	var imgs []*image.NRGBA
	for _, s := range sizes {
		img := draw(s, title, hei)
		imgs = append(imgs, img)
		if s <= 64 {
			writePNG(filepath.Join(os.TempDir(), "nianbao-icon-preview-"+itoa(s)+".png"), img)
		}
	}
	ico, err := encodeICO(imgs)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("assets/icon.ico", ico, 0o644); err != nil {
		log.Fatal(err)
	}
}

func loadFont(path string) *opentype.Font {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	f, err := opentype.Parse(b)
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	return f
}

// draw renders the icon at size×size pixels.
func draw(size int, title, hei *opentype.Font) *image.NRGBA {
	const k = 8 // supersampling factor
	S := float64(size * k)
	img := image.NewNRGBA(image.Rect(0, 0, size*k, size*k))

	// Paper: a rounded rectangle, slightly taller than wide like a sheet.
	margin := 0.06 * S
	if size <= 24 {
		margin = 0.03 * S
	}
	x0, y0, x1, y1 := margin+0.04*S, margin, S-margin-0.04*S, S-margin
	if size <= 32 {
		x0, x1 = margin, S-margin // full width: every pixel counts
	}
	radius := 0.08 * S
	border := math.Max(0.012*S, 0.9*k) // at least about one output pixel
	barBottom := y0 + 0.27*(y1-y0)
	for y := 0; y < size*k; y++ {
		for x := 0; x < size*k; x++ {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			d := roundedRectDist(fx, fy, x0, y0, x1, y1, radius)
			switch {
			case d > 0:
				// outside
			case fy < barBottom:
				img.SetNRGBA(x, y, red)
			case d > -border:
				img.SetNRGBA(x, y, edge)
			default:
				img.SetNRGBA(x, y, paper)
			}
		}
	}

	// The red rule under the header, as on a 公文 (only where it shows).
	if size >= 48 {
		ry := barBottom + 0.06*(y1-y0)
		fillRect(img, x0+0.1*(x1-x0), ry, x1-0.1*(x1-x0), ry+math.Max(0.012*S, k), red)
	}

	// The character 年, red, filling the paper under the header.
	face := title
	if size < 48 {
		face = hei
	}
	top := barBottom + 0.10*(y1-y0)
	if size < 48 {
		top = barBottom + 0.05*(y1-y0)
	}
	bottom := y1 - 0.07*(y1-y0)
	drawCentered(img, face, "年", (x0+x1)/2, top, bottom, red, size < 48)

	// White 政务公开 in the header bar, where there is room to read it.
	if size >= 128 {
		h := barBottom - y0
		drawCentered(img, hei, "政务公开", (x0+x1)/2, y0+0.26*h, barBottom-0.22*h, white, false)
	}

	out := image.NewNRGBA(image.Rect(0, 0, size, size))
	xdraw.CatmullRom.Scale(out, out.Bounds(), img, img.Bounds(), xdraw.Src, nil)
	return out
}

// roundedRectDist is the signed distance from (x, y) to the rounded
// rectangle (negative inside).
func roundedRectDist(x, y, x0, y0, x1, y1, r float64) float64 {
	cx, cy := (x0+x1)/2, (y0+y1)/2
	hx, hy := (x1-x0)/2-r, (y1-y0)/2-r
	dx, dy := math.Abs(x-cx)-hx, math.Abs(y-cy)-hy
	ox, oy := math.Max(dx, 0), math.Max(dy, 0)
	return math.Hypot(ox, oy) + math.Min(math.Max(dx, dy), 0) - r
}

func fillRect(img *image.NRGBA, x0, y0, x1, y1 float64, c color.NRGBA) {
	for y := int(y0); y < int(math.Ceil(y1)); y++ {
		for x := int(x0); x < int(math.Ceil(x1)); x++ {
			img.SetNRGBA(x, y, c)
		}
	}
}

// drawCentered draws text centred horizontally on cx, its ink box scaled to
// fit between top and bottom. bold thickens the strokes by drawing the text
// again shifted by a fraction of a pixel of the final size.
func drawCentered(img *image.NRGBA, f *opentype.Font, text string, cx, top, bottom float64, c color.NRGBA, bold bool) {
	// Measure the ink box at a reference size, then scale to fit the height.
	const ref = 1000.0
	b, adv := inkBounds(f, text, ref)
	inkH := float64(b.Max.Y-b.Min.Y) / 64
	size := ref * (bottom - top) / inkH
	maxW := 0.9 * float64(img.Bounds().Dx())
	if w := float64(adv) / 64 * size / ref; w > maxW {
		size *= maxW / w
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		log.Fatal(err)
	}
	defer face.Close()
	bb, advance := font.BoundString(face, text)
	inkW := float64(bb.Max.X-bb.Min.X) / 64
	inkH = float64(bb.Max.Y-bb.Min.Y) / 64
	_ = advance
	x := cx - inkW/2 - float64(bb.Min.X)/64
	y := top + ((bottom-top)-inkH)/2 - float64(bb.Min.Y)/64
	src := image.NewUniform(c)
	offsets := [][2]float64{{0, 0}}
	if bold {
		d := float64(img.Bounds().Dx()) / 40
		offsets = append(offsets, [2]float64{d, 0}, [2]float64{0, d}, [2]float64{d, d})
	}
	for _, o := range offsets {
		dr := &font.Drawer{Dst: img, Src: src, Face: face,
			Dot: fixed.Point26_6{X: fixed.Int26_6((x + o[0]) * 64), Y: fixed.Int26_6((y + o[1]) * 64)}}
		dr.DrawString(text)
	}
}

func inkBounds(f *opentype.Font, text string, size float64) (fixed.Rectangle26_6, fixed.Int26_6) {
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		log.Fatal(err)
	}
	defer face.Close()
	return font.BoundString(face, text)
}

func writePNG(path string, img image.Image) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}

// encodeICO writes a Windows .ico: 32-bit BGRA DIB entries (with an empty
// AND mask) below 256 px, which every Windows tool reads, and a PNG entry at
// 256 px.
func encodeICO(imgs []*image.NRGBA) ([]byte, error) {
	var entries [][]byte
	for _, img := range imgs {
		s := img.Bounds().Dx()
		if s >= 256 {
			var buf bytes.Buffer
			if err := png.Encode(&buf, img); err != nil {
				return nil, err
			}
			entries = append(entries, buf.Bytes())
			continue
		}
		entries = append(entries, dib(img))
	}
	var out bytes.Buffer
	le := binary.LittleEndian
	binary.Write(&out, le, [3]uint16{0, 1, uint16(len(imgs))})
	offset := 6 + 16*len(imgs)
	for i, img := range imgs {
		s := img.Bounds().Dx()
		dim := byte(s)
		if s >= 256 {
			dim = 0
		}
		out.Write([]byte{dim, dim, 0, 0})
		binary.Write(&out, le, uint16(1))  // planes
		binary.Write(&out, le, uint16(32)) // bits per pixel
		binary.Write(&out, le, uint32(len(entries[i])))
		binary.Write(&out, le, uint32(offset))
		offset += len(entries[i])
	}
	for _, e := range entries {
		out.Write(e)
	}
	return out.Bytes(), nil
}

// dib encodes img as an icon DIB: BITMAPINFOHEADER with twice the height,
// bottom-up BGRA rows, then a 1-bit AND mask (all zero: alpha decides).
func dib(img *image.NRGBA) []byte {
	s := img.Bounds().Dx()
	var b bytes.Buffer
	le := binary.LittleEndian
	maskRow := ((s + 31) / 32) * 4
	binary.Write(&b, le, uint32(40))
	binary.Write(&b, le, int32(s))
	binary.Write(&b, le, int32(2*s))
	binary.Write(&b, le, uint16(1))
	binary.Write(&b, le, uint16(32))
	binary.Write(&b, le, uint32(0)) // BI_RGB
	binary.Write(&b, le, uint32(s*s*4+maskRow*s))
	binary.Write(&b, le, [4]int32{})
	for y := s - 1; y >= 0; y-- {
		for x := 0; x < s; x++ {
			c := img.NRGBAAt(x, y)
			b.Write([]byte{c.B, c.G, c.R, c.A})
		}
	}
	b.Write(make([]byte, maskRow*s))
	return b.Bytes()
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
