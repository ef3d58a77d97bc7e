/** The API clients' own sentences (the rest come from the servers), in one place. */
const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

export const clientMessages = {
  redirect: (location: string | undefined): string =>
    `redirects are not followed${location ? ` (it points to ${location})` : ""}; configure the API's own address in the provider`,
  htmlPage: (status: number, title: string | undefined): string =>
    `an HTML page (status ${status})${title ? ` titled "${title}"` : ""} instead of the API's JSON; check that the provider's address is the API itself`,
  notJson: (excerpt: string): string => `a body that is not JSON: ${excerpt}`,
  tooLarge: (limitBytes: number): string =>
    `a body larger than ${Math.round(limitBytes / 1024 / 1024)} MiB (or one that never ends); stopped reading it`,
  bodyBrokeOff: (code: string): string => `the answer broke off while its body was being read (${code})`,
  budgetSpent: (budgetMs: number): string =>
    `no answer within the time budget of ${seconds(budgetMs)} for the whole operation (logins and retries included)`,
};
