// https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface AppConnectionPostgresConfig extends cdktn.TerraformMetaArguments {
  /**
  * The credentials used to connect with PostgreSQL; which fields apply depends on `method`. Each secret has a write-only form (`*_wo`) that is sent but never stored.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#credentials AppConnectionPostgres#credentials}
  */
  readonly credentials: AppConnectionPostgresCredentials;
  /**
  * Change this number to send the write-only credentials (the `*_wo` fields) again: a changed write-only value alone plans nothing, because Terraform keeps no copy to compare with.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#credentials_wo_version AppConnectionPostgres#credentials_wo_version}
  */
  readonly credentialsWoVersion?: number;
  /**
  * A description of the PostgreSQL Connection, at most 256 characters.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#description AppConnectionPostgres#description}
  */
  readonly description?: string;
  /**
  * The ID of the Gateway used to reach the service.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#gateway_id AppConnectionPostgres#gateway_id}
  */
  readonly gatewayId?: string;
  /**
  * Not supported for PostgreSQL Connections.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#is_auto_rotation_enabled AppConnectionPostgres#is_auto_rotation_enabled}
  */
  readonly isAutoRotationEnabled?: boolean | cdktn.IResolvable;
  /**
  * Whether Infisical takes over the credentials (it changes the password to one it keeps). Once enabled this cannot be reversed.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#is_platform_managed_credentials AppConnectionPostgres#is_platform_managed_credentials}
  */
  readonly isPlatformManagedCredentials?: boolean | cdktn.IResolvable;
  /**
  * How Infisical authenticates with PostgreSQL: `username-and-password` (default `username-and-password`). The API cannot change it: changing it forces a new connection.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#method AppConnectionPostgres#method}
  */
  readonly method?: string;
  /**
  * The name of the PostgreSQL Connection: a lowercase slug (letters, digits, hyphens), 1–64 characters, unique in its scope.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#name AppConnectionPostgres#name}
  */
  readonly name: string;
  /**
  * The project the connection belongs to; unset for an organization-level connection. Changing it forces a new connection.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#project_id AppConnectionPostgres#project_id}
  */
  readonly projectId?: string;
  /**
  * Not supported for PostgreSQL Connections.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#rotation AppConnectionPostgres#rotation}
  */
  readonly rotation?: AppConnectionPostgresRotation;
}
export interface AppConnectionPostgresCredentials {
  /**
  * Database name.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#database AppConnectionPostgres#database}
  */
  readonly database: string;
  /**
  * Host name or address of the server.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#host AppConnectionPostgres#host}
  */
  readonly host: string;
  /**
  * Password of the user.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#password AppConnectionPostgres#password}
  */
  readonly password?: string;
  /**
  * Write-only form of `password` (Terraform ≥ 1.11): sent to the API, never stored in state or plans; takes ephemeral values. Set `password` or `password_wo`, not both.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#password_wo AppConnectionPostgres#password_wo}
  */
  readonly passwordWo?: string;
  /**
  * Port of the server (default 5432).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#port AppConnectionPostgres#port}
  */
  readonly port?: number;
  /**
  * CA certificate (PEM) to verify the server with.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#ssl_certificate AppConnectionPostgres#ssl_certificate}
  */
  readonly sslCertificate?: string;
  /**
  * Whether to connect with TLS (default true).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#ssl_enabled AppConnectionPostgres#ssl_enabled}
  */
  readonly sslEnabled?: boolean | cdktn.IResolvable;
  /**
  * Whether to reject a server certificate that does not verify (default true).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#ssl_reject_unauthorized AppConnectionPostgres#ssl_reject_unauthorized}
  */
  readonly sslRejectUnauthorized?: boolean | cdktn.IResolvable;
  /**
  * User name.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#username AppConnectionPostgres#username}
  */
  readonly username: string;
}

export function appConnectionPostgresCredentialsToTerraform(struct?: AppConnectionPostgresCredentials | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    database: cdktn.stringToTerraform(struct!.database),
    host: cdktn.stringToTerraform(struct!.host),
    password: cdktn.stringToTerraform(struct!.password),
    password_wo: cdktn.stringToTerraform(struct!.passwordWo),
    port: cdktn.numberToTerraform(struct!.port),
    ssl_certificate: cdktn.stringToTerraform(struct!.sslCertificate),
    ssl_enabled: cdktn.booleanToTerraform(struct!.sslEnabled),
    ssl_reject_unauthorized: cdktn.booleanToTerraform(struct!.sslRejectUnauthorized),
    username: cdktn.stringToTerraform(struct!.username),
  }
}


export function appConnectionPostgresCredentialsToHclTerraform(struct?: AppConnectionPostgresCredentials | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    database: {
      value: cdktn.stringToHclTerraform(struct!.database),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    host: {
      value: cdktn.stringToHclTerraform(struct!.host),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    password: {
      value: cdktn.stringToHclTerraform(struct!.password),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    password_wo: {
      value: cdktn.stringToHclTerraform(struct!.passwordWo),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    port: {
      value: cdktn.numberToHclTerraform(struct!.port),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    ssl_certificate: {
      value: cdktn.stringToHclTerraform(struct!.sslCertificate),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ssl_enabled: {
      value: cdktn.booleanToHclTerraform(struct!.sslEnabled),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    ssl_reject_unauthorized: {
      value: cdktn.booleanToHclTerraform(struct!.sslRejectUnauthorized),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    username: {
      value: cdktn.stringToHclTerraform(struct!.username),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class AppConnectionPostgresCredentialsOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): AppConnectionPostgresCredentials | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._database !== undefined) {
      hasAnyValues = true;
      internalValueResult.database = this._database;
    }
    if (this._host !== undefined) {
      hasAnyValues = true;
      internalValueResult.host = this._host;
    }
    if (this._password !== undefined) {
      hasAnyValues = true;
      internalValueResult.password = this._password;
    }
    if (this._passwordWo !== undefined) {
      hasAnyValues = true;
      internalValueResult.passwordWo = this._passwordWo;
    }
    if (this._port !== undefined) {
      hasAnyValues = true;
      internalValueResult.port = this._port;
    }
    if (this._sslCertificate !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslCertificate = this._sslCertificate;
    }
    if (this._sslEnabled !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslEnabled = this._sslEnabled;
    }
    if (this._sslRejectUnauthorized !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslRejectUnauthorized = this._sslRejectUnauthorized;
    }
    if (this._username !== undefined) {
      hasAnyValues = true;
      internalValueResult.username = this._username;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: AppConnectionPostgresCredentials | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._database = undefined;
      this._host = undefined;
      this._password = undefined;
      this._passwordWo = undefined;
      this._port = undefined;
      this._sslCertificate = undefined;
      this._sslEnabled = undefined;
      this._sslRejectUnauthorized = undefined;
      this._username = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._database = value.database;
      this._host = value.host;
      this._password = value.password;
      this._passwordWo = value.passwordWo;
      this._port = value.port;
      this._sslCertificate = value.sslCertificate;
      this._sslEnabled = value.sslEnabled;
      this._sslRejectUnauthorized = value.sslRejectUnauthorized;
      this._username = value.username;
    }
  }

  // database - computed: false, optional: false, required: true
  private _database?: string; 
  public get database() {
    return this.getStringAttribute('database');
  }
  public set database(value: string) {
    this._database = value;
  }
  // Temporarily expose input value. Use with caution.
  public get databaseInput() {
    return this._database;
  }

  // host - computed: false, optional: false, required: true
  private _host?: string; 
  public get host() {
    return this.getStringAttribute('host');
  }
  public set host(value: string) {
    this._host = value;
  }
  // Temporarily expose input value. Use with caution.
  public get hostInput() {
    return this._host;
  }

  // password - computed: false, optional: true, required: false
  private _password?: string; 
  public get password() {
    return this.getStringAttribute('password');
  }
  public set password(value: string) {
    this._password = value;
  }
  public resetPassword() {
    this._password = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordInput() {
    return this._password;
  }

  // password_wo - computed: false, optional: true, required: false
  private _passwordWo?: string; 
  public get passwordWo(): string | undefined {
    // write-only: never in state, so this gives back what was configured (undefined when unset)
    return this._passwordWo;
  }
  public set passwordWo(value: string) {
    this._passwordWo = value;
  }
  public resetPasswordWo() {
    this._passwordWo = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordWoInput() {
    return this._passwordWo;
  }

  // port - computed: true, optional: true, required: false
  private _port?: number; 
  public get port() {
    return this.getNumberAttribute('port');
  }
  public set port(value: number) {
    this._port = value;
  }
  public resetPort() {
    this._port = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get portInput() {
    return this._port;
  }

  // ssl_certificate - computed: false, optional: true, required: false
  private _sslCertificate?: string; 
  public get sslCertificate() {
    return this.getStringAttribute('ssl_certificate');
  }
  public set sslCertificate(value: string) {
    this._sslCertificate = value;
  }
  public resetSslCertificate() {
    this._sslCertificate = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslCertificateInput() {
    return this._sslCertificate;
  }

  // ssl_enabled - computed: true, optional: true, required: false
  private _sslEnabled?: boolean | cdktn.IResolvable; 
  public get sslEnabled() {
    return this.getBooleanAttribute('ssl_enabled');
  }
  public set sslEnabled(value: boolean | cdktn.IResolvable) {
    this._sslEnabled = value;
  }
  public resetSslEnabled() {
    this._sslEnabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslEnabledInput() {
    return this._sslEnabled;
  }

  // ssl_reject_unauthorized - computed: true, optional: true, required: false
  private _sslRejectUnauthorized?: boolean | cdktn.IResolvable; 
  public get sslRejectUnauthorized() {
    return this.getBooleanAttribute('ssl_reject_unauthorized');
  }
  public set sslRejectUnauthorized(value: boolean | cdktn.IResolvable) {
    this._sslRejectUnauthorized = value;
  }
  public resetSslRejectUnauthorized() {
    this._sslRejectUnauthorized = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslRejectUnauthorizedInput() {
    return this._sslRejectUnauthorized;
  }

  // username - computed: false, optional: false, required: true
  private _username?: string; 
  public get username() {
    return this.getStringAttribute('username');
  }
  public set username(value: string) {
    this._username = value;
  }
  // Temporarily expose input value. Use with caution.
  public get usernameInput() {
    return this._username;
  }
}
export interface AppConnectionPostgresRotationRotateAtUtc {
  /**
  * Hour, 0–23.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#hours AppConnectionPostgres#hours}
  */
  readonly hours: number;
  /**
  * Minute, 0–59.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#minutes AppConnectionPostgres#minutes}
  */
  readonly minutes: number;
}

export function appConnectionPostgresRotationRotateAtUtcToTerraform(struct?: AppConnectionPostgresRotationRotateAtUtc | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    hours: cdktn.numberToTerraform(struct!.hours),
    minutes: cdktn.numberToTerraform(struct!.minutes),
  }
}


export function appConnectionPostgresRotationRotateAtUtcToHclTerraform(struct?: AppConnectionPostgresRotationRotateAtUtc | cdktn.IResolvable): any {
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

export class AppConnectionPostgresRotationRotateAtUtcOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): AppConnectionPostgresRotationRotateAtUtc | cdktn.IResolvable | undefined {
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

  public set internalValue(value: AppConnectionPostgresRotationRotateAtUtc | cdktn.IResolvable | undefined) {
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
export interface AppConnectionPostgresRotation {
  /**
  * Time of day (UTC) at which rotation happens.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#rotate_at_utc AppConnectionPostgres#rotate_at_utc}
  */
  readonly rotateAtUtc: AppConnectionPostgresRotationRotateAtUtc;
  /**
  * Days between rotations, 1–365.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#rotation_interval AppConnectionPostgres#rotation_interval}
  */
  readonly rotationInterval: number;
}

export function appConnectionPostgresRotationToTerraform(struct?: AppConnectionPostgresRotation | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    rotate_at_utc: appConnectionPostgresRotationRotateAtUtcToTerraform(struct!.rotateAtUtc),
    rotation_interval: cdktn.numberToTerraform(struct!.rotationInterval),
  }
}


export function appConnectionPostgresRotationToHclTerraform(struct?: AppConnectionPostgresRotation | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    rotate_at_utc: {
      value: appConnectionPostgresRotationRotateAtUtcToHclTerraform(struct!.rotateAtUtc),
      isBlock: true,
      type: "struct",
      storageClassType: "AppConnectionPostgresRotationRotateAtUtc",
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

export class AppConnectionPostgresRotationOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): AppConnectionPostgresRotation | cdktn.IResolvable | undefined {
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

  public set internalValue(value: AppConnectionPostgresRotation | cdktn.IResolvable | undefined) {
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
  private _rotateAtUtc = new AppConnectionPostgresRotationRotateAtUtcOutputReference(this, "rotate_at_utc");
  public get rotateAtUtc() {
    return this._rotateAtUtc;
  }
  public putRotateAtUtc(value: AppConnectionPostgresRotationRotateAtUtc) {
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
* Represents a {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres infisical_app_connection_postgres}
*/
export class AppConnectionPostgres extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "infisical_app_connection_postgres";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a AppConnectionPostgres resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the AppConnectionPostgres to import
  * @param importFromId The id of the existing AppConnectionPostgres that should be imported. Refer to the {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the AppConnectionPostgres to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "infisical_app_connection_postgres", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/resources/app_connection_postgres infisical_app_connection_postgres} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options AppConnectionPostgresConfig
  */
  public constructor(scope: Construct, id: string, config: AppConnectionPostgresConfig) {
    super(scope, id, {
      terraformResourceType: 'infisical_app_connection_postgres',
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
  private _credentials = new AppConnectionPostgresCredentialsOutputReference(this, "credentials");
  public get credentials() {
    return this._credentials;
  }
  public putCredentials(value: AppConnectionPostgresCredentials) {
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
  private _rotation = new AppConnectionPostgresRotationOutputReference(this, "rotation");
  public get rotation() {
    return this._rotation;
  }
  public putRotation(value: AppConnectionPostgresRotation) {
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
      credentials: appConnectionPostgresCredentialsToTerraform(this._credentials.internalValue),
      credentials_wo_version: cdktn.numberToTerraform(this._credentialsWoVersion),
      description: cdktn.stringToTerraform(this._description),
      gateway_id: cdktn.stringToTerraform(this._gatewayId),
      is_auto_rotation_enabled: cdktn.booleanToTerraform(this._isAutoRotationEnabled),
      is_platform_managed_credentials: cdktn.booleanToTerraform(this._isPlatformManagedCredentials),
      method: cdktn.stringToTerraform(this._method),
      name: cdktn.stringToTerraform(this._name),
      project_id: cdktn.stringToTerraform(this._projectId),
      rotation: appConnectionPostgresRotationToTerraform(this._rotation.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      credentials: {
        value: appConnectionPostgresCredentialsToHclTerraform(this._credentials.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "AppConnectionPostgresCredentials",
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
        value: appConnectionPostgresRotationToHclTerraform(this._rotation.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "AppConnectionPostgresRotation",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
