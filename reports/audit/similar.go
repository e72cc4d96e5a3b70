package audit

import (
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"

	"nianbao/reports"
)

// CopyThreshold is the share above which two units' texts count as copied:
// the evaluators' “more than half”, as for COPIED_TEXT.
const CopyThreshold = reports.CopyThreshold

// measure says how the shares are measured, for the workbook's and the
// page's headings: 按连续8字以上相同的片段计算 (reports.SimilarRun).
var measure = fmt.Sprintf("按连续%d字以上相同的片段计算", reports.SimilarRun)

// candidateShare is the estimated share of shared windows from which a pair
// is measured exactly. It is well below CopyThreshold because the estimate
// counts distinct windows while the measure counts characters (a run of n
// characters has n−7 windows), and so that each unit's most similar other
// unit is found when it shares a fifth or more.
const candidateShare = 0.2

// Match is how much of one unit's text is found in another's.
type Match struct {
	Other int     // index of the other text
	Share float64 // share of this text's characters in runs found in the other (0–1)
}

// Similar is a pair of texts found by FindSimilar.
type Similar struct {
	A, B int
	// AinB is the share of A's text found in B, BinA of B's in A.
	AinB, BinA float64
}

// Max is the pair's similarity: the larger of the two shares, since the
// copier's text lies within the original's, not always the reverse.
func (s Similar) Max() float64 { return max(s.AinB, s.BinA) }

// FindSimilar measures, with the measure of COPIED_TEXT, every pair of
// texts that may share candidateShare or more, found through an inverted
// index of the texts' 8-character windows (shingles) instead of comparing
// all pairs:
//
//  1. every text's distinct window hashes, sorted;
//  2. the (hash, text) postings sorted by hash in parallel buckets;
//  3. windows found in more than commonDF texts (stock phrases of every
//     report) are only counted per text, not paired; for the rest, every
//     pair of texts on a posting list gets one more shared window;
//  4. a pair is a candidate when its shared windows reach candidateShare
//     of either text's distinct windows: the rare ones counted through the
//     posting lists, the common ones by intersecting the two texts' sorted
//     common windows (only for pairs that could reach it if every common
//     window were shared); a text mostly of common windows is tried with
//     every other;
//  5. the candidates are measured exactly, both ways.
//
// It returns every candidate pair measured (A < B), in order.
func FindSimilar(texts []*reports.SimilarText, workers int) []Similar {
	n := len(texts)
	if n < 2 {
		return nil
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	x := &shingleIndex{n: n, workers: workers, commonDF: max(64, n/8)}
	x.distinct = distinctWindows(texts, workers)
	x.gather(x.scanPostings(bucketPostings(x.distinct)))
	return measurePairs(texts, x.candidates(), workers)
}

// shingleIndex is FindSimilar's inverted index of the texts' windows.
type shingleIndex struct {
	n, workers int
	// commonDF is the number of texts above which a window is a stock
	// phrase, counted per text instead of paired.
	commonDF int
	distinct [][]uint64 // per text: its distinct window hashes, sorted
	lists    [][]int32  // posting lists of 2..commonDF texts, ids ascending
	commonH  [][]uint64 // per text: its common windows, sorted
	common   []int      // per text: how many common windows it has
	onLists  [][]int32  // per text: the lists it is on
	// heavy marks the texts mostly of common windows, heavies lists them.
	heavy   []bool
	heavies []int32
}

// distinctWindows is step 1: every text's distinct window hashes, sorted.
func distinctWindows(texts []*reports.SimilarText, workers int) [][]uint64 {
	distinct := make([][]uint64, len(texts))
	parallel(len(texts), workers, func(i int) {
		h := slices.Clone(texts[i].Hashes())
		distinct[i] = slices.Compact(h) // Hashes are sorted
	})
	return distinct
}

// bucketPostings is the start of step 2: the (hash, text) postings in
// buckets by the top byte of the hash, each bucket allocated to its size.
func bucketPostings(distinct [][]uint64) [][]posting {
	const nb = 256
	counts := make([]int, nb)
	for _, d := range distinct {
		for _, h := range d {
			counts[h>>56]++
		}
	}
	buckets := make([][]posting, nb)
	for b := range buckets {
		buckets[b] = make([]posting, 0, counts[b])
	}
	for i, d := range distinct {
		for _, h := range d {
			buckets[h>>56] = append(buckets[h>>56], posting{h, int32(i)})
		}
	}
	return buckets
}

// bucketScan is what one worker of scanPostings found in its buckets.
type bucketScan struct {
	lists  [][]int32  // posting lists of 2..commonDF texts
	common [][]uint64 // per text: its windows found in more than commonDF texts
}

// scanPostings is the rest of step 2 and step 3: each bucket sorted and
// cut into one posting list per window, on x.workers goroutines taking
// buckets in turn. It returns what each worker found.
func (x *shingleIndex) scanPostings(buckets [][]posting) []bucketScan {
	parts := make([]bucketScan, x.workers)
	var wg sync.WaitGroup
	next := make(chan int, len(buckets))
	for b := range buckets {
		next <- b
	}
	close(next)
	for w := range x.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := &parts[w]
			f.common = make([][]uint64, x.n)
			for b := range next {
				ps := buckets[b]
				sortPostings(ps)
				f.scan(ps, x.commonDF)
			}
		}()
	}
	wg.Wait()
	return parts
}

// sortPostings sorts postings by hash, then text.
func sortPostings(ps []posting) {
	slices.SortFunc(ps, func(x, y posting) int {
		switch {
		case x.h < y.h:
			return -1
		case x.h > y.h:
			return 1
		}
		return int(x.id - y.id)
	})
}

// scan cuts sorted postings into one run per window: a window found in
// more than commonDF texts is only counted per text (added to each one's
// common windows); a window in 2..commonDF texts keeps its posting list,
// whose pairs will each get one more shared window.
func (f *bucketScan) scan(ps []posting, commonDF int) {
	for i := 0; i < len(ps); {
		j := i + 1
		for j < len(ps) && ps[j].h == ps[i].h {
			j++
		}
		switch df := j - i; {
		case df > commonDF:
			for _, p := range ps[i:j] {
				f.common[p.id] = append(f.common[p.id], p.h)
			}
		case df >= 2:
			l := make([]int32, df)
			for k, p := range ps[i:j] {
				l[k] = p.id
			}
			f.lists = append(f.lists, l)
		}
		i = j
	}
}

// gather merges the workers' scans: per text, its common windows (sorted)
// and the lists it is on (ids on each list ascend).
func (x *shingleIndex) gather(parts []bucketScan) {
	n := x.n
	x.commonH = make([][]uint64, n)
	x.common = make([]int, n)
	x.onLists = make([][]int32, n)
	for _, f := range parts {
		for i, c := range f.common {
			x.commonH[i] = append(x.commonH[i], c...)
		}
		x.lists = append(x.lists, f.lists...)
	}
	for i := range x.commonH {
		slices.Sort(x.commonH[i])
		x.common[i] = len(x.commonH[i])
	}
	for li, l := range x.lists {
		for _, id := range l {
			x.onLists[id] = append(x.onLists[id], int32(li))
		}
	}
}

// candidates is step 4: for each text, the texts after it that may share
// enough to be measured, sorted. A text mostly of stock phrases (heavy)
// may share them with any other, so it is tried with every other text.
func (x *shingleIndex) candidates() [][]int32 {
	n := x.n
	x.heavy = make([]bool, n)
	for i := range n {
		if float64(x.common[i]) >= need(len(x.distinct[i])) {
			x.heavy[i] = true
			x.heavies = append(x.heavies, int32(i))
		}
	}
	cands := make([][]int32, n)
	parallelWith(n, x.workers, func() *counter { return newCounter(n) }, func(c *counter, a int) {
		cands[a] = x.candidatesOf(c, a)
		c.reset()
	})
	return cands
}

// candidatesOf counts in c the rare windows text a shares with each text
// after it and returns those that pass the estimate, sorted: for a heavy
// text every text after it is tried, for the others the texts counted and
// the heavy texts after it.
func (x *shingleIndex) candidatesOf(c *counter, a int) []int32 {
	for _, li := range x.onLists[a] {
		for _, b := range x.lists[li] {
			if int(b) > a {
				c.add(b)
			}
		}
	}
	var out []int32
	try := func(b int32) {
		if x.isCandidate(c, a, b) {
			out = append(out, b)
		}
	}
	switch {
	case x.heavy[a]:
		for b := a + 1; b < x.n; b++ {
			try(int32(b))
		}
	default:
		for _, b := range c.touched {
			if !x.heavy[b] {
				try(b)
			}
		}
		for _, b := range x.heavies {
			if int(b) > a {
				try(b)
			}
		}
	}
	slices.Sort(out)
	return out
}

// isCandidate estimates whether texts a and b, with c counting the rare
// windows a shares with the others, may share enough: first with every
// common window counted as shared, then with the common windows they do
// share (intersecting their sorted common windows only when the first
// estimate passes).
func (x *shingleIndex) isCandidate(c *counter, a int, b int32) bool {
	rare, da, db := int(c.count[b]), len(x.distinct[a]), len(x.distinct[b])
	return candidate(rare, x.common[a], da, x.common[b], db) &&
		candidate(rare+sharedCount(x.commonH[a], x.commonH[b]), 0, da, 0, db)
}

// measurePairs is step 5: the exact measure of the candidate pairs, both
// ways, in order.
func measurePairs(texts []*reports.SimilarText, cands [][]int32, workers int) []Similar {
	type job struct{ a, b int }
	var jobs []job
	for a, bs := range cands {
		for _, b := range bs {
			jobs = append(jobs, job{a, int(b)})
		}
	}
	out := make([]Similar, len(jobs))
	parallel(len(jobs), workers, func(k int) {
		a, b := jobs[k].a, jobs[k].b
		out[k] = Similar{A: a, B: b, AinB: texts[a].Share(texts[b]), BinA: texts[b].Share(texts[a])}
	})
	return out
}

// candidate estimates, from the windows two texts share that are not stock
// phrases (rare), and the stock-phrase windows each has (ca, cb) of its
// distinct windows (da, db), whether they may share enough to measure.
func candidate(rare, ca, da, cb, db int) bool {
	if db <= 0 || da <= 0 {
		return false
	}
	shared := float64(rare + min(ca, cb))
	return shared >= need(da) || shared >= need(db)
}

// shortText is the number of distinct windows below which a text is
// measured with the strict bound: a text of many short shared runs has
// fewer shared windows than shared characters (a run of 9 characters is 2
// windows), up to SimilarRun times fewer. Long texts copied in part share
// sentences, whose windows are nearly as many as their characters.
const shortText = 600

// need is how many shared windows make a text of d distinct windows a
// candidate: candidateShare of them, or for a short text the least that
// could cover CopyThreshold of its characters.
func need(d int) float64 {
	if d < shortText {
		return CopyThreshold / reports.SimilarRun * float64(d)
	}
	return candidateShare * float64(d)
}

// sharedCount is the number of values in both sorted lists.
func sharedCount(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// AllPairs measures every pair exactly, the baseline FindSimilar is
// benchmarked and tested against.
func AllPairs(texts []*reports.SimilarText, workers int) []Similar {
	var out []Similar
	for a := range texts {
		for b := a + 1; b < len(texts); b++ {
			out = append(out, Similar{A: a, B: b})
		}
	}
	parallel(len(out), workers, func(k int) {
		s := &out[k]
		s.AinB, s.BinA = texts[s.A].Share(texts[s.B]), texts[s.B].Share(texts[s.A])
	})
	return out
}

// Copied keeps the pairs whose similarity is above CopyThreshold, most
// similar first.
func Copied(pairs []Similar) []Similar {
	var out []Similar
	for _, p := range pairs {
		if p.Max() > CopyThreshold {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Max() > out[j].Max() })
	return out
}

type posting struct {
	h  uint64
	id int32
}

// counter counts shared windows from one text to the others.
type counter struct {
	count   []int32
	touched []int32
}

func newCounter(n int) *counter { return &counter{count: make([]int32, n)} }

func (c *counter) add(b int32) {
	if c.count[b] == 0 {
		c.touched = append(c.touched, b)
	}
	c.count[b]++
}

func (c *counter) reset() {
	for _, b := range c.touched {
		c.count[b] = 0
	}
	c.touched = c.touched[:0]
}

// parallel runs f(0..n-1) on workers goroutines.
func parallel(n, workers int, f func(i int)) {
	parallelWith(n, workers, func() struct{} { return struct{}{} }, func(_ struct{}, i int) { f(i) })
}

// parallelWith runs f(state, 0..n-1) on workers goroutines, each with its
// own state.
func parallelWith[S any](n, workers int, state func() S, f func(s S, i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 1 {
		s := state()
		for i := range n {
			f(s, i)
		}
		return
	}
	var wg sync.WaitGroup
	jobs := make(chan int, 64)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := state()
			for i := range jobs {
				f(s, i)
			}
		}()
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}
