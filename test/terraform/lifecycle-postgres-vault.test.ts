/**
 * Acceptance: PostgreSQL connections and ScrapEngine vault integrations through the real `terraform` binary (see
 * lifecycle.ts): create, no-op, in-place update, drift, import (postgres also as <project_id>/<name>), replacement
 * on `project_id` / `address` and `role_id`, destroy.
 */
import { PG, VAULT } from "./helpers";
import { lifecycleSuite } from "./lifecycle";

lifecycleSuite([PG, VAULT]);
