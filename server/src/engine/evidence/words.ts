// The words of a name, as the heuristics read them: `isAdmin` -> is, admin, isadmin; `user_roles`
// -> user, roles, userroles; `apiKey` -> api, key, apikey.

function splitWords(name: string): readonly string[] {
  const parts = name.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean).map((p) => p.toLowerCase());
  const joined: string[] = [];
  for (let i = 0; i + 1 < parts.length; i++) joined.push(parts[i] + parts[i + 1]);
  return [...parts, ...joined];
}

/** The words of names already read: handler code repeats a few names (`req`, `user`, `token`)
 * in every guard. Emptied when it grows large, so that it never holds more than a few files' worth. */
const wordsCache = new Map<string, readonly string[]>();
const WORDS_CACHE_LIMIT = 10_000;

export function wordsOf(name: string): readonly string[] {
  let words = wordsCache.get(name);
  if (words === undefined) {
    if (wordsCache.size >= WORDS_CACHE_LIMIT) wordsCache.clear();
    wordsCache.set(name, (words = splitWords(name)));
  }
  return words;
}
