package forms

import (
	_ "embed"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// zhHans is Fyne's own Simplified Chinese translation of its dialogs
// (fyne.io/fyne/v2/lang/translations/base.zh_Hans.json, BSD-3-Clause), with
// OK as 确定 and No as 否 as Chinese office software says.
//
//go:embed translations/zh_Hans.json
var zhHans []byte

// fyneLocales are the languages Fyne v2.7 ships translations for: the
// system locale always resolves to one of them.
var fyneLocales = []fyne.Locale{"en", "cs", "de", "el", "es", "fr", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

// UseChinese makes Fyne's dialogs (file chooser, confirm buttons, calendar
// weekdays) Chinese whatever the system locale is: a clerk's PC may run an
// English Windows or a Linux with LANG=C. It loads the Chinese texts in
// place of every language Fyne knows.
func UseChinese() error {
	for _, l := range fyneLocales {
		if err := lang.AddTranslationsForLocale(zhHans, l); err != nil {
			return fmt.Errorf("load Chinese translations for %s: %w", l, err)
		}
	}
	return nil
}
