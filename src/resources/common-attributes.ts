/** Attributes every resource declares the same way. */
import { useStateForUnknown } from "../framework/planmodifiers";
import { string } from "../framework/schema";

export const id = (what: string) =>
  string({ computed: true, description: `The ID of the ${what}, assigned by the server.`, planModifiers: [useStateForUnknown()] });

export const createdAt = () =>
  string({ computed: true, description: "When the object was created (ISO 8601).", planModifiers: [useStateForUnknown()] });

export const updatedAt = () => string({ computed: true, description: "When the object was last changed (ISO 8601)." });
