// Package localeenv lets Fyne read a C or POSIX locale with a character set
// (LANG=C.UTF-8, the default of many Linux containers and servers) without
// printing "Fyne error: Error parsing user locale C" on every run.
//
// Fyne's lang package looks the locale up in its own init, through
// go-locale, which takes the first of LC_ALL, LC_MESSAGES and LANG that is
// set, turns "C.UTF-8" into the language tag "C", and fails to parse it.
// go-locale prefers LANGUAGE over such a locale, so when the locale is C or
// POSIX with a character set and LANGUAGE is empty, this package's init sets
// LANGUAGE=zh_CN: the program is Chinese in any case (its Fyne dialog texts
// are loaded for every locale), and gettext ignores LANGUAGE in the C locale,
// so programs nianbao starts are not affected.
//
// The init must run before Fyne's. Go initialises, among the packages whose
// imports are initialised, the first by import path; this package imports
// only syscall, so it is ready long before fyne.io/fyne/v2/lang (which needs
// text/template, sorting after nianbao/…) and is initialised first.
// scripts/cli-e2e.sh runs the real binary under LANG=C.UTF-8 and checks
// that it prints nothing on the error stream.
package localeenv

import "syscall"

// Language is the value given to LANGUAGE for a C or POSIX locale.
const Language = "zh_CN"

func init() {
	if Needed(syscall.Getenv) {
		_ = syscall.Setenv("LANGUAGE", Language)
	}
}

// Needed reports whether the environment that getenv reads has a C or POSIX
// locale with a character set and no LANGUAGE: the case go-locale cannot
// turn into a language tag.
func Needed(getenv func(string) (string, bool)) bool {
	var loc string
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v, _ := getenv(name); v != "" {
			loc = v
			break
		}
	}
	if lang, _ := getenv("LANGUAGE"); lang != "" {
		return false
	}
	for _, p := range []string{"C.", "POSIX.", "C@", "POSIX@"} {
		if len(loc) > len(p) && loc[:len(p)] == p {
			return true
		}
	}
	return false
}
