#!/usr/bin/env bash
# A repository client's metadata reads over HTTP, as dnf makes them: repodata/repomd.xml, then
# every file it names, each checked against the checksum repomd.xml gives for it (curl, xmllint,
# sha256sum). One line per round:
#   round <sha256 of repomd.xml> ok <files>
#   round <sha256 of repomd.xml> MIXED <href>: <why>
# Usage: metadata-reader.sh BASE-URL loop|held
#   loop: rounds until it is stopped (SIGTERM).
#   held: one round that prints "held <sha256>" once it has repomd.xml and waits for a line on
#         stdin before it reads the files named there: a test switches the channel in between.
set -uo pipefail
base=${1%/}/
mode=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
trap 'exit 0' TERM

round() {
  local repomd="$work/repomd.xml" id href want got
  if ! curl -fsS -o "$repomd" "${base}repodata/repomd.xml" 2>"$work/err"; then
    echo "round - MIXED repodata/repomd.xml: $(tr '\n' ' ' <"$work/err")"
    return
  fi
  id=$(sha256sum "$repomd" | cut -d' ' -f1)
  if [ "$mode" = held ]; then
    echo "held $id"
    read -r _
  fi
  local hrefs
  hrefs=$(xmllint --xpath '//*[local-name()="data"]/*[local-name()="location"]/@href' "$repomd" |
    sed -n 's/^ *href="\([^"]*\)".*/\1/p')
  local count=0
  for href in $hrefs; do
    want=$(xmllint --xpath "string(//*[local-name()='data'][*[local-name()='location']/@href='$href']/*[local-name()='checksum'])" "$repomd")
    if ! curl -fsS -o "$work/file" "${base}${href}" 2>"$work/err"; then
      echo "round $id MIXED $href: $(tr '\n' ' ' <"$work/err")"
      return
    fi
    got=$(sha256sum "$work/file" | cut -d' ' -f1)
    if [ "$got" != "$want" ]; then
      echo "round $id MIXED $href: sha256 $got, repomd.xml says $want"
      return
    fi
    count=$((count + 1))
  done
  if [ "$count" -eq 0 ]; then
    echo "round $id MIXED repodata/repomd.xml: names no files"
    return
  fi
  echo "round $id ok $count"
}

if [ "$mode" = held ]; then
  round
else
  while :; do round; done
fi
