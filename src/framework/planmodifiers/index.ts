/** Plan-modifier factories, one per file; attributes list them in `planModifiers`. */
export { requiresReplace } from "./requires-replace";
export { useStateForUnknown } from "./use-state-for-unknown";
export { useStateUnlessChanged } from "./use-state-unless-changed";
