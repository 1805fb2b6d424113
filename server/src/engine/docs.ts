/** Where the rule pages live; every finding links to `docs/rules/<id>.md` there (a test checks it
 * against package.json's repository). */
export const REPOSITORY_URL = 'https://github.com/http-auth-lint/http-auth-lint';

export function docsUrlFor(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
