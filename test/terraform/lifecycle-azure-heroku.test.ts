/**
 * Acceptance: Azure Key Vault and Heroku connections through the real `terraform` binary (see lifecycle.ts):
 * create, no-op, in-place update, drift, import, replacement on `method`, destroy.
 */
import { AZURE, HEROKU } from "./helpers";
import { lifecycleSuite } from "./lifecycle";

lifecycleSuite([AZURE, HEROKU]);
