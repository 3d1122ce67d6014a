import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const TEST_SUPPORT = { group: ["**/test/support/*"], message: "test/support is for tests only." };

/** Files matching `files` may not import from the app folders in `folders` (nor from test support). */
function layer(files, folders) {
  return {
    files: [files],
    ignores: ["**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            TEST_SUPPORT,
            ...folders.map((folder) => ({
              group: [`~/${folder}/*`, `**/app/${folder}/*`, `../${folder}/*`],
              message: `${files} sits below app/${folder}: move the shared piece down, or pass it in.`,
            })),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      "build/",
      "public/build/",
      ".cache/",
      "node_modules/",
      "test-results/",
      "playwright-report/",
      "reports/",
      "data/",
      ".e2e-data/",
      ".scale-data/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Forms are read with readForm: a body that is not a form then answers 400, not 500.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/utils/form.server.ts", "app/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='formData']", message: "Read forms with readForm (app/utils/form.server.ts)." },
      ],
    },
  },
  {
    // Test support is for tests: production code that imported it would ship test doubles.
    files: ["app/**/*.{ts,tsx}", "db/**/*.ts", "server/**/*.ts", "scripts/**/*.{ts,js}", "bench/**/*.ts"],
    ignores: ["**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [TEST_SUPPORT] }],
    },
  },
  // Layers: each folder imports only from the layers below it (README, "Where things live").
  // utils knows no tables; domain does no I/O; models never reach up into services, mails or routes.
  layer("app/utils/**", ["models", "services", "mails", "pdf", "uploads", "routes", "components"]),
  layer("app/domain/**", ["models", "services", "mails", "pdf", "uploads", "routes", "components", "utils"]),
  layer("app/{pdf,uploads}/**", ["models", "services", "mails", "routes", "components"]),
  layer("app/models/**", ["services", "mails", "routes", "components"]),
  layer("app/mails/**", ["services", "routes", "components"]),
  {
    // Migrations take Kysely<any> by design: they are frozen and must not depend on today's schema types.
    files: ["db/migrations/**", "db/dialect.ts", "db/migrate.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
