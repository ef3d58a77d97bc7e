// https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/data-sources/app_connection_azure_key_vault
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface DataInfisicalAppConnectionAzureKeyVaultConfig extends cdktn.TerraformMetaArguments {
  /**
  * The ID of the Azure Key Vault Connection, assigned by the server.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/data-sources/app_connection_azure_key_vault#id DataInfisicalAppConnectionAzureKeyVault#id}
  *
  * Please be aware that the id field is automatically added to all resources in Terraform providers using a Terraform provider SDK version below 2.
  * If you experience problems setting this value it might not be settable. Please take a look at the provider documentation to ensure it should be settable.
  */
  readonly id?: string;
  /**
  * The name of the Azure Key Vault Connection: a lowercase slug (letters, digits, hyphens), 1–64 characters, unique in its scope.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/data-sources/app_connection_azure_key_vault#name DataInfisicalAppConnectionAzureKeyVault#name}
  */
  readonly name?: string;
  /**
  * The project the connection belongs to; unset for an organization-level connection. Changing it forces a new connection.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/data-sources/app_connection_azure_key_vault#project_id DataInfisicalAppConnectionAzureKeyVault#project_id}
  */
  readonly projectId?: string;
}
export interface DataInfisicalAppConnectionAzureKeyVaultCredentials {
}

export function dataInfisicalAppConnectionAzureKeyVaultCredentialsToTerraform(struct?: DataInfisicalAppConnectionAzureKeyVaultCredentials): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
  }
}


export function dataInfisicalAppConnectionAzureKeyVaultCredentialsToHclTerraform(struct?: DataInfisicalAppConnectionAzureKeyVaultCredentials): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
  };
  return attrs;
}

export class DataInfisicalAppConnectionAzureKeyVaultCredentialsOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DataInfisicalAppConnectionAzureKeyVaultCredentials | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataInfisicalAppConnectionAzureKeyVaultCredentials | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // client_id - computed: true, optional: false, required: false
  public get clientId() {
    return this.getStringAttribute('client_id');
  }

  // tenant_id - computed: true, optional: false, required: false
  public get tenantId() {
    return this.getStringAttribute('tenant_id');
  }
}
export interface DataInfisicalAppConnectionAzureKeyVaultRotationRotateAtUtc {
}

export function dataInfisicalAppConnectionAzureKeyVaultRotationRotateAtUtcToTerraform(struct?: DataInfisicalAppConnectionAzureKeyVaultRotationRotateAtUtc): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
  }
}


export function dataInfisicalAppConnectionAzureKeyVaultRotationRotateAtUtcToHclTerraform(struct?: DataInfisicalAppConnectionAzureKeyVaultRotationRotateAtUtc): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
  };
  return attrs;
}

export class DataInfisicalAppConnectionAzureKeyVaultRotationRotateAtUtcOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DataInfisicalAppConnectionAzureKeyVaultRotationRotateAtUtc | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataInfisicalAppConnectionAzureKeyVaultRotationRotateAtUtc | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // hours - computed: true, optional: false, required: false
  public get hours() {
    return this.getNumberAttribute('hours');
  }

  // minutes - computed: true, optional: false, required: false
  public get minutes() {
    return this.getNumberAttribute('minutes');
  }
}
export interface DataInfisicalAppConnectionAzureKeyVaultRotation {
}

export function dataInfisicalAppConnectionAzureKeyVaultRotationToTerraform(struct?: DataInfisicalAppConnectionAzureKeyVaultRotation): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
  }
}


export function dataInfisicalAppConnectionAzureKeyVaultRotationToHclTerraform(struct?: DataInfisicalAppConnectionAzureKeyVaultRotation): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
  };
  return attrs;
}

export class DataInfisicalAppConnectionAzureKeyVaultRotationOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DataInfisicalAppConnectionAzureKeyVaultRotation | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataInfisicalAppConnectionAzureKeyVaultRotation | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // rotate_at_utc - computed: true, optional: false, required: false
  private _rotateAtUtc = new DataInfisicalAppConnectionAzureKeyVaultRotationRotateAtUtcOutputReference(this, "rotate_at_utc");
  public get rotateAtUtc() {
    return this._rotateAtUtc;
  }

  // rotation_interval - computed: true, optional: false, required: false
  public get rotationInterval() {
    return this.getNumberAttribute('rotation_interval');
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/data-sources/app_connection_azure_key_vault infisical_app_connection_azure_key_vault}
*/
export class DataInfisicalAppConnectionAzureKeyVault extends cdktn.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "infisical_app_connection_azure_key_vault";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a DataInfisicalAppConnectionAzureKeyVault resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataInfisicalAppConnectionAzureKeyVault to import
  * @param importFromId The id of the existing DataInfisicalAppConnectionAzureKeyVault that should be imported. Refer to the {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/data-sources/app_connection_azure_key_vault#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataInfisicalAppConnectionAzureKeyVault to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "infisical_app_connection_azure_key_vault", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/vaultbridge/infisical/0.1.0/docs/data-sources/app_connection_azure_key_vault infisical_app_connection_azure_key_vault} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataInfisicalAppConnectionAzureKeyVaultConfig = {}
  */
  public constructor(scope: Construct, id: string, config: DataInfisicalAppConnectionAzureKeyVaultConfig = {}) {
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
    this._id = config.id;
    this._name = config.name;
    this._projectId = config.projectId;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // created_at - computed: true, optional: false, required: false
  public get createdAt() {
    return this.getStringAttribute('created_at');
  }

  // credentials - computed: true, optional: false, required: false
  private _credentials = new DataInfisicalAppConnectionAzureKeyVaultCredentialsOutputReference(this, "credentials");
  public get credentials() {
    return this._credentials;
  }

  // credentials_hash - computed: true, optional: false, required: false
  public get credentialsHash() {
    return this.getStringAttribute('credentials_hash');
  }

  // description - computed: true, optional: false, required: false
  public get description() {
    return this.getStringAttribute('description');
  }

  // gateway_id - computed: true, optional: false, required: false
  public get gatewayId() {
    return this.getStringAttribute('gateway_id');
  }

  // id - computed: true, optional: true, required: false
  private _id?: string; 
  public get id() {
    return this.getStringAttribute('id');
  }
  public set id(value: string) {
    this._id = value;
  }
  public resetId() {
    this._id = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get idInput() {
    return this._id;
  }

  // is_auto_rotation_enabled - computed: true, optional: false, required: false
  public get isAutoRotationEnabled() {
    return this.getBooleanAttribute('is_auto_rotation_enabled');
  }

  // is_platform_managed_credentials - computed: true, optional: false, required: false
  public get isPlatformManagedCredentials() {
    return this.getBooleanAttribute('is_platform_managed_credentials');
  }

  // last_rotation_message - computed: true, optional: false, required: false
  public get lastRotationMessage() {
    return this.getStringAttribute('last_rotation_message');
  }

  // method - computed: true, optional: false, required: false
  public get method() {
    return this.getStringAttribute('method');
  }

  // name - computed: true, optional: true, required: false
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  public resetName() {
    this._name = undefined;
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

  // project_id - computed: true, optional: true, required: false
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

  // rotation - computed: true, optional: false, required: false
  private _rotation = new DataInfisicalAppConnectionAzureKeyVaultRotationOutputReference(this, "rotation");
  public get rotation() {
    return this._rotation;
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
      id: cdktn.stringToTerraform(this._id),
      name: cdktn.stringToTerraform(this._name),
      project_id: cdktn.stringToTerraform(this._projectId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      id: {
        value: cdktn.stringToHclTerraform(this._id),
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
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
