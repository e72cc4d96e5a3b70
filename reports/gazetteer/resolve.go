package gazetteer

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Resolution is what Resolve found for a name.
type Resolution struct {
	// Division is the one division the name means, or none when the name
	// names no division or could mean several (see Candidates).
	Division Division
	// Candidates lists every division the name could mean when it is
	// ambiguous (城关镇人民政府: 88 towns), and only Division otherwise.
	Candidates []Division
	// Chain lists the divisions named one after another at the start of
	// the name (新源县, 别斯托别乡), for the resolved candidate.
	Chain []Division
	// Rest is what follows the names: 人民政府, 教育局, "".
	Rest string
}

// OK reports whether the name resolved to exactly one division.
func (r Resolution) OK() bool { return !r.Division.IsZero() }

// Resolve finds the division an organ's name starts with: 新源县别斯托别乡
// 人民政府 → 别斯托别乡 (654025200), with or without the province and
// prefecture in front (广西壮族自治区柳州市融安县大坡乡人民政府,
// 融安县大坡乡人民政府, 大坡乡人民政府 when only one 大坡乡 exists). The names
// must follow each other from the start, each within the one before
// (levels may be skipped). When the name fits several divisions equally
// well, the context (an address, the 落款, other names of the same organ)
// decides if it names a place within, or containing, exactly one of them;
// otherwise the name stays unresolved and Candidates lists them all.
func Resolve(name string, context ...string) Resolution {
	s := normalize(name)
	best, chains := longestChains(s)
	if best == 0 {
		return Resolution{Rest: s}
	}
	res := Resolution{Rest: s[best:]}
	// One candidate per distinct last division; where one candidate
	// contains another (东莞市 the prefecture and 东莞市 its county-level
	// twin), keep the outer one.
	var cands []Division
	var chainOf [][]Division
	for _, ch := range chains {
		last := ch[len(ch)-1]
		if !slices.Contains(cands, last) {
			cands = append(cands, last)
			chainOf = append(chainOf, ch)
		}
	}
	keep := func(i int) bool {
		for j, o := range cands {
			if j != i && o.Contains(cands[i]) && o != cands[i] {
				return false
			}
		}
		return true
	}
	var c2 []Division
	var ch2 [][]Division
	for i := range cands {
		if keep(i) {
			c2 = append(c2, cands[i])
			ch2 = append(ch2, chainOf[i])
		}
	}
	cands, chainOf = c2, ch2
	if len(cands) > 1 && len(context) > 0 {
		var ctx []Division
		for _, c := range context {
			if c = normalize(c); c == "" {
				continue
			}
			ctx = append(ctx, mentioned(c)...)
		}
		// The candidates the most specific context division agrees with
		// (甘肃省 fits every 城关镇 of Gansu; 永登县 only one).
		var fit []int
		bestLevel := Level(0)
		for i, c := range cands {
			l := Level(0)
			for _, d := range ctx {
				if (c.Contains(d) || d.Contains(c)) && d.Level() > l {
					l = d.Level()
				}
			}
			switch {
			case l == 0:
			case l > bestLevel:
				bestLevel, fit = l, []int{i}
			case l == bestLevel:
				fit = append(fit, i)
			}
		}
		if len(fit) == 1 {
			cands, chainOf = cands[fit[0]:fit[0]+1], chainOf[fit[0]:fit[0]+1]
		}
	}
	res.Candidates = cands
	if len(cands) == 1 {
		res.Division, res.Chain = cands[0], chainOf[0]
	}
	return res
}

// normalize drops spaces (Word's and full-width ones) from a name.
func normalize(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// longestChains returns the longest prefix of s made of division names,
// each within the one before, and every chain of that length.
func longestChains(s string) (int, [][]Division) {
	t := get()
	best := 0
	var chains [][]Division
	var walk func(pos int, chain []Division)
	walk = func(pos int, chain []Division) {
		if pos > best {
			best, chains = pos, nil
		}
		if pos == best && len(chain) > 0 {
			chains = append(chains, slices.Clone(chain))
		}
		if len(chains) > 256 {
			return // a name of many ambiguous parts; enough to say so
		}
		var last Division
		if len(chain) > 0 {
			last = chain[len(chain)-1]
		}
		for k := 1; pos+k <= len(s) && k <= t.maxBytes; k++ {
			if pos+k < len(s) && !utf8.RuneStart(s[pos+k]) {
				continue
			}
			for _, i := range t.named(s[pos : pos+k]) {
				d := div(i)
				if d.IsPlaceholder() || !last.IsZero() && (d == last || !last.Contains(d)) {
					continue
				}
				walk(pos+k, append(chain, d))
			}
		}
	}
	walk(0, nil)
	return best, chains
}

// mentioned lists the divisions a context string names anywhere, as
// chains from any position that starts a name (an address: 甘肃省永登县
// 城关镇人民路1号).
func mentioned(s string) []Division {
	var out []Division
	for i := 0; i < len(s); {
		n, chains := longestChains(s[i:])
		if n == 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		if len(chains) == 1 {
			out = append(out, chains[0]...)
		} else {
			// Only what all readings share is certain.
			for _, d := range chains[0] {
				if !slices.ContainsFunc(chains[1:], func(ch []Division) bool { return !slices.Contains(ch, d) }) {
					out = append(out, d)
				}
			}
		}
		i += n
	}
	return out
}

// OrganName is the usual full name of the government of d: the county and
// the township for a township (新源县别斯托别乡人民政府), the street
// office's name for a street (城东街道办事处, under its county), the name and
// 人民政府 above.
func OrganName(d Division) string {
	if d.IsZero() {
		return ""
	}
	name := d.Name()
	if d.Level() == Township {
		county := d.Up().Name()
		if d.Kind() == "街道" {
			if !strings.HasSuffix(name, "办事处") {
				name += "办事处"
			}
			return county + name
		}
		return county + name + "人民政府"
	}
	return name + "人民政府"
}

// Suggestion is one completion offered while a clerk types an organ's name.
type Suggestion struct {
	Division Division
	// Organ is the official organ name to fill in (新源县别斯托别乡人民政府).
	Organ string
	// Where places it: the province and prefecture (新疆维吾尔自治区伊犁哈萨克自治州).
	Where string
}

// Complete offers up to max divisions for what a clerk has typed of an
// organ's name: the division names typed so far are read as in Resolve,
// and what follows is the start of a name within the last of them
// (新源县别 → 新源县别斯托别乡人民政府), or of any division's name (别斯托 →
// the same; 大坡乡 → every 大坡乡 with its place). Townships come last
// and by code. Nothing is offered for fewer than two characters, or once
// the name goes past its divisions (融安县教育局).
func Complete(typed string, limit int) []Suggestion {
	s := normalize(typed)
	if utf8.RuneCountInString(s) < 2 || limit <= 0 {
		return nil
	}
	t := get()
	n, chains := longestChains(s)
	var within []Division // where to look
	rest := s[n:]
	if n > 0 {
		for _, ch := range chains {
			within = append(within, ch[len(ch)-1])
		}
	}
	var found [5][]Division
	seen := map[int32]bool{} // readings may overlap (东莞市 and its twin)
	add := func(i int32) {
		if !placeholders[t.name[i]] && !seen[i] {
			seen[i] = true
			found[t.level[i]] = append(found[t.level[i]], div(i))
		}
	}
	if len(within) == 0 {
		for i, name := range t.name {
			if strings.HasPrefix(name, rest) {
				add(int32(i))
			}
		}
	}
	for _, w := range within {
		if rest == "" {
			// 新源县: the county itself, then its townships (through a
			// 市辖区 placeholder for a municipality).
			add(w.idx())
			for _, k := range t.kids(w.idx()) {
				if placeholders[t.name[k]] {
					for _, kk := range t.kids(k) {
						add(kk)
					}
					continue
				}
				add(k)
			}
			continue
		}
		// 新源县别: the names within it that start so.
		var walk func(i int32)
		walk = func(i int32) {
			for _, k := range t.kids(i) {
				if strings.HasPrefix(t.name[k], rest) {
					add(k)
				}
				walk(k)
			}
		}
		walk(w.idx())
	}
	var out []Suggestion
	for _, ds := range found {
		for _, d := range ds {
			if len(out) == limit {
				return out
			}
			var where strings.Builder
			for _, e := range d.Path() {
				if e == d || e.Level() == County && d.Level() == Township {
					continue
				}
				where.WriteString(e.Name())
			}
			out = append(out, Suggestion{Division: d, Organ: OrganName(d), Where: where.String()})
		}
	}
	return out
}
