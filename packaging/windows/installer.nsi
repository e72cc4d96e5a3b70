; NSIS installer of nianbao (政府信息公开年报) for 64-bit Windows 10/11.
;
;   makensis -DVERSION=0.1.0 -DEXE=$PWD/dist/nianbao.exe -DOUTFILE=$PWD/dist/setup.exe \
;            -DNOTICES=$PWD/dist/THIRD_PARTY_LICENSES.txt \
;            -DROOT=$PWD packaging/windows/installer.nsi   (absolute paths:
;   makensis resolves relative ones from this file's folder)
;
; - Installs for the current user by default, without administrator rights
;   (%LOCALAPPDATA%\Programs\nianbao, HKCU). Choosing 所有用户 restarts the
;   installer elevated (UAC) and installs to Program Files (HKLM).
; - Start-menu shortcut 政府信息公开年报, optional desktop shortcut, an entry
;   in 应用和功能 (Apps & features), and the .nianbao file association.
; - Silent: setup.exe /S [/AllUsers] [/NoDesktop] [/D=C:\path];
;   uninstall.exe /S.
; - The uninstaller removes only the files it installed: reports (.nianbao,
;   PDF, ...) in the user's folders are never touched.

Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
ManifestDPIAware true
RequestExecutionLevel user

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef ROOT
  !define ROOT "..\.."
!endif
!ifndef EXE
  !define EXE "${ROOT}\dist\nianbao.exe"
!endif
!ifndef GUIDE
  !define GUIDE "${ROOT}\dist\使用说明.html"
!endif
!ifndef NOTICES
  !define NOTICES "${ROOT}\dist\THIRD_PARTY_LICENSES.txt"
!endif
!ifndef OUTFILE
  !define OUTFILE "${ROOT}\dist\nianbao-${VERSION}-windows-amd64-setup.exe"
!endif

!define APPNAME "政府信息公开年报"
!define APPKEY "nianbao"
!define PROGID "nianbao.report"
!define PUBLISHER "nianbao"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPKEY}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "nsDialogs.nsh"
!include "x64.nsh"
!include "WinVer.nsh"
!include "Sections.nsh"

Name "${APPNAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPKEY}"
BrandingText "${APPNAME} ${VERSION}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APPNAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "GPL-3.0-or-later"

!define MUI_ICON "${ROOT}\assets\icon.ico"
!define MUI_UNICON "${ROOT}\assets\icon.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\nianbao.exe"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开 ${APPNAME}"

Var AllUsers      ; 1: install for every user of this computer
Var ModeDialog
Var RadioMe
Var RadioAll

!insertmacro MUI_PAGE_WELCOME
Page custom ModePageShow ModePageLeave
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

; ---------------------------------------------------------------- install mode

Function SetMode
  ${If} $AllUsers == 1
    SetShellVarContext all
    StrCpy $INSTDIR "$PROGRAMFILES64\${APPKEY}"
  ${Else}
    SetShellVarContext current
    StrCpy $INSTDIR "$LOCALAPPDATA\Programs\${APPKEY}"
  ${EndIf}
FunctionEnd

Function ModePageShow
  ; The elevated second run (/AllUsers) has already chosen.
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/AllUsers" $R1
  ${IfNot} ${Errors}
    Abort
  ${EndIf}
  !insertmacro MUI_HEADER_TEXT "选择安装方式" "为谁安装 ${APPNAME}？"
  nsDialogs::Create 1018
  Pop $ModeDialog
  ${NSD_CreateRadioButton} 0 10u 100% 14u "仅为我安装（推荐，不需要管理员权限）"
  Pop $RadioMe
  ${NSD_CreateLabel} 14u 26u -14u 20u "安装到 $LOCALAPPDATA\Programs\${APPKEY}，只有当前 Windows 用户能在开始菜单中看到。"
  Pop $R1
  ${NSD_CreateRadioButton} 0 56u 100% 14u "为这台电脑的所有用户安装（需要管理员权限）"
  Pop $RadioAll
  ${NSD_CreateLabel} 14u 72u -14u 20u "安装到 Program Files，Windows 会请求管理员确认。"
  Pop $R1
  ${If} $AllUsers == 1
    ${NSD_Check} $RadioAll
  ${Else}
    ${NSD_Check} $RadioMe
  ${EndIf}
  nsDialogs::Show
FunctionEnd

Function ModePageLeave
  ${NSD_GetState} $RadioAll $R0
  ${If} $R0 == ${BST_CHECKED}
    UserInfo::GetAccountType
    Pop $R1
    ${If} $R1 != "Admin"
      ; Restart this installer elevated, in all-users mode, and end this one.
      ExecShell "runas" "$EXEPATH" "/AllUsers"
      Quit
    ${EndIf}
    StrCpy $AllUsers 1
  ${Else}
    StrCpy $AllUsers 0
  ${EndIf}
  Call SetMode
FunctionEnd

; ---------------------------------------------------------------- sections

Section "${APPNAME}（必需）" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "/oname=nianbao.exe" "${EXE}"
  File "/oname=LICENSE.txt" "${ROOT}\LICENSE"
  File "/oname=使用说明.html" "${GUIDE}"
  SetOutPath "$INSTDIR\licenses"
  File "/oname=LICENSE-OFL.txt" "${ROOT}\assets\fonts\LICENSE-OFL.txt"
  File "/oname=LICENSE-FandolFang.txt" "${ROOT}\assets\fonts\LICENSE-FandolFang.txt"
  File "/oname=THIRD_PARTY_LICENSES.txt" "${NOTICES}"
  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Start menu (directly under 程序, as Windows 10/11 shows it best).
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\nianbao.exe" "" "$INSTDIR\nianbao.exe" 0 SW_SHOWNORMAL "" "${APPNAME}"

  ; .nianbao files open in nianbao (HKCU or HKLM, following the install mode).
  WriteRegStr SHCTX "Software\Classes\.nianbao" "" "${PROGID}"
  WriteRegStr SHCTX "Software\Classes\.nianbao" "Content Type" "application/x-nianbao"
  WriteRegStr SHCTX "Software\Classes\.nianbao\OpenWithProgids" "${PROGID}" ""
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "政府信息公开工作年度报告"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\nianbao.exe,0"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell" "" "open"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open" "" "用${APPNAME}打开"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\nianbao.exe" "%1"'
  WriteRegStr SHCTX "Software\Classes\Applications\nianbao.exe" "FriendlyAppName" "${APPNAME}"
  WriteRegStr SHCTX "Software\Classes\Applications\nianbao.exe\SupportedTypes" ".nianbao" ""
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)' ; SHCNE_ASSOCCHANGED

  ; 应用和功能 / 程序和功能 entry.
  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\nianbao.exe,0"
  WriteRegStr SHCTX "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr SHCTX "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD SHCTX "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

Section "桌面快捷方式" SecDesktop
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\nianbao.exe" "" "$INSTDIR\nianbao.exe" 0 SW_SHOWNORMAL "" "${APPNAME}"
SectionEnd

; .onInit comes after the sections: it refers to ${SecDesktop}.
Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APPNAME} 需要 64 位 Windows 10 或更新的系统。" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  StrCpy $AllUsers 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/AllUsers" $R1
  ${IfNot} ${Errors}
    StrCpy $AllUsers 1
  ${EndIf}
  ; /D= given on the command line wins over the default folder.
  StrCpy $R2 $INSTDIR
  Call SetMode
  ${GetOptions} $R0 "/D=" $R1
  ${IfNot} ${Errors}
    StrCpy $INSTDIR $R2
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/NoDesktop" $R1
  ${IfNot} ${Errors}
    !insertmacro UnselectSection ${SecDesktop}
  ${EndIf}
  ${If} $AllUsers == 1
    UserInfo::GetAccountType
    Pop $R1
    ${If} $R1 != "Admin"
      MessageBox MB_ICONSTOP "为所有用户安装需要管理员权限。" /SD IDOK
      SetErrorLevel 740 ; ERROR_ELEVATION_REQUIRED
      Quit
    ${EndIf}
  ${EndIf}
FunctionEnd

; ---------------------------------------------------------------- uninstall

Function un.onInit
  SetRegView 64
  ; Installed for all users if the HKLM entry points at this folder.
  ReadRegStr $R0 HKLM "${UNINSTKEY}" "InstallLocation"
  ${If} $R0 == $INSTDIR
    SetShellVarContext all
  ${Else}
    SetShellVarContext current
  ${EndIf}
FunctionEnd

Section "Uninstall"
  ; Only what the installer put there. Reports live in the user's own
  ; folders (文档 etc.) and are never removed.
  Delete "$INSTDIR\nianbao.exe"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\使用说明.html"
  Delete "$INSTDIR\licenses\LICENSE-OFL.txt"
  Delete "$INSTDIR\licenses\LICENSE-FandolFang.txt"
  Delete "$INSTDIR\licenses\THIRD_PARTY_LICENSES.txt"
  RMDir "$INSTDIR\licenses"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"

  ; Remove the association only where it is still ours.
  ReadRegStr $R0 SHCTX "Software\Classes\.nianbao" ""
  ${If} $R0 == "${PROGID}"
    DeleteRegValue SHCTX "Software\Classes\.nianbao" ""
    DeleteRegValue SHCTX "Software\Classes\.nianbao" "Content Type"
  ${EndIf}
  DeleteRegValue SHCTX "Software\Classes\.nianbao\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty SHCTX "Software\Classes\.nianbao\OpenWithProgids"
  DeleteRegKey /ifempty SHCTX "Software\Classes\.nianbao"
  DeleteRegKey SHCTX "Software\Classes\${PROGID}"
  DeleteRegKey SHCTX "Software\Classes\Applications\nianbao.exe"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  DeleteRegKey SHCTX "${UNINSTKEY}"
SectionEnd
