// https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface AppConnectionHerokuConfig extends cdktn.TerraformMetaArguments {
  /**
  * The credentials used to connect with Heroku; which fields apply depends on `method`. Each secret has a write-only form (`*_wo`) that is sent but never stored.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku#credentials AppConnectionHeroku#credentials}
  */
  readonly credentials: AppConnectionHerokuCredentials;
  /**
  * Change this number to send the write-only credentials (the `*_wo` fields) again: a changed write-only value alone plans nothing, because Terraform keeps no copy to compare with.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku#credentials_wo_version AppConnectionHeroku#credentials_wo_version}
  */
  readonly credentialsWoVersion?: number;
  /**
  * A description of the Heroku Connection, at most 256 characters.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku#description AppConnectionHeroku#description}
  */
  readonly description?: string;
  /**
  * Not supported for Heroku Connections.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku#gateway_id AppConnectionHeroku#gateway_id}
  */
  readonly gatewayId?: string;
  /**
  * Not supported for Heroku Connections.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku#is_auto_rotation_enabled AppConnectionHeroku#is_auto_rotation_enabled}
  */
  readonly isAutoRotationEnabled?: boolean | cdktn.IResolvable;
  /**
  * Not supported for Heroku Connections.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku#is_platform_managed_credentials AppConnectionHeroku#is_platform_managed_credentials}
  */
  readonly isPlatformManagedCredentials?: boolean | cdktn.IResolvable;
  /**
  * How Infisical authenticates with Heroku: `auth-token`, `oauth` (default `auth-token`). The API cannot change it: changing it forces a new connection.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku#method AppConnectionHeroku#method}
  */
  readonly method?: string;
  /**
  * The name of the Heroku Connection: a lowercase slug (letters, digits, hyphens), 1–64 characters, unique in its scope.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku#name AppConnectionHeroku#name}
  */
  readonly name: string;
  /**
  * The project the connection belongs to; unset for an organization-level connection. Changing it forces a new connection.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku#project_id AppConnectionHeroku#project_id}
  */
  readonly projectId?: string;
  /**
  * Not supported for Heroku Connections.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku#rotation AppConnectionHeroku#rotation}
  */
  readonly rotation?: AppConnectionHerokuRotation;
}
export interface AppConnectionHerokuCredentials {
  /**
  * Auth token: a Heroku API token, starting with `HRKU-`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku#auth_token AppConnectionHeroku#auth_token}
  */
  readonly authToken?: string;
  /**
  * Write-only form of `auth_token` (Terraform ≥ 1.11): sent to the API, never stored in state or plans; takes ephemeral values. Set `auth_token` or `auth_token_wo`, not both.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku#auth_token_wo AppConnectionHeroku#auth_token_wo}
  */
  readonly authTokenWo?: string;
  /**
  * OAuth: the one-time authorization code; needed only to create.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku#code AppConnectionHeroku#code}
  */
  readonly code?: string;
  /**
  * Write-only form of `code` (Terraform ≥ 1.11): sent to the API, never stored in state or plans; takes ephemeral values. Set `code` or `code_wo`, not both.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku#code_wo AppConnectionHeroku#code_wo}
  */
  readonly codeWo?: string;
}

export function appConnectionHerokuCredentialsToTerraform(struct?: AppConnectionHerokuCredentials | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    auth_token: cdktn.stringToTerraform(struct!.authToken),
    auth_token_wo: cdktn.stringToTerraform(struct!.authTokenWo),
    code: cdktn.stringToTerraform(struct!.code),
    code_wo: cdktn.stringToTerraform(struct!.codeWo),
  }
}


export function appConnectionHerokuCredentialsToHclTerraform(struct?: AppConnectionHerokuCredentials | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    auth_token: {
      value: cdktn.stringToHclTerraform(struct!.authToken),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    auth_token_wo: {
      value: cdktn.stringToHclTerraform(struct!.authTokenWo),
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
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class AppConnectionHerokuCredentialsOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): AppConnectionHerokuCredentials | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._authToken !== undefined) {
      hasAnyValues = true;
      internalValueResult.authToken = this._authToken;
    }
    if (this._authTokenWo !== undefined) {
      hasAnyValues = true;
      internalValueResult.authTokenWo = this._authTokenWo;
    }
    if (this._code !== undefined) {
      hasAnyValues = true;
      internalValueResult.code = this._code;
    }
    if (this._codeWo !== undefined) {
      hasAnyValues = true;
      internalValueResult.codeWo = this._codeWo;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: AppConnectionHerokuCredentials | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._authToken = undefined;
      this._authTokenWo = undefined;
      this._code = undefined;
      this._codeWo = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._authToken = value.authToken;
      this._authTokenWo = value.authTokenWo;
      this._code = value.code;
      this._codeWo = value.codeWo;
    }
  }

  // auth_token - computed: false, optional: true, required: false
  private _authToken?: string; 
  public get authToken() {
    return this.getStringAttribute('auth_token');
  }
  public set authToken(value: string) {
    this._authToken = value;
  }
  public resetAuthToken() {
    this._authToken = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get authTokenInput() {
    return this._authToken;
  }

  // auth_token_wo - computed: false, optional: true, required: false
  private _authTokenWo?: string; 
  public get authTokenWo(): string | undefined {
    // write-only: never in state, so this gives back what was configured (undefined when unset)
    return this._authTokenWo;
  }
  public set authTokenWo(value: string) {
    this._authTokenWo = value;
  }
  public resetAuthTokenWo() {
    this._authTokenWo = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get authTokenWoInput() {
    return this._authTokenWo;
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
}
export interface AppConnectionHerokuRotationRotateAtUtc {
  /**
  * Hour, 0–23.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku#hours AppConnectionHeroku#hours}
  */
  readonly hours: number;
  /**
  * Minute, 0–59.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku#minutes AppConnectionHeroku#minutes}
  */
  readonly minutes: number;
}

export function appConnectionHerokuRotationRotateAtUtcToTerraform(struct?: AppConnectionHerokuRotationRotateAtUtc | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    hours: cdktn.numberToTerraform(struct!.hours),
    minutes: cdktn.numberToTerraform(struct!.minutes),
  }
}


export function appConnectionHerokuRotationRotateAtUtcToHclTerraform(struct?: AppConnectionHerokuRotationRotateAtUtc | cdktn.IResolvable): any {
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

export class AppConnectionHerokuRotationRotateAtUtcOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): AppConnectionHerokuRotationRotateAtUtc | cdktn.IResolvable | undefined {
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

  public set internalValue(value: AppConnectionHerokuRotationRotateAtUtc | cdktn.IResolvable | undefined) {
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
export interface AppConnectionHerokuRotation {
  /**
  * Time of day (UTC) at which rotation happens.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku#rotate_at_utc AppConnectionHeroku#rotate_at_utc}
  */
  readonly rotateAtUtc: AppConnectionHerokuRotationRotateAtUtc;
  /**
  * Days between rotations, 1–365.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku#rotation_interval AppConnectionHeroku#rotation_interval}
  */
  readonly rotationInterval: number;
}

export function appConnectionHerokuRotationToTerraform(struct?: AppConnectionHerokuRotation | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    rotate_at_utc: appConnectionHerokuRotationRotateAtUtcToTerraform(struct!.rotateAtUtc),
    rotation_interval: cdktn.numberToTerraform(struct!.rotationInterval),
  }
}


export function appConnectionHerokuRotationToHclTerraform(struct?: AppConnectionHerokuRotation | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    rotate_at_utc: {
      value: appConnectionHerokuRotationRotateAtUtcToHclTerraform(struct!.rotateAtUtc),
      isBlock: true,
      type: "struct",
      storageClassType: "AppConnectionHerokuRotationRotateAtUtc",
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

export class AppConnectionHerokuRotationOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): AppConnectionHerokuRotation | cdktn.IResolvable | undefined {
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

  public set internalValue(value: AppConnectionHerokuRotation | cdktn.IResolvable | undefined) {
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
  private _rotateAtUtc = new AppConnectionHerokuRotationRotateAtUtcOutputReference(this, "rotate_at_utc");
  public get rotateAtUtc() {
    return this._rotateAtUtc;
  }
  public putRotateAtUtc(value: AppConnectionHerokuRotationRotateAtUtc) {
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
* Represents a {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku infisical_app_connection_heroku}
*/
export class AppConnectionHeroku extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "infisical_app_connection_heroku";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a AppConnectionHeroku resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the AppConnectionHeroku to import
  * @param importFromId The id of the existing AppConnectionHeroku that should be imported. Refer to the {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the AppConnectionHeroku to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "infisical_app_connection_heroku", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_heroku infisical_app_connection_heroku} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options AppConnectionHerokuConfig
  */
  public constructor(scope: Construct, id: string, config: AppConnectionHerokuConfig) {
    super(scope, id, {
      terraformResourceType: 'infisical_app_connection_heroku',
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
  private _credentials = new AppConnectionHerokuCredentialsOutputReference(this, "credentials");
  public get credentials() {
    return this._credentials;
  }
  public putCredentials(value: AppConnectionHerokuCredentials) {
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

  // method - computed: true, optional: true, required: false
  private _method?: string; 
  public get method() {
    return this.getStringAttribute('method');
  }
  public set method(value: string) {
    this._method = value;
  }
  public resetMethod() {
    this._method = undefined;
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
  private _rotation = new AppConnectionHerokuRotationOutputReference(this, "rotation");
  public get rotation() {
    return this._rotation;
  }
  public putRotation(value: AppConnectionHerokuRotation) {
    this._rotation.internalValue = value;
  }
  public resetRotation() {
    this._rotation.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get rotationInput() {
    return this._rotation.internalValue;
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
      credentials: appConnectionHerokuCredentialsToTerraform(this._credentials.internalValue),
      credentials_wo_version: cdktn.numberToTerraform(this._credentialsWoVersion),
      description: cdktn.stringToTerraform(this._description),
      gateway_id: cdktn.stringToTerraform(this._gatewayId),
      is_auto_rotation_enabled: cdktn.booleanToTerraform(this._isAutoRotationEnabled),
      is_platform_managed_credentials: cdktn.booleanToTerraform(this._isPlatformManagedCredentials),
      method: cdktn.stringToTerraform(this._method),
      name: cdktn.stringToTerraform(this._name),
      project_id: cdktn.stringToTerraform(this._projectId),
      rotation: appConnectionHerokuRotationToTerraform(this._rotation.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      credentials: {
        value: appConnectionHerokuCredentialsToHclTerraform(this._credentials.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "AppConnectionHerokuCredentials",
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
        value: appConnectionHerokuRotationToHclTerraform(this._rotation.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "AppConnectionHerokuRotation",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
