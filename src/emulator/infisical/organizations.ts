/** The emulated organizations: the root one and its one sub-organization, found by slug as logins name it. */
import type { EmulatorStore } from "../store";
import { errors } from "./errors";

/** The organization a login lands in: the root one without a slug; a slug must name the sub-organization. */
export function organizationFor(store: EmulatorStore, slug: string | undefined): string {
  if (slug === undefined) return store.ids.orgId;
  const sub = store.identities.subOrganization;
  if (slug !== sub.slug) throw errors.subOrganizationNotFound(slug);
  return sub.id;
}
