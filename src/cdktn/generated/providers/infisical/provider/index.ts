// https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface InfisicalProviderConfig {
  /**
  * How to authenticate; exactly one method. Without it the method comes from INFISICAL_AUTH_METHOD (token, universal, oidc, kubernetes, aws_iam) or from which INFISICAL_* credentials are set.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs#auth InfisicalProvider#auth}
  */
  readonly auth?: InfisicalProviderAuth;
  /**
  * The Infisical API host (env INFISICAL_HOST, default https://app.infisical.com).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs#host InfisicalProvider#host}
  */
  readonly host?: string;
  /**
  * Alias name
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs#alias InfisicalProvider#alias}
  */
  readonly alias?: string;
}
export interface InfisicalProviderAuthAwsIam {
  /**
  * The ID of the machine identity that has AWS Auth configured (env INFISICAL_MACHINE_IDENTITY_ID).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs#identity_id InfisicalProvider#identity_id}
  */
  readonly identityId?: string;
}

export function infisicalProviderAuthAwsIamToTerraform(struct?: InfisicalProviderAuthAwsIam | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    identity_id: cdktn.stringToTerraform(struct!.identityId),
  }
}


export function infisicalProviderAuthAwsIamToHclTerraform(struct?: InfisicalProviderAuthAwsIam | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    identity_id: {
      value: cdktn.stringToHclTerraform(struct!.identityId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export interface InfisicalProviderAuthKubernetes {
  /**
  * The ID of the machine identity that has Kubernetes Auth configured (env INFISICAL_MACHINE_IDENTITY_ID).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs#identity_id InfisicalProvider#identity_id}
  */
  readonly identityId?: string;
  /**
  * The service account token itself, instead of the file (env INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs#service_account_token InfisicalProvider#service_account_token}
  */
  readonly serviceAccountToken?: string;
  /**
  * The service account token file, read at every login (env INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH, default /var/run/secrets/kubernetes.io/serviceaccount/token).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs#service_account_token_path InfisicalProvider#service_account_token_path}
  */
  readonly serviceAccountTokenPath?: string;
}

export function infisicalProviderAuthKubernetesToTerraform(struct?: InfisicalProviderAuthKubernetes | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    identity_id: cdktn.stringToTerraform(struct!.identityId),
    service_account_token: cdktn.stringToTerraform(struct!.serviceAccountToken),
    service_account_token_path: cdktn.stringToTerraform(struct!.serviceAccountTokenPath),
  }
}


export function infisicalProviderAuthKubernetesToHclTerraform(struct?: InfisicalProviderAuthKubernetes | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    identity_id: {
      value: cdktn.stringToHclTerraform(struct!.identityId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    service_account_token: {
      value: cdktn.stringToHclTerraform(struct!.serviceAccountToken),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    service_account_token_path: {
      value: cdktn.stringToHclTerraform(struct!.serviceAccountTokenPath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export interface InfisicalProviderAuthOidc {
  /**
  * The ID of the machine identity that has OIDC Auth configured (env INFISICAL_MACHINE_IDENTITY_ID).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs#identity_id InfisicalProvider#identity_id}
  */
  readonly identityId?: string;
  /**
  * The environment variable that holds the OIDC token, a JWT (env INFISICAL_OIDC_AUTH_TOKEN_NAME, default INFISICAL_AUTH_JWT).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs#token_environment_variable_name InfisicalProvider#token_environment_variable_name}
  */
  readonly tokenEnvironmentVariableName?: string;
}

export function infisicalProviderAuthOidcToTerraform(struct?: InfisicalProviderAuthOidc | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    identity_id: cdktn.stringToTerraform(struct!.identityId),
    token_environment_variable_name: cdktn.stringToTerraform(struct!.tokenEnvironmentVariableName),
  }
}


export function infisicalProviderAuthOidcToHclTerraform(struct?: InfisicalProviderAuthOidc | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    identity_id: {
      value: cdktn.stringToHclTerraform(struct!.identityId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    token_environment_variable_name: {
      value: cdktn.stringToHclTerraform(struct!.tokenEnvironmentVariableName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export interface InfisicalProviderAuthUniversal {
  /**
  * The machine identity's client ID.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs#client_id InfisicalProvider#client_id}
  */
  readonly clientId?: string;
  /**
  * The machine identity's client secret.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs#client_secret InfisicalProvider#client_secret}
  */
  readonly clientSecret?: string;
}

export function infisicalProviderAuthUniversalToTerraform(struct?: InfisicalProviderAuthUniversal | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    client_id: cdktn.stringToTerraform(struct!.clientId),
    client_secret: cdktn.stringToTerraform(struct!.clientSecret),
  }
}


export function infisicalProviderAuthUniversalToHclTerraform(struct?: InfisicalProviderAuthUniversal | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    client_id: {
      value: cdktn.stringToHclTerraform(struct!.clientId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    client_secret: {
      value: cdktn.stringToHclTerraform(struct!.clientSecret),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export interface InfisicalProviderAuth {
  /**
  * AWS IAM Auth: a signed sts:GetCallerIdentity request, with credentials from the standard AWS chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, AWS_PROFILE and the shared config and credentials files, web identity, instance metadata) and AWS_REGION.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs#aws_iam InfisicalProvider#aws_iam}
  */
  readonly awsIam?: InfisicalProviderAuthAwsIam;
  /**
  * Kubernetes Auth with the pod's service account token.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs#kubernetes InfisicalProvider#kubernetes}
  */
  readonly kubernetes?: InfisicalProviderAuthKubernetes;
  /**
  * OIDC Auth with the CI platform's identity token (GitHub Actions, GitLab CI `id_tokens`, …).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs#oidc InfisicalProvider#oidc}
  */
  readonly oidc?: InfisicalProviderAuthOidc;
  /**
  * Log in to this sub-organization, sent as organizationSlug by every login method (env INFISICAL_AUTH_ORGANIZATION_SLUG).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs#organization_slug InfisicalProvider#organization_slug}
  */
  readonly organizationSlug?: string;
  /**
  * A machine identity access token (env INFISICAL_TOKEN).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs#token InfisicalProvider#token}
  */
  readonly token?: string;
  /**
  * Universal Auth machine identity (env INFISICAL_UNIVERSAL_AUTH_CLIENT_ID / _CLIENT_SECRET).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs#universal InfisicalProvider#universal}
  */
  readonly universal?: InfisicalProviderAuthUniversal;
}

export function infisicalProviderAuthToTerraform(struct?: InfisicalProviderAuth | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    aws_iam: infisicalProviderAuthAwsIamToTerraform(struct!.awsIam),
    kubernetes: infisicalProviderAuthKubernetesToTerraform(struct!.kubernetes),
    oidc: infisicalProviderAuthOidcToTerraform(struct!.oidc),
    organization_slug: cdktn.stringToTerraform(struct!.organizationSlug),
    token: cdktn.stringToTerraform(struct!.token),
    universal: infisicalProviderAuthUniversalToTerraform(struct!.universal),
  }
}


export function infisicalProviderAuthToHclTerraform(struct?: InfisicalProviderAuth | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    aws_iam: {
      value: infisicalProviderAuthAwsIamToHclTerraform(struct!.awsIam),
      isBlock: true,
      type: "struct",
      storageClassType: "InfisicalProviderAuthAwsIam",
    },
    kubernetes: {
      value: infisicalProviderAuthKubernetesToHclTerraform(struct!.kubernetes),
      isBlock: true,
      type: "struct",
      storageClassType: "InfisicalProviderAuthKubernetes",
    },
    oidc: {
      value: infisicalProviderAuthOidcToHclTerraform(struct!.oidc),
      isBlock: true,
      type: "struct",
      storageClassType: "InfisicalProviderAuthOidc",
    },
    organization_slug: {
      value: cdktn.stringToHclTerraform(struct!.organizationSlug),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    token: {
      value: cdktn.stringToHclTerraform(struct!.token),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    universal: {
      value: infisicalProviderAuthUniversalToHclTerraform(struct!.universal),
      isBlock: true,
      type: "struct",
      storageClassType: "InfisicalProviderAuthUniversal",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}


/**
* Represents a {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs infisical}
*/
export class InfisicalProvider extends cdktn.TerraformProvider {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "infisical";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a InfisicalProvider resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the InfisicalProvider to import
  * @param importFromId The id of the existing InfisicalProvider that should be imported. Refer to the {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the InfisicalProvider to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "infisical", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs infisical} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options InfisicalProviderConfig = {}
  */
  public constructor(scope: Construct, id: string, config: InfisicalProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'infisical',
      terraformGeneratorMetadata: {
        providerName: 'infisical',
        providerVersion: '0.1.0'
      },
      terraformProviderSource: 'registry.terraform.io/vaultbridge/infisical'
    });
    this._auth = config.auth;
    this._host = config.host;
    this._alias = config.alias;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // auth - computed: false, optional: true, required: false
  private _auth?: InfisicalProviderAuth; 
  public get auth() {
    return this._auth;
  }
  public set auth(value: InfisicalProviderAuth | undefined) {
    this._auth = value;
  }
  public resetAuth() {
    this._auth = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get authInput() {
    return this._auth;
  }

  // host - computed: false, optional: true, required: false
  private _host?: string; 
  public get host() {
    return this._host;
  }
  public set host(value: string | undefined) {
    this._host = value;
  }
  public resetHost() {
    this._host = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get hostInput() {
    return this._host;
  }

  // alias - computed: false, optional: true, required: false
  private _alias?: string; 
  public get alias() {
    return this._alias;
  }
  public set alias(value: string | undefined) {
    this._alias = value;
  }
  public resetAlias() {
    this._alias = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasInput() {
    return this._alias;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      auth: infisicalProviderAuthToTerraform(this._auth),
      host: cdktn.stringToTerraform(this._host),
      alias: cdktn.stringToTerraform(this._alias),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      auth: {
        value: infisicalProviderAuthToHclTerraform(this._auth),
        isBlock: true,
        type: "struct",
        storageClassType: "InfisicalProviderAuth",
      },
      host: {
        value: cdktn.stringToHclTerraform(this._host),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      alias: {
        value: cdktn.stringToHclTerraform(this._alias),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
