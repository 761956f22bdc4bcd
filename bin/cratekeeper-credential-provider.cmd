@echo off
rem Cratekeeper's cargo credential provider, for a development checkout on Windows.
rem cargo runs this file itself with --cargo-plugin; it runs the provider with
rem the checkout's Node 24: the bundle from `npm run build:provider` when it is
rem there (a fast start; rebuild it after changing the provider), else the
rem sources through tsx, so a fresh clone works without a build step.
rem Installed apps ship a single executable instead.
setlocal
set "ROOT=%~dp0.."
set "NODE=%ROOT%\node_modules\node\bin\node.exe"
if not exist "%NODE%" set "NODE=%ROOT%\node_modules\.bin\node.exe"
if not exist "%NODE%" set "NODE=node"
set "BUNDLE=%ROOT%\out\provider\cratekeeper-credential-provider.cjs"
if exist "%BUNDLE%" goto bundle
"%NODE%" "%ROOT%\node_modules\tsx\dist\cli.mjs" "%ROOT%\electron\credential-provider\main.ts" %*
exit /b %ERRORLEVEL%
:bundle
"%NODE%" "%BUNDLE%" %*
exit /b %ERRORLEVEL%
