#!/usr/bin/env bash
# Build-loop cost of the code generation, as ratios measured in one run:
#   1. a no-op `dotnet build` of the SDK project, against the same build with the Kiota step
#      switched off (-p:KiotaGenerationEnabled=false);
#   2. the build after a spec edit, against the build after an edit of a hand-written C# file.
#
# It measures a fresh copy of the committed tree (git archive HEAD) in a temporary folder, so the
# working tree is never touched. Uses hyperfine when it is installed (apt-get install hyperfine),
# otherwise a bash loop that alternates the two commands of a pair; either way the median of
# several runs is reported.
#
# Usage: scripts/measure-build-loop.sh [no-op runs (default 10)] [edit runs (default 5)]
#        BUILD_LOOP_NO_HYPERFINE=1 forces the bash loop.
set -euo pipefail

noop_runs=${1:-10}
edit_runs=${2:-5}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/contactssdk-build-loop.XXXXXX")
trap 'rm -rf "$work"' EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 KIOTA_OFFLINE_ENABLED=true KIOTA_CLI_TELEMETRY_OPTOUT=true

echo "Copying HEAD ($(git -C "$repo" rev-parse --short HEAD)) to $work/repo" >&2
mkdir -p "$work/repo"
git -C "$repo" archive HEAD | tar -x -C "$work/repo"
cd "$work/repo"

project=sdk/ContactsSdk/ContactsSdk.csproj
spec=spec/contacts.yaml
csharp=sdk/ContactsSdk/ContactsClient.cs
build="dotnet build $project -nologo -v:q"

echo "First build of the copy (restore, Kiota tool, both target frameworks)..." >&2
$build >/dev/null
$build -p:KiotaGenerationEnabled=false >/dev/null

# Edits that change content every time they run: the spec edit rewrites a description (Kiota
# regenerates, the status generator reruns, the SDK recompiles); the C# edit rewrites a comment.
cat >"$work/edit-spec.sh" <<'SH'
#!/usr/bin/env bash
set -e
# The status route's operationID description: Kiota writes it into the generated request builder.
sed -i -E "s/^(          description: ID of the operation to check, as returned by the contact delete call\.)( \(build-loop [0-9]+\))?$/\1 (build-loop $(date +%s%N))/" spec/contacts.yaml
SH
cat >"$work/edit-csharp.sh" <<'SH'
#!/usr/bin/env bash
set -e
f=sdk/ContactsSdk/ContactsClient.cs
sed -i '/^\/\/ build-loop /d' "$f"
echo "// build-loop $(date +%s%N)" >>"$f"
SH
chmod +x "$work/edit-spec.sh" "$work/edit-csharp.sh"
grep -q '^          description: ID of the operation to check, as returned by the contact delete call\.$' "$spec" \
  || { echo "The spec line the edit rewrites is gone: update edit-spec.sh in this script." >&2; exit 1; }

use_hyperfine() { [ -z "${BUILD_LOOP_NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null; }

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# measure NAME RUNS LABEL_A PREPARE_A COMMAND_A LABEL_B PREPARE_B COMMAND_B -> prints "median_a median_b" in seconds
measure() {
  local name=$1 runs=$2 label_a=$3 prep_a=$4 cmd_a=$5 label_b=$6 prep_b=$7 cmd_b=$8
  if use_hyperfine; then
    local csv="$work/$name.csv"
    local args=(--warmup 1 --runs "$runs" --style basic --export-csv "$csv" -n "$label_a" -n "$label_b")
    if [ -n "$prep_a$prep_b" ]; then
      hyperfine "${args[@]}" --prepare "${prep_a:-true}" --prepare "${prep_b:-true}" "$cmd_a" "$cmd_b" >&2
    else
      hyperfine "${args[@]}" "$cmd_a" "$cmd_b" >&2
    fi
    awk -F, 'NR > 1 { printf "%s ", $4 } END { print "" }' "$csv"
  else
    local a=() b=() i t0
    for ((i = 0; i <= runs; i++)); do  # run 0 is the warm-up
      [ -n "$prep_a" ] && bash -c "$prep_a"
      t0=$(date +%s%N); bash -c "$cmd_a" >/dev/null; ((i > 0)) && a+=($(( $(date +%s%N) - t0 )))
      [ -n "$prep_b" ] && bash -c "$prep_b"
      t0=$(date +%s%N); bash -c "$cmd_b" >/dev/null; ((i > 0)) && b+=($(( $(date +%s%N) - t0 )))
    done
    echo "$(printf '%s\n' "${a[@]}" | median | awk '{ print $1 / 1e9 }') $(printf '%s\n' "${b[@]}" | median | awk '{ print $1 / 1e9 }')"
  fi
}

echo "No-op builds ($noop_runs runs each)..." >&2
read -r noop_on noop_off < <(measure noop "$noop_runs" "no-op build" "" "$build" "no-op build (Kiota step off)" "" "$build -p:KiotaGenerationEnabled=false")

echo "Builds after an edit ($edit_runs runs each)..." >&2
read -r spec_edit csharp_edit < <(measure edit "$edit_runs" "build after a spec edit" "$work/edit-spec.sh" "$build" "build after a C# edit" "$work/edit-csharp.sh" "$build")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
secs() { awk -v a="$1" 'BEGIN { printf "%.2f s", a }'; }

cat <<MD

| build of $project | median | baseline | baseline median | ratio |
| --- | ---: | --- | ---: | ---: |
| no-op \`dotnet build\` | $(secs "$noop_on") | same, -p:KiotaGenerationEnabled=false | $(secs "$noop_off") | $(ratio "$noop_on" "$noop_off") |
| after a spec edit (Kiota + status generator + compile) | $(secs "$spec_edit") | after a C# edit (compile) | $(secs "$csharp_edit") | $(ratio "$spec_edit" "$csharp_edit") |
| after a spec edit | $(secs "$spec_edit") | no-op build | $(secs "$noop_on") | $(ratio "$spec_edit" "$noop_on") |

Measured with $(use_hyperfine && hyperfine --version || echo "a bash loop (date +%s%N)"), $noop_runs no-op and $edit_runs edit runs per command, on $(nproc) cores.
MD
