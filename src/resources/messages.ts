/** Practitioner-facing messages shared by every resource type (each app's own are in its folder). */
export const recoveryMessages = {
  nameTaken: (importId: string | undefined): string =>
    `That object was not created by this configuration: to manage it, import it${importId ? ` (terraform import <resource address> ${JSON.stringify(importId)})` : ""}; otherwise choose another name`,
};
