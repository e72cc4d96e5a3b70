package localeenv

import "testing"

func TestNeededOnlyForACOrPOSIXLocaleWithACharacterSet(t *testing.T) {
	for _, c := range []struct {
		name string
		env  map[string]string
		want bool
	}{
		{"LANG=C.UTF-8", map[string]string{"LANG": "C.UTF-8"}, true},
		{"LC_ALL=POSIX.UTF-8 over a Chinese LANG", map[string]string{"LC_ALL": "POSIX.UTF-8", "LANG": "zh_CN.UTF-8"}, true},
		{"LC_MESSAGES=C.utf8", map[string]string{"LC_MESSAGES": "C.utf8"}, true},
		{"plain C: go-locale handles it", map[string]string{"LANG": "C"}, false},
		{"nothing set", map[string]string{}, false},
		{"a Chinese desktop", map[string]string{"LANG": "zh_CN.UTF-8"}, false},
		{"LC_ALL Chinese over LANG=C.UTF-8", map[string]string{"LC_ALL": "zh_CN.UTF-8", "LANG": "C.UTF-8"}, false},
		{"LANGUAGE already set", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "en"}, false},
		{"a locale merely starting with C", map[string]string{"LANG": "ca_ES.UTF-8"}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			getenv := func(k string) (string, bool) { v, ok := c.env[k]; return v, ok }
			if got := Needed(getenv); got != c.want {
				t.Errorf("Needed = %v, want %v", got, c.want)
			}
		})
	}
}
