#!/bin/sh
# The official redis image's entrypoint, as far as compose relies on it: options alone mean
# redis-server; the server runs as the redis user; and protected mode is off (the official
# image builds it off, Debian's binary has it on, which refuses other containers when no
# configuration file is given).
set -e
if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then
    set -- redis-server "$@"
fi
if [ "$1" = redis-server ] && [ "$(id -u)" = 0 ]; then
    find . \! -user redis -exec chown redis '{}' +
    exec setpriv --reuid=redis --regid=redis --init-groups "$0" "$@"
fi
if [ "$1" = redis-server ]; then
    case " $* " in
        *protected-mode*|*.conf\ *) ;;
        *) set -- "$@" --protected-mode no ;;
    esac
fi
exec "$@"
