#!/usr/bin/env bash
# One notice's registry as JSON for ../shared/tools/score-extraction: a notice
# that yields no task scores as an empty registry (nothing found), not as a crash.
out=$(node bin/safety-tasks.js extract "$1" --format json 2>/dev/null)
if [ -n "$out" ]; then printf '%s\n' "$out"; else echo '{"tasks": []}'; fi
