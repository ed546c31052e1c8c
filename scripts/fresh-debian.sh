#!/usr/bin/env bash
# Runs one of the README's two commands on a pristine Debian 12 (bookworm) root, as a newcomer's
# machine would be: the minimal base system plus git and make, and a clone of this repository with
# nothing beside it. A package that happens to be installed on the developer's machine then cannot
# hide a missing install step, and a test that reads outside the repository fails.
#
# Usage (as root, from anywhere in the repository):
#   scripts/fresh-debian.sh test    # `make test` in the fresh root; exit status is make's
#   scripts/fresh-debian.sh run     # `make run`, until /fr/wiki/Éléphant answers 200, then stops it
#
# What is tested is the committed HEAD (a `git clone`), not the working tree. The base root is made
# once with debootstrap and kept as a tarball in $FRESH_DEBIAN_DIR (default
# /var/tmp/kidwiki-fresh-debian); each run unpacks a new copy. Needs network access to a Debian
# mirror and the npm registry, and a few GB of disk. The log of the run is $FRESH_DEBIAN_DIR/run.log.
set -euo pipefail

what=${1:-}
case "$what" in
  test | run) ;;
  *) echo "usage: $0 test|run" >&2; exit 2 ;;
esac
[ "$(id -u)" -eq 0 ] || { echo "$0: run as root (debootstrap and chroot need it)" >&2; exit 1; }

repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
dir=${FRESH_DEBIAN_DIR:-/var/tmp/kidwiki-fresh-debian}
base=$dir/bookworm-minbase.tar
root=$dir/root
log=$dir/run.log
run_url='http://127.0.0.1:8080/fr/wiki/%C3%89l%C3%A9phant'
mkdir -p "$dir"

# The Debian mirror this machine uses, so that the fresh root installs from the same place.
mirror() {
  local m=""
  [ -f /etc/apt/sources.list.d/debian.sources ] &&
    m=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources)
  [ -n "$m" ] || m=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
  echo "${m:-http://deb.debian.org/debian}"
}

make_base() {
  command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
  local staging=$dir/staging
  rm -rf "$staging"
  echo "fresh-debian: building a bookworm minbase root (once; cached in $base)"
  if ! debootstrap --variant=minbase --include=git,make bookworm "$staging" "$(mirror)" \
    >"$dir/debootstrap.log" 2>&1; then
    tail -n 20 "$dir/debootstrap.log" >&2
    exit 1
  fi
  # Same apt sources as this machine (a local mirror, a proxy's address).
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    cp /etc/apt/sources.list.d/debian.sources "$staging/etc/apt/sources.list.d/"
    rm -f "$staging/etc/apt/sources.list"
  fi
  tar -C "$staging" -cf "$base" . && rm -rf "$staging"
}

unmount_all() {
  local m
  for m in proc sys dev; do umount -R "$root/$m" 2>/dev/null || true; done
}

# Stops every process whose root directory is the fresh root (the server of `make run`).
stop_processes() {
  local p signal
  for signal in TERM KILL; do
    for p in /proc/[0-9]*; do
      [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill -s "$signal" "${p#/proc/}" 2>/dev/null
    done
    sleep 1
  done
  return 0
}

cleanup() {
  stop_processes
  unmount_all
}

command -v curl >/dev/null || apt-get install -y -qq curl >/dev/null
[ -f "$base" ] || make_base
unmount_all
rm -rf "$root" && mkdir -p "$root" && tar -C "$root" -xf "$base"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# A network whose traffic is inspected has its own certificate authority: trust it as this machine
# does (it is not part of what is tested; without it apt and npm could not reach anything here).
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
fi
git clone -q "$repo" "$root/project"
echo "fresh-debian: testing commit $(git -C "$root/project" rev-parse --short HEAD) with 'make $what'"

mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"
trap cleanup EXIT

in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    TERM=dumb LANG=C.UTF-8 NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt "$@"
}

SECONDS=0
if [ "$what" = test ]; then
  set +e
  in_root bash -c 'cd /project && make test' >"$log" 2>&1
  rc=$?
  set -e
  tail -n 30 "$log"
  echo "fresh-debian: 'make test' exited $rc after ${SECONDS}s (log: $log)"
  exit $rc
fi

if curl -s -o /dev/null "http://127.0.0.1:8080/"; then
  echo "fresh-debian: something already answers on port 8080; stop it first" >&2
  exit 1
fi
in_root bash -c 'cd /project && make run' >"$log" 2>&1 &
make_pid=$!
status=000
# The first run installs packages and builds everything: allow an hour on a slow machine.
while [ $SECONDS -lt 3600 ] && kill -0 "$make_pid" 2>/dev/null; do
  status=$(curl -s -o "$dir/page.html" -w '%{http_code}' "$run_url" || true)
  [ "$status" = 200 ] && break
  sleep 5
done
tail -n 15 "$log"
if [ "$status" = 200 ] && grep -q 'léphant' "$dir/page.html"; then
  echo "fresh-debian: 'make run' served $run_url after ${SECONDS}s (log: $log)"
  exit 0
fi
echo "fresh-debian: 'make run' did not serve $run_url (last status $status) after ${SECONDS}s" >&2
exit 1
