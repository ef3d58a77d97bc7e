/**
 * Synth-time validation bound to CDKTF (`cdktf`): what the `vaultbridge/<provider>` entries call. The rules and
 * their messages are ./synth-validation.ts, shared with the CDK Terrain bindings (../cdktn/validation.ts).
 */
import * as cdktf from "cdktf";
import { synthValidation } from "./synth-validation";

export const validateOnSynth = synthValidation(cdktf);
export { toValue, validationMessage } from "./synth-validation";
