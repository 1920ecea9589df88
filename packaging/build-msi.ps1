# Builds dist\glpi-agent-<version>-x64.msi on a Windows build machine (see packaging/README.md):
#   a JDK 21+ (JAVA_HOME), Maven, and WiX v5:  dotnet tool install -g wix --version 5.*
#   wix extension add -g WixToolset.Util.wixext/5.0.2 ; wix extension add -g WixToolset.Firewall.wixext/5.0.2
# Usage: powershell -ExecutionPolicy Bypass -File packaging\build-msi.ps1 [-Out dist]
param([string]$Out = "dist", [string]$Jdk = $env:JAVA_HOME)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
if (-not $Jdk -or -not (Test-Path "$Jdk\bin\jlink.exe")) { throw "build-msi: set JAVA_HOME to a JDK 21+ with jlink" }

mvn -B -q -DskipTests package
if ($LASTEXITCODE -ne 0) { throw "build-msi: the Maven build failed" }

$stage = "packaging\target\msi"
if (Test-Path $stage) { Remove-Item -Recurse -Force $stage }
New-Item -ItemType Directory -Force "$stage\lib", "$stage\etc\conf.d", $Out | Out-Null
# the same runtime as the Linux packages': the modules the agent uses
& "$Jdk\bin\jlink.exe" --add-modules java.base,java.management,java.naming,jdk.httpserver,jdk.unsupported,jdk.crypto.ec `
  --strip-debug --no-header-files --no-man-pages --compress=zip-9 --output "$stage\runtime"
if ($LASTEXITCODE -ne 0) { throw "build-msi: jlink failed" }
Copy-Item agent-cli\target\glpi-agent.jar "$stage\lib\"
Copy-Item packaging\etc\agent.cfg "$stage\etc\"

# MSI versions are numbers only: 0.1.0-SNAPSHOT is built as 0.1.0
$version = (& "$stage\runtime\bin\java.exe" -jar "$stage\lib\glpi-agent.jar" --version) -replace '^[^0-9]*', '' -replace '-.*', ''
# the mapping of msiexec properties to agent options is checked before packaging, as the installer will run it
& "$stage\runtime\bin\java.exe" -jar "$stage\lib\glpi-agent.jar" msi-config --output "$stage\check.cfg" SERVER=https://glpi.example.com/ TAG=build
if ($LASTEXITCODE -ne 0) { throw "build-msi: msi-config does not run" }
Remove-Item "$stage\check.cfg"

wix build -arch x64 -ext WixToolset.Util.wixext -ext WixToolset.Firewall.wixext -d "Version=$version" `
  -b $stage packaging\windows\glpi-agent.wxs -o "$Out\glpi-agent-$version-x64.msi"
if ($LASTEXITCODE -ne 0) { throw "build-msi: wix build failed" }
Write-Output "$Out\glpi-agent-$version-x64.msi"
