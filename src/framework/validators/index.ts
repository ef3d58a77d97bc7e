/** Validator factories, one per file; attributes list them in `validators`. */
export { oneOf } from "./one-of";
export { lengthBetween } from "./length-between";
export { matches } from "./matches";
export { intBetween } from "./int-between";
export { isUuid } from "./is-uuid";
export { isHttpUrl } from "./is-http-url";
export { startsWith } from "./starts-with";
export { trimmedByServer } from "./trimmed-by-server";
export { notEmptyWhenSet } from "./not-empty-when-set";
