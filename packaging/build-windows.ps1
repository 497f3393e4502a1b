# Build the Windows bundle dist\petitions-caseworker\ with PyInstaller, from the checkout:
#
#   powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1
#
# Needs Python 3.11 or later (python.org installer, "py" launcher). Like scripts/build_bundle.sh
# on Linux, it installs the project (not editable) and PyInstaller into a separate environment,
# .venv-bundle, and builds packaging\petitions-caseworker.spec. The folder then holds
# petitions-caseworker.exe (the window) and petitions-caseworker-cli.exe (the commands, e.g.
# `petitions-caseworker-cli.exe brief 700143 -o pack.pdf`); zip the folder to hand it out.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

function Invoke-Checked {
    & $args[0] $args[1..($args.Length - 1)]
    if ($LASTEXITCODE -ne 0) { throw "failed ($LASTEXITCODE): $args" }
}

if (-not (Test-Path .venv-bundle\Scripts\python.exe)) {
    Invoke-Checked py -3 -m venv .venv-bundle
    Invoke-Checked .venv-bundle\Scripts\python.exe -m pip install --quiet --upgrade pip
}
$python = ".venv-bundle\Scripts\python.exe"
Invoke-Checked $python -m pip install --quiet "pyinstaller>=6.10,<7"
Invoke-Checked $python -m pip install --quiet ".[postgres]"
Invoke-Checked $python -m pip install --quiet --force-reinstall --no-deps .

if (Test-Path build\pyinstaller) { Remove-Item -Recurse -Force build\pyinstaller }
if (Test-Path dist\petitions-caseworker) { Remove-Item -Recurse -Force dist\petitions-caseworker }
Invoke-Checked .venv-bundle\Scripts\pyinstaller.exe --noconfirm --log-level WARN `
    --distpath dist --workpath build\pyinstaller packaging\petitions-caseworker.spec

# Smoke test: the commands write a pack from demo data in a fresh folder.
$work = Join-Path $env:TEMP ("caseworker-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory $work | Out-Null
$cli = Resolve-Path dist\petitions-caseworker\petitions-caseworker-cli.exe
$db = Join-Path $work "smoke.sqlite3"
Invoke-Checked $cli --db $db demo --petitions 300
$petition = (& $cli --db $db list --format json | ConvertFrom-Json)[0].id
Invoke-Checked $cli --db $db brief $petition -o (Join-Path $work "pack.pdf")
Remove-Item -Recurse -Force $work

$bytes = (Get-ChildItem -Recurse dist\petitions-caseworker | Measure-Object -Sum Length).Sum
"built dist\petitions-caseworker\ ({0:N0} MB)" -f ($bytes / 1MB)
