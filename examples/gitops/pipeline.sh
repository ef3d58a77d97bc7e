#!/usr/bin/env bash
# The GitOps pipeline's steps, one per CI job, run in the stack folder (STACK_DIR, default: the current folder):
#
#   pipeline.sh plan      on a pull request: plan and save it to $PLAN_FILE.  Exit 0: no changes; 2: changes (the
#                         saved plan is what apply will do); 1: error.
#   pipeline.sh apply     on merge: apply exactly the saved plan (refused if the state moved since).  Exit 0 or 1.
#   pipeline.sh drift     on a schedule: is the live state still what the code declares?  Exit 0: clean;
#                         2: drift (or unapplied changes), which the next plan/apply corrects; 1: error.
#   pipeline.sh refresh   record in the state what changed outside (apply -refresh-only); changes nothing.
#   pipeline.sh replace A re-create one object now (apply -replace=A), e.g. after a leaked credential.
#   pipeline.sh destroy   tear everything down (demos, short-lived environments).
#
# TOOL=terraform (default): HCL or synthesized JSON, with the providers installed (TF_CLI_CONFIG_FILE).
# TOOL=vaultbridge: the embedded engine, no Terraform binary; in a CDKTF app folder it synthesizes first.
#   VAULTBRIDGE is the command that runs it (default: npx vaultbridge).
# Provider settings and secrets come from the environment: INFISICAL_*, SCRAPENGINE_*, TF_VAR_<name>.
set -uo pipefail

step=${1:?usage: pipeline.sh plan|apply|drift|refresh|replace <address>|destroy}
TOOL=${TOOL:-terraform}
PLAN_FILE=${PLAN_FILE:-tfplan}
cd "${STACK_DIR:-.}" || exit 1
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_INPUT=0

# One command line for either tool: the engine takes terraform's flags as they are.
#   TARGET=<address> plans/applies only that resource (and what it depends on): -target.
#   VAR_FILE=<file> adds -var-file (.tfvars or .tfvars.json).
#   pipeline.sh plan also writes $PLAN_FILE.json (`show -json`, Terraform's JSON plan) for policy checks.
tf() {
  if [ "$TOOL" = vaultbridge ]; then
    # shellcheck disable=SC2086 # VAULTBRIDGE may be a command with arguments
    ${VAULTBRIDGE:-npx vaultbridge} "$@"
  else
    terraform "$@"
  fi
}
extra=()
[ -n "${TARGET:-}" ] && extra+=("-target=$TARGET")
[ -n "${VAR_FILE:-}" ] && extra+=("-var-file=$VAR_FILE")
run() {
  local op=$1
  if [ "$TOOL" != vaultbridge ] && [ ! -d .terraform ]; then terraform init -input=false -no-color >/dev/null || return 1; fi
  case $op in
    plan-out) tf plan -input=false -no-color -detailed-exitcode "${extra[@]}" -out="$PLAN_FILE" ;;
    plan) tf plan -input=false -no-color -detailed-exitcode "${extra[@]}" ;;
    show-json) tf show -json "$PLAN_FILE" ;;
    apply) tf apply -input=false -no-color "$PLAN_FILE" ;;
    refresh) tf apply -input=false -no-color -refresh-only -auto-approve "${extra[@]}" ;;
    replace) tf apply -input=false -no-color -auto-approve -replace="$2" "${extra[@]}" ;;
    destroy) tf destroy -input=false -no-color -auto-approve "${extra[@]}" ;;
  esac
}

# Tells a GitHub Actions job (when there is one) what happened, for the next steps to branch on.
output() { if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$1" >>"$GITHUB_OUTPUT"; fi; }

case $step in
  plan)
    run plan-out; code=$?
    if [ "$code" = 2 ]; then run show-json >"$PLAN_FILE.json" || code=1; fi
    case $code in
      0) echo "pipeline: no changes." ; output changes=false ;;
      2) echo "pipeline: changes planned and saved to $PLAN_FILE; apply it after review." ; output changes=true ;;
      *) echo "pipeline: plan failed." >&2 ;;
    esac
    exit "$code" ;;
  apply)
    [ -f "$PLAN_FILE" ] || { echo "pipeline: no saved plan $PLAN_FILE: run the plan step first." >&2; exit 1; }
    run apply; code=$?
    [ $code -eq 0 ] && rm -f "$PLAN_FILE" "$PLAN_FILE.json" && echo "pipeline: applied."
    exit "$code" ;;
  drift)
    run plan; code=$?
    case $code in
      0) echo "pipeline: no drift: the live state matches the code." ; output drift=false ;;
      2) echo "pipeline: DRIFT: the live state differs from the code (see the plan above); the next apply corrects it." ; output drift=true ;;
      *) echo "pipeline: drift check failed." >&2 ;;
    esac
    exit "$code" ;;
  refresh)
    run refresh ;;
  replace)
    run replace "${2:?usage: pipeline.sh replace <address>}" ;;
  destroy)
    run destroy ;;
  *)
    echo "usage: pipeline.sh plan|apply|drift|refresh|replace <address>|destroy" >&2; exit 1 ;;
esac
