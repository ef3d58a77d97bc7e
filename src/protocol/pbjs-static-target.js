/**
 * A pbjs target (`pbjs -t <this file>`): protobufjs' own `static` target, with one fix. pbjs names each message's
 * class after the message, inside the IIFE that builds it, so a message named like a global shadows that global
 * there: `tfplugin6.Schema.Object`'s IIFE declares `function Object`, and the `Object.keys` / `Object.create` /
 * `Object.hasOwnProperty` pbjs writes inside it then hit the message class ("Object.create is not a function").
 *
 * Fix: such types are renamed to `<name>$` (`$` cannot occur in a .proto name) before pbjs runs, then every
 * `.<name>$` in its output (a property of the exported namespace, or the type's full name in an error message) is
 * put back to `.<name>`. What stays `<name>$` is the class's local binding only: `function Object$(p)`,
 * `Object$.encode = …`, `return Object$;`. The exports and every message are exactly what pbjs would write.
 */
"use strict";

const staticTarget = require("protobufjs-cli/targets/static");
const protobuf = require("protobufjs");

/** Namespaces and messages are bound to a local of their name; enums and fields are not. */
function shadowing(root) {
  const found = [];
  (function walk(ns) {
    for (const nested of ns.nestedArray) {
      if (!(nested instanceof protobuf.Namespace)) continue;
      if (nested.name in globalThis) found.push(nested);
      walk(nested);
    }
  })(root);
  return found;
}

function shadowSafeStaticTarget(root, options, callback) {
  const renamed = shadowing(root);
  const names = new Set(renamed.map((obj) => obj.name));
  for (const obj of renamed) obj.name += "$";
  staticTarget(root, options, (err, output) => {
    for (const obj of renamed) obj.name = obj.name.slice(0, -1);
    if (err) return callback(err);
    let code = output;
    for (const name of names) {
      code = code.split(`.${name}$`).join(`.${name}`);
      // What is left must be the local binding, as pbjs writes it: never inside a string, say.
      const left = code.split(`${name}$`).length - 1;
      const bound = code.match(new RegExp(`(?:^\\s*|function |var |return |\\()${name}\\$(?![\\w$])`, "gm"))?.length ?? 0;
      if (left !== bound) return callback(new Error(`pbjs-static-target: ${left - bound} unexpected ${name}$ in pbjs' output`));
    }
    return callback(null, code);
  });
}

shadowSafeStaticTarget.shadowing = shadowing;
module.exports = shadowSafeStaticTarget;
