/**
 * Kubernetes Auth: the pod's service account token. Read from its file at every login, because the kubelet
 * rotates projected tokens; a token given directly is used as is.
 */
import { readFile } from "node:fs/promises";
import type { InfisicalAuth } from "./auth";
import { LoginError } from "./login-error";
import { type LoginContext, postLogin } from "./post-login";

type KubernetesAuth = Extract<InfisicalAuth, { kind: "kubernetes" }>;

export async function kubernetesLogin(ctx: LoginContext, auth: KubernetesAuth): Promise<string> {
  const jwt = auth.token ?? (await readToken(auth));
  ctx.http.redactor.add(jwt);
  return postLogin(ctx, auth, "kubernetes-auth", { identityId: auth.identityId, jwt });
}

async function readToken(auth: KubernetesAuth): Promise<string> {
  try {
    const token = (await readFile(auth.tokenPath, "utf8")).trim();
    if (token !== "") return token;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "unreadable";
    throw new LoginError(auth, `Cannot read the service account token file ${auth.tokenPath} (${code}); set auth.kubernetes.service_account_token_path or INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH`, err);
  }
  throw new LoginError(auth, `The service account token file ${auth.tokenPath} is empty`);
}
