package io.konggitops.cli;

/** The "Examples" footer of {@code --help}, per command: commands a user can copy. */
final class HelpExamples {
    static final String TOP = """

            Examples:
              kong-gitops render --repo . --endpoints manifests
              kong-gitops diff --repo https://github.com/acme/kong-routes.git --kong-admin-url http://localhost:8001
              kong-gitops reconcile --repo git@github.com:acme/kong-routes.git --git-ssh-key ~/.ssh/id_ed25519 \\
                  --kong-admin-url https://kong-admin.kong:8444 --kong-ca-cert ca.pem

            Exit codes: 0 ok / in sync, 1 error, 2 drift found (diff), 3 refused by a safety guard.
            Run 'kong-gitops COMMAND --help' for the options of a command.""";

    private HelpExamples() {
    }

    static String of(String command) {
        return switch (command) {
            case "render" -> """

                    Examples:
                      # the decK file KIC would produce, from a local checkout, endpoints from the manifests
                      kong-gitops render --repo . --endpoints manifests > kong.yaml
                      # one folder of a remote repository at a tag, as JSON, for Kong 3.4 in DB-less mode
                      kong-gitops render --repo https://github.com/acme/kong-routes.git --ref v1.4.0 --path prod \\
                          --kong-version 3.4.2 --db-mode off --format json -o kong.json""";
            case "validate" -> """

                    Examples:
                      kong-gitops validate --repo . --endpoints manifests
                      # in a pre-commit hook or CI: exit 1 on any error
                      kong-gitops validate --repo . --path prod --endpoints manifests -q""";
            case "diff" -> """

                    Examples:
                      # what would change in this Kong (exit 2 when anything would)
                      kong-gitops diff --repo . --kong-admin-url http://localhost:8001
                      # what a pull request changes, without a Kong, as a Markdown comment
                      kong-gitops diff --base-ref origin/main --ref HEAD --repo . --report markdown --report-file drift.md
                      # against a decK dump instead of a live Kong, JSON report for scripts
                      kong-gitops diff --repo . --kong-state kong-dump.yaml --report json | jq .summary""";
            case "reconcile" -> """

                    Examples:
                      # plan first, then apply (a terminal asks before deleting; --yes skips the question)
                      kong-gitops reconcile --repo . --kong-admin-url http://localhost:8001 --dry-run
                      kong-gitops reconcile --repo . --kong-admin-url http://localhost:8001
                      # in a CronJob: token from a Secret, at most 5 deletions, JSON report and logs
                      KONG_GITOPS_KONG_ADMIN_TOKEN_FILE=/var/run/secrets/kong/token kong-gitops reconcile \\
                          --repo https://github.com/acme/kong-routes.git --kong-admin-url https://kong-admin.kong:8444 \\
                          --max-deletions 5 --report json --log-format json""";
            default -> "";
        };
    }
}
