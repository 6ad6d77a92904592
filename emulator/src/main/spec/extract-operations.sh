#!/bin/sh
# Regenerates console-operations.json: for every Console API operation tools.json names, the
# spec's summary, description, path/query parameters and whether it takes a JSON body. Run it
# from the repo root when the spec or tools.json changes:
#   emulator/src/main/spec/extract-operations.sh [path/to/console-api-openapi.json]
set -eu
spec="${1:-../shared/statsig/console-api-openapi.json}"
res="$(dirname "$0")/../resources/dev/statsigjdbc/emulator/mcp"
jq --slurpfile tools "$res/tools.json" '
  . as $spec
  | [$tools[0].tools[].operation | select(. != null and test("^[A-Z]+ /console/"))]
  | unique
  | map(split(" ") as [$method, $path]
        | $spec.paths[$path][$method | ascii_downcase] as $op
        | {key: ., value: {
            summary: $op.summary,
            description: $op.description,
            parameters: [($op.parameters // [])[] | select(.in == "path" or .in == "query")
                         | {name, in, required: (.required // false), description, schema}],
            body: ($op.requestBody != null)}})
  | from_entries' "$spec" > "$res/console-operations.json"
