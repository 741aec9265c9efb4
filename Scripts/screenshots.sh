#!/usr/bin/env bash
# Drives headless Chromium through the review workspace of `omniscore demo`: dashboard, an interaction page, the
# review queue and an agent page. Checks the rendered DOM for expected content and saves screenshots under
# docs/screenshots/. Needs chromium (apt-get install chromium). Exits non-zero when a page lacks its content.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${OMNISCORE_BIN:-.build/debug/omniscore}
DIR=${TMPDIR:-/tmp}/omniscore-screenshots
PORT=8091
PGPORT=54341
URL="postgresql:///omniscore?host=$DIR/socket&port=$PGPORT&user=postgres"
CHROMIUM=$(command -v chromium || command -v chromium-browser || command -v google-chrome)

"$BIN" demo --fresh --data-dir "$DIR" --port "$PGPORT" --http-port "$PORT" > "$DIR.log" 2>&1 &
DEMO=$!
trap 'kill -INT $DEMO 2>/dev/null || true; wait $DEMO 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && break
    sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/health" > /dev/null

INTERACTION=$(psql "$URL" -Atc "SELECT interaction_id FROM omniscore.scores s WHERE agent_id = 'agt-105' AND EXISTS (SELECT 1 FROM omniscore.criterion_results c WHERE c.interaction_id = s.interaction_id AND c.verdict = 'fail') ORDER BY 1 LIMIT 1")

shoot() {  # name user path expected-text
    local link
    link=$("$BIN" users link --database-url "$URL" --name "$2" --base "http://127.0.0.1:$PORT" --next "$3")
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1400 --screenshot="docs/screenshots/$1.png" "$link" > /dev/null 2>&1
    link=$("$BIN" users link --database-url "$URL" --name "$2" --base "http://127.0.0.1:$PORT" --next "$3")
    if ! "$CHROMIUM" --headless --no-sandbox --disable-gpu --dump-dom "$link" 2> /dev/null | grep -q "$4"; then
        echo "page $3 as $2 lacks \"$4\"" >&2
        exit 1
    fi
    echo "docs/screenshots/$1.png: $3 as $2 shows \"$4\""
}

shoot dashboard demo-qa-lead / "Criteria that fail most"
shoot interaction demo-qa-lead "/interactions/$INTERACTION" "<mark class"
shoot review-queue demo-qa-lead /review "control"
shoot agent demo-agent-105 /agents/agt-105 "Recent scores"
shoot interactions demo-trainer "/interactions?channel=chat" "Next page\|chat"
