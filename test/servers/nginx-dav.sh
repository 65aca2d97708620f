#!/bin/sh
# A private nginx with dav_methods on 127.0.0.1:$PORT for the runner's integration tests. Everything lives
# under $BASE; the system service and /etc/nginx are never touched.
#   PORT=18081 BASE=/tmp/x test/servers/nginx-dav.sh start|stop
# nginx's DAV module ignores If-Match / If-None-Match on PUT and DELETE: the tests document that.
# Exit 2 when nginx is not installed (apt-get install -y nginx-light).
set -eu
: "${BASE:?set BASE to a private directory}"
PORT=${PORT:-18081}
N=$BASE/nginx; W=$BASE/nginx-www

stop() {
  [ -s "$N/nginx.pid" ] || exit 0
  PID=$(cat "$N/nginx.pid")
  kill -QUIT "$PID" 2>/dev/null || true   # graceful: the master stops its workers
  for _ in $(seq 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$PID" 2>/dev/null; then echo "nginx $PID still running" >&2; exit 1; fi
  rm -f "$N/nginx.pid"
}

start() {
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { echo "nginx is not installed: apt-get install -y nginx-light" >&2; exit 2; }
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
  mkdir -p "$N/tmp" "$W/dav"
  chmod 755 "$BASE"
  USERLINE=""
  if [ "$(id -u)" = 0 ]; then USERLINE="user www-data www-data;"; chown -R www-data:www-data "$W" "$N/tmp"; fi
  cat > "$BASE/nginx.conf" <<CONF
$USERLINE
worker_processes 1;
pid $N/nginx.pid;
error_log $N/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $N/tmp/body; proxy_temp_path $N/tmp/proxy; fastcgi_temp_path $N/tmp/fcgi;
  uwsgi_temp_path $N/tmp/uwsgi; scgi_temp_path $N/tmp/scgi;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$PORT;
    root $W;
    location = /healthz { return 204; }
    location /dav/ { dav_methods PUT DELETE; create_full_put_path on; dav_access user:rw all:r; }
  }
}
CONF
  "$NGINX" -q -t -p "$N" -c "$BASE/nginx.conf"
  "$NGINX" -p "$N" -c "$BASE/nginx.conf"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: PORT=N BASE=DIR $0 start|stop" >&2; exit 64 ;;
esac
