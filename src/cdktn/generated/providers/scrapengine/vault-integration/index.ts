// https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs/resources/vault_integration
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface VaultIntegrationConfig extends cdktn.TerraformMetaArguments {
  /**
  * The Vault address, an http(s) URL. Changing it forces a new integration.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs/resources/vault_integration#address VaultIntegration#address}
  */
  readonly address: string;
  /**
  * Auth method; only `approle`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs/resources/vault_integration#auth_method VaultIntegration#auth_method}
  */
  readonly authMethod?: string;
  /**
  * Human-readable name, unique per account. Changing it forces a new integration.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs/resources/vault_integration#name VaultIntegration#name}
  */
  readonly name: string;
  /**
  * Vault Enterprise namespace; unset for none. Changing it forces a new integration.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs/resources/vault_integration#namespace VaultIntegration#namespace}
  */
  readonly namespace?: string;
  /**
  * The AppRole role_id. Changing it forces a new integration.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs/resources/vault_integration#role_id VaultIntegration#role_id}
  */
  readonly roleId: string;
  /**
  * The AppRole secret_id; rotated in place. Never returned by the API.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs/resources/vault_integration#secret_id VaultIntegration#secret_id}
  */
  readonly secretId?: string;
  /**
  * Write-only form of `secret_id` (Terraform ≥ 1.11): sent to the API, never stored in state or plans; takes ephemeral values. Set `secret_id` or `secret_id_wo`, not both.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs/resources/vault_integration#secret_id_wo VaultIntegration#secret_id_wo}
  */
  readonly secretIdWo?: string;
  /**
  * Change this number to send the write-only `secret_id_wo` again: a changed write-only value alone plans nothing, because Terraform keeps no copy to compare with.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs/resources/vault_integration#secret_id_wo_version VaultIntegration#secret_id_wo_version}
  */
  readonly secretIdWoVersion?: number;
  /**
  * Backend type; only `hashicorp`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs/resources/vault_integration#type VaultIntegration#type}
  */
  readonly type?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs/resources/vault_integration scrapengine_vault_integration}
*/
export class VaultIntegration extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "scrapengine_vault_integration";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a VaultIntegration resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the VaultIntegration to import
  * @param importFromId The id of the existing VaultIntegration that should be imported. Refer to the {@link https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs/resources/vault_integration#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the VaultIntegration to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "scrapengine_vault_integration", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs/resources/vault_integration scrapengine_vault_integration} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options VaultIntegrationConfig
  */
  public constructor(scope: Construct, id: string, config: VaultIntegrationConfig) {
    super(scope, id, {
      terraformResourceType: 'scrapengine_vault_integration',
      terraformGeneratorMetadata: {
        providerName: 'scrapengine',
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
    this._address = config.address;
    this._authMethod = config.authMethod;
    this._name = config.name;
    this._namespace = config.namespace;
    this._roleId = config.roleId;
    this._secretId = config.secretId;
    this._secretIdWo = config.secretIdWo;
    this._secretIdWoVersion = config.secretIdWoVersion;
    this._type = config.type;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // address - computed: false, optional: false, required: true
  private _address?: string; 
  public get address() {
    return this.getStringAttribute('address');
  }
  public set address(value: string) {
    this._address = value;
  }
  // Temporarily expose input value. Use with caution.
  public get addressInput() {
    return this._address;
  }

  // auth_method - computed: true, optional: true, required: false
  private _authMethod?: string; 
  public get authMethod() {
    return this.getStringAttribute('auth_method');
  }
  public set authMethod(value: string) {
    this._authMethod = value;
  }
  public resetAuthMethod() {
    this._authMethod = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get authMethodInput() {
    return this._authMethod;
  }

  // created_at - computed: true, optional: false, required: false
  public get createdAt() {
    return this.getStringAttribute('created_at');
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
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

  // namespace - computed: false, optional: true, required: false
  private _namespace?: string; 
  public get namespace() {
    return this.getStringAttribute('namespace');
  }
  public set namespace(value: string) {
    this._namespace = value;
  }
  public resetNamespace() {
    this._namespace = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get namespaceInput() {
    return this._namespace;
  }

  // role_id - computed: false, optional: false, required: true
  private _roleId?: string; 
  public get roleId() {
    return this.getStringAttribute('role_id');
  }
  public set roleId(value: string) {
    this._roleId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get roleIdInput() {
    return this._roleId;
  }

  // secret_id - computed: false, optional: true, required: false
  private _secretId?: string; 
  public get secretId() {
    return this.getStringAttribute('secret_id');
  }
  public set secretId(value: string) {
    this._secretId = value;
  }
  public resetSecretId() {
    this._secretId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secretIdInput() {
    return this._secretId;
  }

  // secret_id_wo - computed: false, optional: true, required: false
  private _secretIdWo?: string; 
  public get secretIdWo(): string | undefined {
    // write-only: never in state, so this gives back what was configured (undefined when unset)
    return this._secretIdWo;
  }
  public set secretIdWo(value: string) {
    this._secretIdWo = value;
  }
  public resetSecretIdWo() {
    this._secretIdWo = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secretIdWoInput() {
    return this._secretIdWo;
  }

  // secret_id_wo_version - computed: false, optional: true, required: false
  private _secretIdWoVersion?: number; 
  public get secretIdWoVersion() {
    return this.getNumberAttribute('secret_id_wo_version');
  }
  public set secretIdWoVersion(value: number) {
    this._secretIdWoVersion = value;
  }
  public resetSecretIdWoVersion() {
    this._secretIdWoVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secretIdWoVersionInput() {
    return this._secretIdWoVersion;
  }

  // type - computed: true, optional: true, required: false
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  public resetType() {
    this._type = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
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
      address: cdktn.stringToTerraform(this._address),
      auth_method: cdktn.stringToTerraform(this._authMethod),
      name: cdktn.stringToTerraform(this._name),
      namespace: cdktn.stringToTerraform(this._namespace),
      role_id: cdktn.stringToTerraform(this._roleId),
      secret_id: cdktn.stringToTerraform(this._secretId),
      secret_id_wo: this.markWriteOnlyAttribute(cdktn.stringToTerraform(this._secretIdWo)),
      secret_id_wo_version: cdktn.numberToTerraform(this._secretIdWoVersion),
      type: cdktn.stringToTerraform(this._type),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      address: {
        value: cdktn.stringToHclTerraform(this._address),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      auth_method: {
        value: cdktn.stringToHclTerraform(this._authMethod),
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
      namespace: {
        value: cdktn.stringToHclTerraform(this._namespace),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      role_id: {
        value: cdktn.stringToHclTerraform(this._roleId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      secret_id: {
        value: cdktn.stringToHclTerraform(this._secretId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      secret_id_wo: {
        value: this.markWriteOnlyAttribute(cdktn.stringToHclTerraform(this._secretIdWo)),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      secret_id_wo_version: {
        value: cdktn.numberToHclTerraform(this._secretIdWoVersion),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      type: {
        value: cdktn.stringToHclTerraform(this._type),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
