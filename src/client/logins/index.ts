/** The login function for an auth kind; `token` has none (the token is used as is and never renewed). */
import type { LoginAuth } from "./auth";
import type { LoginContext } from "./post-login";
import { universalLogin } from "./universal";
import { oidcLogin } from "./oidc";
import { kubernetesLogin } from "./kubernetes";

export type { InfisicalAuth, LoginAuth, AuthKind, AwsEnvironment } from "./auth";
export { knownSecrets } from "./auth";
export { LoginError } from "./login-error";
export type { LoginContext } from "./post-login";

export function login(ctx: LoginContext, auth: LoginAuth): Promise<string> {
  switch (auth.kind) {
    case "universal":
      return universalLogin(ctx, auth);
    case "oidc":
      return oidcLogin(ctx, auth);
    case "kubernetes":
      return kubernetesLogin(ctx, auth);
    case "aws_iam": {
      // The signing libraries are large: loaded with the AWS login only.
      const { awsIamLogin } = require("./aws-iam") as typeof import("./aws-iam");
      return awsIamLogin(ctx, auth);
    }
  }
}
