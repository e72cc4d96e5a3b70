package reports

import "time"

// OpenElsewhere names the programs other than this one that have the file
// at path open, so that an export never silently replaces a file a PDF
// viewer, Word or Excel is showing. It returns nil when the file does not
// exist or nobody else has it open. Linux reads /proc; Windows tries to
// open the file with no sharing (it cannot tell which program holds it);
// other systems cannot tell and return nil.
func OpenElsewhere(path string) []string {
	for i := 0; ; i++ {
		who := openElsewhere(path)
		// A scanner holds a new file for a moment: ask again before
		// blaming a program the user has to close.
		if len(who) == 0 || i == 2 {
			return who
		}
		time.Sleep(100 * time.Millisecond)
	}
}
