/** Practitioner-facing messages shared by every resource type, and the vault integration's (each app's are in its folder). */
export const recoveryMessages = {
  nameTaken: (importId: string | undefined, typeName?: string): string =>
    `That object was not created by this configuration: to manage it, import it${importId ? ` (${importCommand(importId, typeName)})` : ""}; otherwise choose another name`,
  /** An interrupted run's intent is on record, but the object is not what this plan could update in place. */
  notAdoptable: (importId: string, typeName: string, why: string): string =>
    `An interrupted earlier run was creating it, but it cannot be adopted: ${why}. To manage it, import it (${importCommand(importId, typeName)}); otherwise choose another name`,
};

/**
 * The exact command. The provider never learns the resource's address, which Terraform prints above the message
 * ("with <address>"): its name is the one placeholder left.
 */
function importCommand(importId: string, typeName: string | undefined): string {
  const id = JSON.stringify(importId);
  return typeName ? `terraform import '${typeName}.<NAME>' ${id}, <NAME> as in the address shown above` : `terraform import <resource address> ${id}`;
}

export const vaultMessages = {
  importIdBlank: (id: string): string =>
    `The import ID ${JSON.stringify(id)} is blank. Import a vault integration by ID (a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a) or by name.`,
  importNotFound: (id: string): string => `No vault integration matches ${JSON.stringify(id)}. Import by ID (a UUID) or by name.`,
  // Drift warnings name no configured value (the resource address says which object): any may be sensitive.
  secretChanged: "This vault integration was updated outside Terraform (updated_at moved). The plan re-sends the configured secret_id.",
  secretChangedWriteOnly:
    "This vault integration was updated outside Terraform (updated_at moved). Its secret_id is write-only, so Terraform has no copy to re-send: change secret_id_wo_version to send secret_id_wo again.",
};
