/** Every practitioner-facing message of the app-connection resources, in one place. */
const list = (xs: readonly string[]): string => xs.map((x) => `"${x}"`).join(", ");

export const connectionMessages = {
  unsupportedSummary: "Unsupported Attribute",
  unsupported: (attribute: string, display: string, fix: string): string =>
    `${attribute}: Not supported for ${display} Connections (the API refuses it); ${fix}.`,
  rotationRequired:
    "is_auto_rotation_enabled = true needs a rotation schedule: add rotation = { rotation_interval = <1–365 days>, rotate_at_utc = { hours = <0–23>, minutes = <0–59> } }.",
  rotationMethod: (method: string, allowed: readonly string[]): string =>
    `Credential rotation is only supported for the ${list(allowed)} method; this connection uses "${method}". Remove rotation or change method.`,
  credentialRequired: (field: string, method: string, allowed: readonly string[]): string =>
    `credentials.${field} is required when method is "${method}". That method takes: ${list(allowed)}.`,
  credentialRequiredToCreate: (field: string, method: string, twin?: string): string =>
    `credentials.${field}${twin ? ` or credentials.${twin}` : ""} is required to create a connection with method "${method}". Connections created in the Infisical UI can be imported and managed without it.`,
  secretRequired: (field: string, twin: string, method: string, creating: boolean): string =>
    creating
      ? `credentials.${field} or credentials.${twin} is required to create a connection with method "${method}"; set exactly one (${twin} is sent but never stored).`
      : `This plan sends the credentials again (a credential or credentials_wo_version changed), and the API needs the secret with them: set credentials.${field} or credentials.${twin}.`,
  secretTwice: (field: string, twin: string): string =>
    `credentials.${field} and credentials.${twin} are both set; set exactly one (${twin} keeps the secret out of state and plans).`,
  credentialForeign: (field: string, method: string, allowed: readonly string[]): string =>
    `credentials.${field} is not used by method "${method}". That method takes: ${list(allowed)}.`,
  // Drift warnings name no configured value (the resource address says which object): any may be sensitive.
  credentialsDrift: (display: string): string =>
    `The stored credentials of this ${display} Connection were replaced outside Terraform (credentials_hash changed). The plan re-sends the configured credentials.`,
  credentialsDriftWriteOnly: (display: string): string =>
    `The stored credentials of this ${display} Connection were replaced outside Terraform (credentials_hash changed). Its secret is write-only, so Terraform has no copy to re-send: change credentials_wo_version to send the configured *_wo values again.`,
  importIdInvalid: (display: string, id: string, reason: string): string =>
    `The import ID ${JSON.stringify(id)} cannot name a ${display} Connection: ${reason}. Import by ID (a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a), by name (organization scope, e.g. prod-db), or as <project_id>/<name>.`,
  importNotFound: (display: string, id: string): string =>
    `No ${display} Connection matches "${id}". Import by ID (a UUID), by name (organization scope), or as <project_id>/<name>.`,
  platformManagedIrreversible:
    "is_platform_managed_credentials cannot be reversed: Infisical already manages this connection's credentials. Keep it true (or replace the connection).",
  platformManagedCredentialChange: (field: string): string =>
    `credentials.${field} cannot change on a platform-managed connection: Infisical owns its credentials now. Revert the change, or replace the connection.`,
  platformManagedPasswordIgnored:
    "The password of a platform-managed connection is owned by Infisical: a changed credentials.password (or credentials_wo_version) is recorded in state but nothing is sent. With credentials.password_wo there is nothing to ignore.",
};
