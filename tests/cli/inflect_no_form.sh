#!/usr/bin/env bash
# `kurdi inflect` keeps one output line per input line; a line with no form stays empty and standard
# error says how many had none (it was silent before), and the exit status stays 0.
# usage: inflect_no_form.sh KURDI
set -u
KURDI=${1:?usage: inflect_no_form.sh KURDI}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'کتێب\tN;DEF;PL\nکتێب\tN;NOSUCHTAG\nکتێب N;DEF\n' | "$KURDI" inflect > "$tmp/out" 2> "$tmp/err" || { echo "FAIL: exit $?"; exit 1; }
fail=0
[ "$(sed -n 1p "$tmp/out")" = "کتێبەکان" ] || { echo "FAIL: line 1: $(sed -n 1p "$tmp/out")"; fail=1; }
[ "$(wc -l < "$tmp/out")" = 3 ] && [ -z "$(sed -n 2p "$tmp/out")" ] && [ -z "$(sed -n 3p "$tmp/out")" ] ||
  { echo "FAIL: expected 3 lines, the last two empty"; cat "$tmp/out"; fail=1; }
grep -q "no form for 1 of 2 line" "$tmp/err" || { echo "FAIL: no count of lines without a form: $(cat "$tmp/err")"; fail=1; }
grep -q "1 line(s) without a TAB" "$tmp/err" || { echo "FAIL: no note of the line without a TAB"; fail=1; }
"$KURDI" inflect کتێب 'N;NOSUCHTAG' > /dev/null 2> "$tmp/err1" || { echo "FAIL: positional exit $?"; fail=1; }
grep -q "no form of کتێب" "$tmp/err1" || { echo "FAIL: positional form: no message"; fail=1; }
[ $fail = 0 ] && echo "inflect_no_form: ok"
exit $fail
