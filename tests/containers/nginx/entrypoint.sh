#!/bin/sh
# The official nginx image's entrypoint, as far as compose relies on it: when the command is
# nginx, every file in /docker-entrypoint.d/ is run in order first, *.envsh sourced (so its
# exports reach the scripts after it) and *.sh executed, each only if executable. The image
# ships the two of the official scripts that matter here (entrypoint.d/ beside this file).
set -e
if [ "$1" = nginx ] || [ "$1" = nginx-debug ]; then
    find /docker-entrypoint.d/ -follow -type f -print | sort -V | while read -r f; do
        case "$f" in
            *.envsh)
                if [ -x "$f" ]; then echo "$0: Sourcing $f"; . "$f";
                else echo "$0: Ignoring $f, not executable"; fi ;;
            *.sh)
                if [ -x "$f" ]; then echo "$0: Launching $f"; "$f";
                else echo "$0: Ignoring $f, not executable"; fi ;;
            *) echo "$0: Ignoring $f" ;;
        esac
    done
fi
exec "$@"
