// https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface ScrapengineProviderConfig {
  /**
  * The ScrapEngine API key (env SCRAPENGINE_API_KEY).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs#api_key ScrapengineProvider#api_key}
  */
  readonly apiKey?: string;
  /**
  * The ScrapEngine API base URL (env SCRAPENGINE_BASE_URL, default https://api.scrapengine.io/api/v1).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs#base_url ScrapengineProvider#base_url}
  */
  readonly baseUrl?: string;
  /**
  * Alias name
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs#alias ScrapengineProvider#alias}
  */
  readonly alias?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs scrapengine}
*/
export class ScrapengineProvider extends cdktn.TerraformProvider {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "scrapengine";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a ScrapengineProvider resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the ScrapengineProvider to import
  * @param importFromId The id of the existing ScrapengineProvider that should be imported. Refer to the {@link https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the ScrapengineProvider to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "scrapengine", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/vaultbridge/scrapengine/0.1.0/docs scrapengine} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ScrapengineProviderConfig = {}
  */
  public constructor(scope: Construct, id: string, config: ScrapengineProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'scrapengine',
      terraformGeneratorMetadata: {
        providerName: 'scrapengine',
        providerVersion: '0.1.0'
      },
      terraformProviderSource: 'registry.terraform.io/vaultbridge/scrapengine'
    });
    this._apiKey = config.apiKey;
    this._baseUrl = config.baseUrl;
    this._alias = config.alias;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // api_key - computed: false, optional: true, required: false
  private _apiKey?: string; 
  public get apiKey() {
    return this._apiKey;
  }
  public set apiKey(value: string | undefined) {
    this._apiKey = value;
  }
  public resetApiKey() {
    this._apiKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get apiKeyInput() {
    return this._apiKey;
  }

  // base_url - computed: false, optional: true, required: false
  private _baseUrl?: string; 
  public get baseUrl() {
    return this._baseUrl;
  }
  public set baseUrl(value: string | undefined) {
    this._baseUrl = value;
  }
  public resetBaseUrl() {
    this._baseUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get baseUrlInput() {
    return this._baseUrl;
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
      api_key: cdktn.stringToTerraform(this._apiKey),
      base_url: cdktn.stringToTerraform(this._baseUrl),
      alias: cdktn.stringToTerraform(this._alias),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      api_key: {
        value: cdktn.stringToHclTerraform(this._apiKey),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      base_url: {
        value: cdktn.stringToHclTerraform(this._baseUrl),
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
