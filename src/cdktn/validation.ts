/**
 * Synth-time validation bound to CDK Terrain (`cdktn`): what the `vaultbridge/cdktn/<provider>` entries call. The
 * rules and their messages are ../cdktf/synth-validation.ts, shared with the CDKTF bindings; this module loads cdktn
 * only, never cdktf.
 */
import * as cdktn from "cdktn";
import { synthValidation } from "../cdktf/synth-validation";

export const validateOnSynth = synthValidation(cdktn);
