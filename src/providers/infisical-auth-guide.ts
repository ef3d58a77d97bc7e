/** The "Authentication" section of the infisical provider's reference page: every login method with a CI example. */
export const INFISICAL_AUTH_GUIDE = `## Authentication

Exactly one method. A method set in the \`auth\` block wins; without one, \`INFISICAL_AUTH_METHOD\`
(\`token\`, \`universal\`, \`oidc\`, \`kubernetes\`, \`aws_iam\`) picks it, and without that, \`INFISICAL_TOKEN\` or the
\`INFISICAL_UNIVERSAL_AUTH_*\` pair. Every attribute of a method falls back to its environment variable. A missing or
contradictory setting is refused at plan time, naming the attribute and the variable, before any API call.

| method | attributes | environment |
|---|---|---|
| \`token\` | \`token\` | \`INFISICAL_TOKEN\` |
| \`universal\` | \`client_id\`, \`client_secret\` | \`INFISICAL_UNIVERSAL_AUTH_CLIENT_ID\`, \`INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET\` |
| \`oidc\` | \`identity_id\`, \`token_environment_variable_name\` (default \`INFISICAL_AUTH_JWT\`) | \`INFISICAL_MACHINE_IDENTITY_ID\`, \`INFISICAL_OIDC_AUTH_TOKEN_NAME\`, and the JWT in the named variable |
| \`kubernetes\` | \`identity_id\`, \`service_account_token_path\`, \`service_account_token\` | \`INFISICAL_MACHINE_IDENTITY_ID\`, \`INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH\`, \`INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN\` |
| \`aws_iam\` | \`identity_id\` | \`INFISICAL_MACHINE_IDENTITY_ID\`, the standard AWS credential chain and \`AWS_REGION\` |
| \`organization_slug\` | log in to that sub-organization | \`INFISICAL_AUTH_ORGANIZATION_SLUG\` |

Every method but \`token\` logs in again once when a call answers that the access token expired. No token, JWT or
AWS secret is ever logged.

### OIDC from GitHub Actions

The identity's OIDC Auth is configured in Infisical with the issuer \`https://token.actions.githubusercontent.com\`,
the audience you request below, and a bound subject such as \`repo:my-org/my-repo:ref:refs/heads/main\`.

\`\`\`yaml
permissions:
  id-token: write
  contents: read
jobs:
  apply:
    runs-on: ubuntu-latest
    env:
      INFISICAL_AUTH_METHOD: oidc
      INFISICAL_MACHINE_IDENTITY_ID: \${{ vars.INFISICAL_IDENTITY_ID }}
    steps:
      - uses: actions/checkout@v4
      - name: GitHub's OIDC token for Infisical
        run: |
          jwt=$(curl -sSf -H "Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" \\
            "$ACTIONS_ID_TOKEN_REQUEST_URL&audience=infisical" | jq -r .value)
          echo "::add-mask::$jwt"
          echo "INFISICAL_AUTH_JWT=$jwt" >> "$GITHUB_ENV"
      - run: terraform init && terraform apply -auto-approve
\`\`\`

### OIDC from GitLab CI (\`id_tokens\`)

GitLab puts the JWT in the variable the job names; point the provider at it (or name it \`INFISICAL_AUTH_JWT\`).
The identity's issuer is your GitLab URL, e.g. \`https://gitlab.com\`, and its audience the \`aud\` below.

\`\`\`yaml
apply:
  id_tokens:
    GITLAB_OIDC_TOKEN:
      aud: infisical
  variables:
    INFISICAL_MACHINE_IDENTITY_ID: "00000000-0000-0000-0000-000000000000"
  script:
    - terraform init && terraform apply -auto-approve
\`\`\`

\`\`\`hcl
provider "infisical" {
  auth = {
    oidc = { token_environment_variable_name = "GITLAB_OIDC_TOKEN" } # identity_id from INFISICAL_MACHINE_IDENTITY_ID
  }
}
\`\`\`

### Kubernetes

The pod's service account token is read from \`/var/run/secrets/kubernetes.io/serviceaccount/token\` (or
\`service_account_token_path\`) at every login, so rotated projected tokens are picked up. The identity's
Kubernetes Auth names the cluster and the allowed service account.

\`\`\`yaml
apiVersion: batch/v1
kind: Job
metadata:
  name: terraform-apply
spec:
  template:
    spec:
      serviceAccountName: terraform
      restartPolicy: Never
      containers:
        - name: apply
          image: hashicorp/terraform:1.11
          args: ["apply", "-auto-approve"]
          env:
            - name: INFISICAL_AUTH_METHOD
              value: kubernetes
            - name: INFISICAL_MACHINE_IDENTITY_ID
              value: "00000000-0000-0000-0000-000000000000"
\`\`\`

### AWS IAM

The provider signs an \`sts:GetCallerIdentity\` request with the AWS credentials at hand — environment keys, a
profile of the shared config and credentials files, web identity (\`AWS_WEB_IDENTITY_TOKEN_FILE\`, as EKS and
GitHub's AWS action set), or the instance or container role — and Infisical checks it with STS. The signing region
is \`AWS_REGION\` (or \`AWS_DEFAULT_REGION\`, else \`us-east-1\`). The identity's AWS Auth lists the allowed
account IDs or principal ARNs.

\`\`\`yaml
jobs:
  apply:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
      contents: read
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/terraform
          aws-region: eu-west-1
      - run: terraform init && terraform apply -auto-approve
        env:
          INFISICAL_AUTH_METHOD: aws_iam
          INFISICAL_MACHINE_IDENTITY_ID: \${{ vars.INFISICAL_IDENTITY_ID }}
\`\`\`

### Sub-organizations

\`organization_slug\` (or \`INFISICAL_AUTH_ORGANIZATION_SLUG\`) logs in to that sub-organization with any method
but \`token\`; the connections are then the sub-organization's own.

### Trying it offline

\`vaultbridge emulator\` prints an identity per method in its ready line (\`identities.oidc\`,
\`identities.kubernetes\`, \`identities.awsIam\`, the AWS key pair \`identities.aws\`) and a
\`subOrganization.slug\`. \`POST /__emulator/oidc/token\` with \`{"identityId": …}\` answers a JWT that its OIDC and
Kubernetes logins accept; AWS IAM logins must be signed with \`identities.aws\`.
`;
