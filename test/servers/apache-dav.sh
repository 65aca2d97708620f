#!/bin/sh
# A private Apache httpd with mod_dav on 127.0.0.1:$PORT for the runner's integration tests. Everything
# (config, pidfile, logs, documents) lives under $BASE; the system service and /etc/apache2 are never touched.
#   PORT=18080 BASE=/tmp/x test/servers/apache-dav.sh start|stop
# /dav/ accepts GET/HEAD/PUT/DELETE and evaluates If-Match / If-None-Match / If-Unmodified-Since;
# /davgz/ is the same with mod_deflate (ETag gets a -gzip suffix: Apache bug 45023).
# Exit 2 when apache2 is not installed (apt-get install -y apache2).
set -eu
: "${BASE:?set BASE to a private directory}"
PORT=${PORT:-18080}
A=$BASE/apache; W=$BASE/www; M=/usr/lib/apache2/modules; BIN=/usr/sbin/apache2

stop() {
  [ -s "$A/httpd.pid" ] || exit 0
  PID=$(cat "$A/httpd.pid")
  kill -TERM "$PID" 2>/dev/null || true   # the parent stops its own children
  for _ in $(seq 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$PID" 2>/dev/null; then echo "apache $PID still running" >&2; exit 1; fi
  rm -f "$A/httpd.pid"
}

start() {
  [ -x "$BIN" ] && [ -d "$M" ] || { echo "apache2 is not installed: apt-get install -y apache2" >&2; exit 2; }
  mkdir -p "$A/run" "$W/dav" "$W/davgz"
  chmod 755 "$BASE"
  USERLINE=""
  if [ "$(id -u)" = 0 ]; then # apache refuses to serve as root: its children run as www-data
    USERLINE="User www-data
Group www-data"
    chown -R www-data:www-data "$W" "$A/run"
  fi
  cat > "$BASE/httpd.conf" <<CONF
ServerRoot "$A"
ServerName 127.0.0.1
Listen 127.0.0.1:$PORT
PidFile "$A/httpd.pid"
ErrorLog "$A/error.log"
LogLevel warn
DefaultRuntimeDir "$A/run"
$USERLINE
LoadModule mpm_event_module $M/mod_mpm_event.so
LoadModule authn_core_module $M/mod_authn_core.so
LoadModule authz_core_module $M/mod_authz_core.so
LoadModule mime_module $M/mod_mime.so
LoadModule filter_module $M/mod_filter.so
LoadModule deflate_module $M/mod_deflate.so
LoadModule dav_module $M/mod_dav.so
LoadModule dav_fs_module $M/mod_dav_fs.so
StartServers 1
ServerLimit 1
ThreadsPerChild 25
MaxRequestWorkers 25
MinSpareThreads 1
MaxSpareThreads 26
KeepAlive On
MaxKeepAliveRequests 0
TypesConfig /etc/mime.types
FileETag MTime Size
DAVLockDB "$A/run/davlock"
DocumentRoot "$W"
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory "$W">
  Options None
  Require all granted
</Directory>
<Directory "$W/dav">
  Dav On
</Directory>
<Directory "$W/davgz">
  Dav On
  SetOutputFilter DEFLATE
</Directory>
CONF
  "$BIN" -f "$BASE/httpd.conf" -t >/dev/null 2>&1 || { "$BIN" -f "$BASE/httpd.conf" -t; exit 1; }
  "$BIN" -f "$BASE/httpd.conf" -k start
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: PORT=N BASE=DIR $0 start|stop" >&2; exit 64 ;;
esac
