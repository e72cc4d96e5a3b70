// Package app is the Fyne application shell of nianbao: it creates the
// application and the main window and hands the report to the forms.
package app

import (
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"

	"nianbao/version"
)

// Run opens the main window; args may name a report file to open.
func Run(args []string) {
	a := fyneapp.NewWithID("cn.nianbao.app")
	w := a.NewWindow(version.AppName)
	w.SetContent(widget.NewLabel(version.AppName))
	w.ShowAndRun()
}
