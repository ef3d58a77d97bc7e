// The parts of undici vaultbridge's API client uses: an Agent, the dispatcher's `request` and the retry
// interceptor, wired as undici's own index wires them. The index would also initialise fetch, the mocks, the
// caches and every other dispatcher, and pull in Node's internal copy of undici: ~20 ms of the first API call
// (measured). Shared by scripts/bundle-providers.js and scripts/bundle-cli.js.
"use strict";

/** Exported by the entry below; anything else must come from the full index. */
const UNDICI_SLIM_EXPORTS = ["Agent", "interceptors"];

const UNDICI_SLIM_ENTRY =
  `const Dispatcher = require("undici/lib/dispatcher/dispatcher");\n` +
  `Object.assign(Dispatcher.prototype, require("undici/lib/api"));\n` +
  `module.exports = { Agent: require("undici/lib/dispatcher/agent"), interceptors: { retry: require("undici/lib/interceptor/retry") } };\n`;

module.exports = { UNDICI_SLIM_EXPORTS, UNDICI_SLIM_ENTRY };
