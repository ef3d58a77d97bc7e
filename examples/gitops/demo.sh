#!/usr/bin/env bash
# The pipeline (pipeline.sh) against a fresh local emulator, start to finish:
#   plan (exit 2, saved) → apply the saved plan → drift check (0) → someone edits a connection by hand (through
#   the emulator's API) → drift check (2) → plan + apply correct it → drift check (0) → destroy.
# TOOL=terraform (default) runs examples/hcl with Terraform; TOOL=vaultbridge runs examples/basic (the CDKTF app)
# with the embedded engine. Everything happens in a temporary folder, removed at the end; exits non-zero on any
# unexpected result.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
export TOOL=${TOOL:-terraform}
export VAULTBRIDGE="node $repo/bin/vaultbridge.js"
work=$(mktemp -d "${TMPDIR:-/tmp}/vaultbridge-gitops-XXXXXX")
emulator_pid=
cleanup() {
  if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# 1. The emulator, on a free port; its ready line tells where it listens and how to log in.
$VAULTBRIDGE emulator --port 0 >"$work/emulator.json" 2>"$work/emulator.log" &
emulator_pid=$!
for _ in $(seq 100); do [ -s "$work/emulator.json" ] && break; sleep 0.1; done
field() { node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8").split("\n")[0]); console.log(process.argv[2].split(".").reduce((o, k) => o[k], r))' "$work/emulator.json" "$1"; }
export INFISICAL_HOST; INFISICAL_HOST=$(field url)
export INFISICAL_UNIVERSAL_AUTH_CLIENT_ID; INFISICAL_UNIVERSAL_AUTH_CLIENT_ID=$(field infisical.clientId)
export INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET; INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET=$(field infisical.clientSecret)
export SCRAPENGINE_BASE_URL; SCRAPENGINE_BASE_URL=$(field scrapengine.baseUrl)
export SCRAPENGINE_API_KEY; SCRAPENGINE_API_KEY=$(field scrapengine.apiKey)
echo "== emulator at $INFISICAL_HOST"

# 2. Secrets, as CI would inject them: random, never printed.
random() { node -e 'console.log(require("crypto").randomBytes(16).toString("hex"))'; }
export TF_VAR_pg_password TF_VAR_heroku_auth_token TF_VAR_azure_client_secret TF_VAR_vault_secret_id
TF_VAR_pg_password=$(random); TF_VAR_heroku_auth_token="HRKU-$(random)"; TF_VAR_azure_client_secret=$(random); TF_VAR_vault_secret_id=$(random)

# 3. The stack: a copy of examples/hcl with the providers in a local mirror, or the CDKTF app for the engine.
export STACK_DIR="$work/stack"
mkdir -p "$STACK_DIR"
if [ "$TOOL" = terraform ]; then
  cp "$repo"/examples/hcl/*.tf "$STACK_DIR/"
  $VAULTBRIDGE provider install --mirror "$work/mirror" --cli-config "$work/terraform.rc" >/dev/null
  export TF_CLI_CONFIG_FILE="$work/terraform.rc"
else
  # A cdktf.json naming examples/basic/main.ts: the engine synthesizes it into this folder's cdktf.out.
  (cd "$repo" && node -e 'const app = `node --require ${JSON.stringify(require.resolve("tsx/cjs"))} ${JSON.stringify(process.argv[1])}`;
    console.log(JSON.stringify({ language: "typescript", app }))' "$repo/examples/basic/main.ts") >"$STACK_DIR/cdktf.json"
fi

expect() { # expect <exit code> <step>
  local want=$1 got=0; shift
  echo; echo "== pipeline.sh $* (expect exit $want)"
  "$here/pipeline.sh" "$@" || got=$?
  if [ "$got" != "$want" ]; then echo "demo: pipeline.sh $* exited $got, expected $want" >&2; exit 1; fi
}

expect 2 plan      # a pull request adds the stack: changes, saved
expect 0 apply     # merged: the saved plan is applied
expect 0 drift     # the nightly check: clean

# 4. Someone edits the PostgreSQL connection by hand (here: straight through the emulator's Infisical API).
echo; echo "== out-of-band change: the orders-db description is edited outside the pipeline"
node -e '
const [host, clientId, clientSecret] = process.argv.slice(1);
(async () => {
  const call = async (method, path, body, token) => {
    const res = await fetch(host + path, { method, headers: { "content-type": "application/json", ...(token && { authorization: "Bearer " + token }) }, body: body && JSON.stringify(body) });
    if (!res.ok) throw new Error(method + " " + path + ": " + res.status);
    return res.json();
  };
  const { accessToken } = await call("POST", "/api/v1/auth/universal-auth/login", { clientId, clientSecret });
  const { appConnection } = await call("GET", "/api/v1/app-connections/postgres/connection-name/orders-db", undefined, accessToken);
  await call("PATCH", "/api/v1/app-connections/postgres/" + appConnection.id, { description: "edited by hand" }, accessToken);
})().catch((err) => { console.error(err.message); process.exit(1); });
' "$INFISICAL_HOST" "$INFISICAL_UNIVERSAL_AUTH_CLIENT_ID" "$INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET"

expect 2 drift     # the nightly check finds it
expect 2 plan      # the fix: plan and apply restore the declared description
expect 0 apply
expect 0 drift
expect 0 destroy
echo; echo "demo: the pipeline planned, applied, found drift, corrected it and destroyed the stack."
