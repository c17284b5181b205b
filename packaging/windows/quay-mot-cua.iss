; Inno Setup 6 script for the Windows installer of Quầy Một cửa (docs/windows.md §8).
; A starting point: NOT compiled or run in this project's CI (Debian); check it on the Windows build VM.
; Saved as UTF-8 with a BOM (Vietnamese names).
;
; Build, after `pyinstaller packaging\counter-app.spec` and signing the two executables:
;   ISCC /DAppVersion=0.1.0 packaging\windows\quay-mot-cua.iss
; Optional: put SumatraPDF.exe (portable) and TWAINDSM.dll (64-bit) in packaging\windows\third_party\.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define SourceDir "..\..\dist\counter-app"

[Setup]
; Never change AppId: upgrades find the installed copy by it.
AppId={{AA83D209-8169-4F2F-9385-7E3366EE207F}
AppName=Quầy Một cửa
AppVersion={#AppVersion}
AppVerName=Quầy Một cửa {#AppVersion}
DefaultDirName={autopf}\QuayMotCua
DefaultGroupName=Quầy Một cửa
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
OutputDir=..\..\dist
OutputBaseFilename=QuayMotCua-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Updates are installed by IT outside reception hours; a running app is closed first, never killed mid-operation
; silently: the officer is asked (Restart Manager).
CloseApplications=yes
RestartApplications=no
UninstallDisplayIcon={app}\QuayMotCua.exe
; Sign the installer and uninstaller with the same certificate as the executables:
; define the "signtool" sign tool in the Inno Setup IDE (Tools > Configure Sign Tools), then uncomment.
;SignTool=signtool
;SignedUninstaller=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; A one-folder bundle: remove the previous build's libraries so nothing stale is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; SumatraPDF next to the executables: resources/brand/forms.toml [windows] sumatra = "SumatraPDF.exe".
Source: "third_party\SumatraPDF.exe"; DestDir: "{app}"; Flags: ignoreversion skipifsourcedoesntexist
; The TWAIN Data Source Manager 2.x (64-bit) that pytwain loads as twaindsm.dll, if the scanners need it.
Source: "third_party\TWAINDSM.dll"; DestDir: "{app}"; Flags: ignoreversion skipifsourcedoesntexist

[Icons]
Name: "{group}\Quầy Một cửa"; Filename: "{app}\QuayMotCua.exe"
Name: "{autodesktop}\Quầy Một cửa"; Filename: "{app}\QuayMotCua.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\QuayMotCua.exe"; Description: "{cm:LaunchProgram,Quầy Một cửa}"; Flags: nowait postinstall skipifsilent unchecked

; No [UninstallDelete]: the data, config and logs in %LOCALAPPDATA%\quay-mot-cua are never removed
; (unsynced dossiers may be there).
