// https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface AppConnectionAzureKeyVaultConfig extends cdktn.TerraformMetaArguments {
  /**
  * The credentials used to connect with Azure Key Vault; which fields apply depends on `method`. Each secret has a write-only form (`*_wo`) that is sent but never stored.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#credentials AppConnectionAzureKeyVault#credentials}
  */
  readonly credentials: AppConnectionAzureKeyVaultCredentials;
  /**
  * Change this number to send the write-only credentials (the `*_wo` fields) again: a changed write-only value alone plans nothing, because Terraform keeps no copy to compare with.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#credentials_wo_version AppConnectionAzureKeyVault#credentials_wo_version}
  */
  readonly credentialsWoVersion?: number;
  /**
  * A description of the Azure Key Vault Connection, at most 256 characters.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#description AppConnectionAzureKeyVault#description}
  */
  readonly description?: string;
  /**
  * Not supported for Azure Key Vault Connections.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#gateway_id AppConnectionAzureKeyVault#gateway_id}
  */
  readonly gatewayId?: string;
  /**
  * Whether Infisical rotates the credentials automatically (methods: client-secret); needs `rotation`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#is_auto_rotation_enabled AppConnectionAzureKeyVault#is_auto_rotation_enabled}
  */
  readonly isAutoRotationEnabled?: boolean | cdktn.IResolvable;
  /**
  * Not supported for Azure Key Vault Connections.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#is_platform_managed_credentials AppConnectionAzureKeyVault#is_platform_managed_credentials}
  */
  readonly isPlatformManagedCredentials?: boolean | cdktn.IResolvable;
  /**
  * How Infisical authenticates with Azure Key Vault: `oauth`, `client-secret`, `certificate`. The API cannot change it: changing it forces a new connection.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#method AppConnectionAzureKeyVault#method}
  */
  readonly method: string;
  /**
  * The name of the Azure Key Vault Connection: a lowercase slug (letters, digits, hyphens), 1–64 characters, unique in its scope.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#name AppConnectionAzureKeyVault#name}
  */
  readonly name: string;
  /**
  * The project the connection belongs to; unset for an organization-level connection. Changing it forces a new connection.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#project_id AppConnectionAzureKeyVault#project_id}
  */
  readonly projectId?: string;
  /**
  * When the credentials are rotated.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#rotation AppConnectionAzureKeyVault#rotation}
  */
  readonly rotation?: AppConnectionAzureKeyVaultRotation;
}
export interface AppConnectionAzureKeyVaultCredentials {
  /**
  * Certificate: the certificate, PEM.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#certificate_body AppConnectionAzureKeyVault#certificate_body}
  */
  readonly certificateBody?: string;
  /**
  * Write-only form of `certificate_body` (Terraform ≥ 1.11): sent to the API, never stored in state or plans; takes ephemeral values. Set `certificate_body` or `certificate_body_wo`, not both.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#certificate_body_wo AppConnectionAzureKeyVault#certificate_body_wo}
  */
  readonly certificateBodyWo?: string;
  /**
  * Client secret and certificate: the application (client) ID, a UUID.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#client_id AppConnectionAzureKeyVault#client_id}
  */
  readonly clientId?: string;
  /**
  * Client secret: the client secret, 1–50 characters.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#client_secret AppConnectionAzureKeyVault#client_secret}
  */
  readonly clientSecret?: string;
  /**
  * Write-only form of `client_secret` (Terraform ≥ 1.11): sent to the API, never stored in state or plans; takes ephemeral values. Set `client_secret` or `client_secret_wo`, not both.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#client_secret_wo AppConnectionAzureKeyVault#client_secret_wo}
  */
  readonly clientSecretWo?: string;
  /**
  * OAuth: the one-time authorization code; needed only to create.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#code AppConnectionAzureKeyVault#code}
  */
  readonly code?: string;
  /**
  * Write-only form of `code` (Terraform ≥ 1.11): sent to the API, never stored in state or plans; takes ephemeral values. Set `code` or `code_wo`, not both.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#code_wo AppConnectionAzureKeyVault#code_wo}
  */
  readonly codeWo?: string;
  /**
  * Certificate: the private key, PEM.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#private_key AppConnectionAzureKeyVault#private_key}
  */
  readonly privateKey?: string;
  /**
  * Write-only form of `private_key` (Terraform ≥ 1.11): sent to the API, never stored in state or plans; takes ephemeral values. Set `private_key` or `private_key_wo`, not both.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#private_key_wo AppConnectionAzureKeyVault#private_key_wo}
  */
  readonly privateKeyWo?: string;
  /**
  * The Azure tenant (directory) ID, a UUID.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#tenant_id AppConnectionAzureKeyVault#tenant_id}
  */
  readonly tenantId?: string;
}

export function appConnectionAzureKeyVaultCredentialsToTerraform(struct?: AppConnectionAzureKeyVaultCredentials | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    certificate_body: cdktn.stringToTerraform(struct!.certificateBody),
    certificate_body_wo: cdktn.stringToTerraform(struct!.certificateBodyWo),
    client_id: cdktn.stringToTerraform(struct!.clientId),
    client_secret: cdktn.stringToTerraform(struct!.clientSecret),
    client_secret_wo: cdktn.stringToTerraform(struct!.clientSecretWo),
    code: cdktn.stringToTerraform(struct!.code),
    code_wo: cdktn.stringToTerraform(struct!.codeWo),
    private_key: cdktn.stringToTerraform(struct!.privateKey),
    private_key_wo: cdktn.stringToTerraform(struct!.privateKeyWo),
    tenant_id: cdktn.stringToTerraform(struct!.tenantId),
  }
}


export function appConnectionAzureKeyVaultCredentialsToHclTerraform(struct?: AppConnectionAzureKeyVaultCredentials | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    certificate_body: {
      value: cdktn.stringToHclTerraform(struct!.certificateBody),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    certificate_body_wo: {
      value: cdktn.stringToHclTerraform(struct!.certificateBodyWo),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
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
    client_secret_wo: {
      value: cdktn.stringToHclTerraform(struct!.clientSecretWo),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    code: {
      value: cdktn.stringToHclTerraform(struct!.code),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    code_wo: {
      value: cdktn.stringToHclTerraform(struct!.codeWo),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    private_key: {
      value: cdktn.stringToHclTerraform(struct!.privateKey),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    private_key_wo: {
      value: cdktn.stringToHclTerraform(struct!.privateKeyWo),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    tenant_id: {
      value: cdktn.stringToHclTerraform(struct!.tenantId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class AppConnectionAzureKeyVaultCredentialsOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): AppConnectionAzureKeyVaultCredentials | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._certificateBody !== undefined) {
      hasAnyValues = true;
      internalValueResult.certificateBody = this._certificateBody;
    }
    if (this._certificateBodyWo !== undefined) {
      hasAnyValues = true;
      internalValueResult.certificateBodyWo = this._certificateBodyWo;
    }
    if (this._clientId !== undefined) {
      hasAnyValues = true;
      internalValueResult.clientId = this._clientId;
    }
    if (this._clientSecret !== undefined) {
      hasAnyValues = true;
      internalValueResult.clientSecret = this._clientSecret;
    }
    if (this._clientSecretWo !== undefined) {
      hasAnyValues = true;
      internalValueResult.clientSecretWo = this._clientSecretWo;
    }
    if (this._code !== undefined) {
      hasAnyValues = true;
      internalValueResult.code = this._code;
    }
    if (this._codeWo !== undefined) {
      hasAnyValues = true;
      internalValueResult.codeWo = this._codeWo;
    }
    if (this._privateKey !== undefined) {
      hasAnyValues = true;
      internalValueResult.privateKey = this._privateKey;
    }
    if (this._privateKeyWo !== undefined) {
      hasAnyValues = true;
      internalValueResult.privateKeyWo = this._privateKeyWo;
    }
    if (this._tenantId !== undefined) {
      hasAnyValues = true;
      internalValueResult.tenantId = this._tenantId;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: AppConnectionAzureKeyVaultCredentials | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._certificateBody = undefined;
      this._certificateBodyWo = undefined;
      this._clientId = undefined;
      this._clientSecret = undefined;
      this._clientSecretWo = undefined;
      this._code = undefined;
      this._codeWo = undefined;
      this._privateKey = undefined;
      this._privateKeyWo = undefined;
      this._tenantId = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._certificateBody = value.certificateBody;
      this._certificateBodyWo = value.certificateBodyWo;
      this._clientId = value.clientId;
      this._clientSecret = value.clientSecret;
      this._clientSecretWo = value.clientSecretWo;
      this._code = value.code;
      this._codeWo = value.codeWo;
      this._privateKey = value.privateKey;
      this._privateKeyWo = value.privateKeyWo;
      this._tenantId = value.tenantId;
    }
  }

  // certificate_body - computed: false, optional: true, required: false
  private _certificateBody?: string; 
  public get certificateBody() {
    return this.getStringAttribute('certificate_body');
  }
  public set certificateBody(value: string) {
    this._certificateBody = value;
  }
  public resetCertificateBody() {
    this._certificateBody = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get certificateBodyInput() {
    return this._certificateBody;
  }

  // certificate_body_wo - computed: false, optional: true, required: false
  private _certificateBodyWo?: string; 
  public get certificateBodyWo(): string | undefined {
    // write-only: never in state, so this gives back what was configured (undefined when unset)
    return this._certificateBodyWo;
  }
  public set certificateBodyWo(value: string) {
    this._certificateBodyWo = value;
  }
  public resetCertificateBodyWo() {
    this._certificateBodyWo = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get certificateBodyWoInput() {
    return this._certificateBodyWo;
  }

  // client_id - computed: false, optional: true, required: false
  private _clientId?: string; 
  public get clientId() {
    return this.getStringAttribute('client_id');
  }
  public set clientId(value: string) {
    this._clientId = value;
  }
  public resetClientId() {
    this._clientId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get clientIdInput() {
    return this._clientId;
  }

  // client_secret - computed: false, optional: true, required: false
  private _clientSecret?: string; 
  public get clientSecret() {
    return this.getStringAttribute('client_secret');
  }
  public set clientSecret(value: string) {
    this._clientSecret = value;
  }
  public resetClientSecret() {
    this._clientSecret = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get clientSecretInput() {
    return this._clientSecret;
  }

  // client_secret_wo - computed: false, optional: true, required: false
  private _clientSecretWo?: string; 
  public get clientSecretWo(): string | undefined {
    // write-only: never in state, so this gives back what was configured (undefined when unset)
    return this._clientSecretWo;
  }
  public set clientSecretWo(value: string) {
    this._clientSecretWo = value;
  }
  public resetClientSecretWo() {
    this._clientSecretWo = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get clientSecretWoInput() {
    return this._clientSecretWo;
  }

  // code - computed: false, optional: true, required: false
  private _code?: string; 
  public get code() {
    return this.getStringAttribute('code');
  }
  public set code(value: string) {
    this._code = value;
  }
  public resetCode() {
    this._code = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get codeInput() {
    return this._code;
  }

  // code_wo - computed: false, optional: true, required: false
  private _codeWo?: string; 
  public get codeWo(): string | undefined {
    // write-only: never in state, so this gives back what was configured (undefined when unset)
    return this._codeWo;
  }
  public set codeWo(value: string) {
    this._codeWo = value;
  }
  public resetCodeWo() {
    this._codeWo = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get codeWoInput() {
    return this._codeWo;
  }

  // private_key - computed: false, optional: true, required: false
  private _privateKey?: string; 
  public get privateKey() {
    return this.getStringAttribute('private_key');
  }
  public set privateKey(value: string) {
    this._privateKey = value;
  }
  public resetPrivateKey() {
    this._privateKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get privateKeyInput() {
    return this._privateKey;
  }

  // private_key_wo - computed: false, optional: true, required: false
  private _privateKeyWo?: string; 
  public get privateKeyWo(): string | undefined {
    // write-only: never in state, so this gives back what was configured (undefined when unset)
    return this._privateKeyWo;
  }
  public set privateKeyWo(value: string) {
    this._privateKeyWo = value;
  }
  public resetPrivateKeyWo() {
    this._privateKeyWo = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get privateKeyWoInput() {
    return this._privateKeyWo;
  }

  // tenant_id - computed: false, optional: true, required: false
  private _tenantId?: string; 
  public get tenantId() {
    return this.getStringAttribute('tenant_id');
  }
  public set tenantId(value: string) {
    this._tenantId = value;
  }
  public resetTenantId() {
    this._tenantId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tenantIdInput() {
    return this._tenantId;
  }
}
export interface AppConnectionAzureKeyVaultRotationRotateAtUtc {
  /**
  * Hour, 0–23.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#hours AppConnectionAzureKeyVault#hours}
  */
  readonly hours: number;
  /**
  * Minute, 0–59.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#minutes AppConnectionAzureKeyVault#minutes}
  */
  readonly minutes: number;
}

export function appConnectionAzureKeyVaultRotationRotateAtUtcToTerraform(struct?: AppConnectionAzureKeyVaultRotationRotateAtUtc | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    hours: cdktn.numberToTerraform(struct!.hours),
    minutes: cdktn.numberToTerraform(struct!.minutes),
  }
}


export function appConnectionAzureKeyVaultRotationRotateAtUtcToHclTerraform(struct?: AppConnectionAzureKeyVaultRotationRotateAtUtc | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    hours: {
      value: cdktn.numberToHclTerraform(struct!.hours),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    minutes: {
      value: cdktn.numberToHclTerraform(struct!.minutes),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class AppConnectionAzureKeyVaultRotationRotateAtUtcOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): AppConnectionAzureKeyVaultRotationRotateAtUtc | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._hours !== undefined) {
      hasAnyValues = true;
      internalValueResult.hours = this._hours;
    }
    if (this._minutes !== undefined) {
      hasAnyValues = true;
      internalValueResult.minutes = this._minutes;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: AppConnectionAzureKeyVaultRotationRotateAtUtc | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._hours = undefined;
      this._minutes = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._hours = value.hours;
      this._minutes = value.minutes;
    }
  }

  // hours - computed: false, optional: false, required: true
  private _hours?: number; 
  public get hours() {
    return this.getNumberAttribute('hours');
  }
  public set hours(value: number) {
    this._hours = value;
  }
  // Temporarily expose input value. Use with caution.
  public get hoursInput() {
    return this._hours;
  }

  // minutes - computed: false, optional: false, required: true
  private _minutes?: number; 
  public get minutes() {
    return this.getNumberAttribute('minutes');
  }
  public set minutes(value: number) {
    this._minutes = value;
  }
  // Temporarily expose input value. Use with caution.
  public get minutesInput() {
    return this._minutes;
  }
}
export interface AppConnectionAzureKeyVaultRotation {
  /**
  * Time of day (UTC) at which rotation happens.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#rotate_at_utc AppConnectionAzureKeyVault#rotate_at_utc}
  */
  readonly rotateAtUtc: AppConnectionAzureKeyVaultRotationRotateAtUtc;
  /**
  * Days between rotations, 1–365.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#rotation_interval AppConnectionAzureKeyVault#rotation_interval}
  */
  readonly rotationInterval: number;
}

export function appConnectionAzureKeyVaultRotationToTerraform(struct?: AppConnectionAzureKeyVaultRotation | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    rotate_at_utc: appConnectionAzureKeyVaultRotationRotateAtUtcToTerraform(struct!.rotateAtUtc),
    rotation_interval: cdktn.numberToTerraform(struct!.rotationInterval),
  }
}


export function appConnectionAzureKeyVaultRotationToHclTerraform(struct?: AppConnectionAzureKeyVaultRotation | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    rotate_at_utc: {
      value: appConnectionAzureKeyVaultRotationRotateAtUtcToHclTerraform(struct!.rotateAtUtc),
      isBlock: true,
      type: "struct",
      storageClassType: "AppConnectionAzureKeyVaultRotationRotateAtUtc",
    },
    rotation_interval: {
      value: cdktn.numberToHclTerraform(struct!.rotationInterval),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class AppConnectionAzureKeyVaultRotationOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): AppConnectionAzureKeyVaultRotation | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._rotateAtUtc?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.rotateAtUtc = this._rotateAtUtc?.internalValue;
    }
    if (this._rotationInterval !== undefined) {
      hasAnyValues = true;
      internalValueResult.rotationInterval = this._rotationInterval;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: AppConnectionAzureKeyVaultRotation | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._rotateAtUtc.internalValue = undefined;
      this._rotationInterval = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._rotateAtUtc.internalValue = value.rotateAtUtc;
      this._rotationInterval = value.rotationInterval;
    }
  }

  // rotate_at_utc - computed: false, optional: false, required: true
  private _rotateAtUtc = new AppConnectionAzureKeyVaultRotationRotateAtUtcOutputReference(this, "rotate_at_utc");
  public get rotateAtUtc() {
    return this._rotateAtUtc;
  }
  public putRotateAtUtc(value: AppConnectionAzureKeyVaultRotationRotateAtUtc) {
    this._rotateAtUtc.internalValue = value;
  }
  // Temporarily expose input value. Use with caution.
  public get rotateAtUtcInput() {
    return this._rotateAtUtc.internalValue;
  }

  // rotation_interval - computed: false, optional: false, required: true
  private _rotationInterval?: number; 
  public get rotationInterval() {
    return this.getNumberAttribute('rotation_interval');
  }
  public set rotationInterval(value: number) {
    this._rotationInterval = value;
  }
  // Temporarily expose input value. Use with caution.
  public get rotationIntervalInput() {
    return this._rotationInterval;
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault infisical_app_connection_azure_key_vault}
*/
export class AppConnectionAzureKeyVault extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "infisical_app_connection_azure_key_vault";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a AppConnectionAzureKeyVault resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the AppConnectionAzureKeyVault to import
  * @param importFromId The id of the existing AppConnectionAzureKeyVault that should be imported. Refer to the {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the AppConnectionAzureKeyVault to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "infisical_app_connection_azure_key_vault", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_azure_key_vault infisical_app_connection_azure_key_vault} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options AppConnectionAzureKeyVaultConfig
  */
  public constructor(scope: Construct, id: string, config: AppConnectionAzureKeyVaultConfig) {
    super(scope, id, {
      terraformResourceType: 'infisical_app_connection_azure_key_vault',
      terraformGeneratorMetadata: {
        providerName: 'infisical',
        providerVersion: '0.1.0'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._credentials.internalValue = config.credentials;
    this._credentialsWoVersion = config.credentialsWoVersion;
    this._description = config.description;
    this._gatewayId = config.gatewayId;
    this._isAutoRotationEnabled = config.isAutoRotationEnabled;
    this._isPlatformManagedCredentials = config.isPlatformManagedCredentials;
    this._method = config.method;
    this._name = config.name;
    this._projectId = config.projectId;
    this._rotation.internalValue = config.rotation;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // created_at - computed: true, optional: false, required: false
  public get createdAt() {
    return this.getStringAttribute('created_at');
  }

  // credentials - computed: false, optional: false, required: true
  private _credentials = new AppConnectionAzureKeyVaultCredentialsOutputReference(this, "credentials");
  public get credentials() {
    return this._credentials;
  }
  public putCredentials(value: AppConnectionAzureKeyVaultCredentials) {
    this._credentials.internalValue = value;
  }
  // Temporarily expose input value. Use with caution.
  public get credentialsInput() {
    return this._credentials.internalValue;
  }

  // credentials_hash - computed: true, optional: false, required: false
  public get credentialsHash() {
    return this.getStringAttribute('credentials_hash');
  }

  // credentials_wo_version - computed: false, optional: true, required: false
  private _credentialsWoVersion?: number; 
  public get credentialsWoVersion() {
    return this.getNumberAttribute('credentials_wo_version');
  }
  public set credentialsWoVersion(value: number) {
    this._credentialsWoVersion = value;
  }
  public resetCredentialsWoVersion() {
    this._credentialsWoVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get credentialsWoVersionInput() {
    return this._credentialsWoVersion;
  }

  // description - computed: false, optional: true, required: false
  private _description?: string; 
  public get description() {
    return this.getStringAttribute('description');
  }
  public set description(value: string) {
    this._description = value;
  }
  public resetDescription() {
    this._description = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get descriptionInput() {
    return this._description;
  }

  // gateway_id - computed: false, optional: true, required: false
  private _gatewayId?: string; 
  public get gatewayId() {
    return this.getStringAttribute('gateway_id');
  }
  public set gatewayId(value: string) {
    this._gatewayId = value;
  }
  public resetGatewayId() {
    this._gatewayId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get gatewayIdInput() {
    return this._gatewayId;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // is_auto_rotation_enabled - computed: true, optional: true, required: false
  private _isAutoRotationEnabled?: boolean | cdktn.IResolvable; 
  public get isAutoRotationEnabled() {
    return this.getBooleanAttribute('is_auto_rotation_enabled');
  }
  public set isAutoRotationEnabled(value: boolean | cdktn.IResolvable) {
    this._isAutoRotationEnabled = value;
  }
  public resetIsAutoRotationEnabled() {
    this._isAutoRotationEnabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get isAutoRotationEnabledInput() {
    return this._isAutoRotationEnabled;
  }

  // is_platform_managed_credentials - computed: true, optional: true, required: false
  private _isPlatformManagedCredentials?: boolean | cdktn.IResolvable; 
  public get isPlatformManagedCredentials() {
    return this.getBooleanAttribute('is_platform_managed_credentials');
  }
  public set isPlatformManagedCredentials(value: boolean | cdktn.IResolvable) {
    this._isPlatformManagedCredentials = value;
  }
  public resetIsPlatformManagedCredentials() {
    this._isPlatformManagedCredentials = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get isPlatformManagedCredentialsInput() {
    return this._isPlatformManagedCredentials;
  }

  // last_rotation_message - computed: true, optional: false, required: false
  public get lastRotationMessage() {
    return this.getStringAttribute('last_rotation_message');
  }

  // method - computed: false, optional: false, required: true
  private _method?: string; 
  public get method() {
    return this.getStringAttribute('method');
  }
  public set method(value: string) {
    this._method = value;
  }
  // Temporarily expose input value. Use with caution.
  public get methodInput() {
    return this._method;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // next_rotation_at - computed: true, optional: false, required: false
  public get nextRotationAt() {
    return this.getStringAttribute('next_rotation_at');
  }

  // org_id - computed: true, optional: false, required: false
  public get orgId() {
    return this.getStringAttribute('org_id');
  }

  // project_id - computed: false, optional: true, required: false
  private _projectId?: string; 
  public get projectId() {
    return this.getStringAttribute('project_id');
  }
  public set projectId(value: string) {
    this._projectId = value;
  }
  public resetProjectId() {
    this._projectId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get projectIdInput() {
    return this._projectId;
  }

  // rotation - computed: false, optional: true, required: false
  private _rotation = new AppConnectionAzureKeyVaultRotationOutputReference(this, "rotation");
  public get rotation() {
    return this._rotation;
  }
  public putRotation(value: AppConnectionAzureKeyVaultRotation) {
    this._rotation.internalValue = value;
  }
  public resetRotation() {
    this._rotation.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get rotationInput() {
    return this._rotation.internalValue;
  }

  // rotation_status - computed: true, optional: false, required: false
  public get rotationStatus() {
    return this.getStringAttribute('rotation_status');
  }

  // updated_at - computed: true, optional: false, required: false
  public get updatedAt() {
    return this.getStringAttribute('updated_at');
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      credentials: appConnectionAzureKeyVaultCredentialsToTerraform(this._credentials.internalValue),
      credentials_wo_version: cdktn.numberToTerraform(this._credentialsWoVersion),
      description: cdktn.stringToTerraform(this._description),
      gateway_id: cdktn.stringToTerraform(this._gatewayId),
      is_auto_rotation_enabled: cdktn.booleanToTerraform(this._isAutoRotationEnabled),
      is_platform_managed_credentials: cdktn.booleanToTerraform(this._isPlatformManagedCredentials),
      method: cdktn.stringToTerraform(this._method),
      name: cdktn.stringToTerraform(this._name),
      project_id: cdktn.stringToTerraform(this._projectId),
      rotation: appConnectionAzureKeyVaultRotationToTerraform(this._rotation.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      credentials: {
        value: appConnectionAzureKeyVaultCredentialsToHclTerraform(this._credentials.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "AppConnectionAzureKeyVaultCredentials",
      },
      credentials_wo_version: {
        value: cdktn.numberToHclTerraform(this._credentialsWoVersion),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      description: {
        value: cdktn.stringToHclTerraform(this._description),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      gateway_id: {
        value: cdktn.stringToHclTerraform(this._gatewayId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      is_auto_rotation_enabled: {
        value: cdktn.booleanToHclTerraform(this._isAutoRotationEnabled),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      is_platform_managed_credentials: {
        value: cdktn.booleanToHclTerraform(this._isPlatformManagedCredentials),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      method: {
        value: cdktn.stringToHclTerraform(this._method),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      name: {
        value: cdktn.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      project_id: {
        value: cdktn.stringToHclTerraform(this._projectId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      rotation: {
        value: appConnectionAzureKeyVaultRotationToHclTerraform(this._rotation.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "AppConnectionAzureKeyVaultRotation",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
