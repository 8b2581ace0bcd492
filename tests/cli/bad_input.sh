#!/usr/bin/env bash
# Every line-based subcommand, fed invalid UTF-8, NUL bytes, an empty line and a line without a
# final newline: exits 0 and writes valid UTF-8 (bad sequences become U+FFFD, the default policy),
# one output line per input line where the command is line-preserving; with --strict it exits 1.
# usage: bad_input.sh KURDI
set -u
KURDI=${1:?usage: bad_input.sh KURDI}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'کوردستان \xff\xfe وڵات\n\n\xd9\n\x00ئەو\x00 شار\n\xc3(\xed\xa0\x80 بەغدا' > "$tmp/in"
fail=0
while IFS='|' read -r lines args; do
  [ -z "$args" ] && continue
  "$KURDI" "${args%% *}" --help > /dev/null 2>&1 || continue  # a build without this stage
  # shellcheck disable=SC2086
  if ! "$KURDI" $args < "$tmp/in" > "$tmp/out" 2> "$tmp/err"; then
    echo "FAIL: kurdi $args exited $?: $(head -c 300 "$tmp/err")"; fail=1; continue
  fi
  if ! iconv -f UTF-8 -t UTF-8 < "$tmp/out" > /dev/null 2>&1; then
    echo "FAIL: kurdi $args wrote invalid UTF-8:"; od -c "$tmp/out" | head -5; fail=1
  fi
  # 5 input lines, the last without a newline: 4 newlines out, and text after the last one
  if [ "$lines" = 5 ] && { [ "$(wc -l < "$tmp/out")" != 4 ] || [ "$(tail -c 1 "$tmp/out" | od -An -c | tr -d ' ')" = '\n' ]; }; then
    echo "FAIL: kurdi $args did not write 5 lines (the last unterminated) for 5"; fail=1
  fi
  # shellcheck disable=SC2086
  "$KURDI" $args --strict < "$tmp/in" > /dev/null 2>&1
  rc=$?
  if [ "$rc" != 1 ]; then echo "FAIL: kurdi $args --strict exited $rc, expected 1"; fail=1; fi
done <<'CASES'
5|normalize
5|normalize --repair
5|decode --from auto
5|decode --from alik
5|tokenize
5|lemmatize
5|stem
5|translit --to latin
5|translit --to arabic
5|g2p
5|detect
5|numbers --to words
5|verbalize
x|sentences
x|analyze
x|spell --text
x|spell
x|tokenize --format jsonl
x|tokenize --format conllu
x|translit --to latin --format jsonl
x|detect --document
x|sentences --wrapped
CASES
exit $fail
